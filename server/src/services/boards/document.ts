import { boardDocName } from '@mizug/domain';
import {
  findingParts,
  readPlacements,
  type FindingPart,
  type Placement,
} from '@mizug/editor/board';
import { findingPartText } from '../../collab/board-content';
import { storedDoc } from '../../collab/stored-text';
import type { Database } from '../../db/database';

/** A finding's texts as the board document holds them (citations read `[card:<id>]`). */
export type FindingTexts = Record<FindingPart, string>;

/** What a board's document holds now: every card's placement and these findings' texts. */
export interface BoardLayout {
  placements: ReadonlyMap<string, Placement>;
  texts: ReadonlyMap<string, FindingTexts>;
}

/**
 * Reads a board's document as stored (every edit anyone saw acknowledged, so the API never lags
 * behind what the board page showed): the placements, and the texts of `findingIds`.
 */
export async function readBoardLayout(
  db: Database,
  boardId: string,
  findingIds: readonly string[],
): Promise<BoardLayout> {
  const doc = await storedDoc(db, boardDocName(boardId));
  try {
    const texts = new Map(
      findingIds.map((id) => [
        id,
        Object.fromEntries(
          findingParts.map((part) => [part, findingPartText(doc, id, part)]),
        ) as FindingTexts,
      ]),
    );
    return { placements: readPlacements(doc), texts };
  } finally {
    doc.destroy();
  }
}
