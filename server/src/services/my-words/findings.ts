import type { WordUseFinding } from '@mizug/domain';
import { citedCards } from '@mizug/editor/board';
import type { Database } from '../../db/database';
import { listBoardsOfInitiative } from '../../db/repositories/boards';
import { listFindingsOfBoard } from '../../db/repositories/findings';
import type { StoredCard } from '../../db/repositories/insight-cards';
import { readBoardLayout } from '../boards/document';

/**
 * The findings holding or citing each of these cards, by card id. A board's cards are the cards
 * made in its space, so only boards there are read; a final finding cites what its frozen
 * statement cites.
 */
export async function findingsOfCards(
  db: Database,
  initiativeId: string,
  cards: readonly StoredCard[],
): Promise<Map<string, WordUseFinding[]>> {
  const uses = new Map<string, WordUseFinding[]>();
  const spaces = new Set(cards.map((card) => card.spaceId));
  for (const board of await listBoardsOfInitiative(db, initiativeId)) {
    if (!spaces.has(board.spaceId)) continue;
    const stored = await listFindingsOfBoard(db, board.id);
    if (stored.length === 0) continue;
    const layout = await readBoardLayout(
      db,
      board.id,
      stored.map(({ id }) => id),
    );
    for (const finding of stored) {
      const cited = new Set(citedCards((finding.final ?? layout.texts.get(finding.id)!).statement));
      for (const card of cards) {
        if (card.spaceId !== board.spaceId) continue;
        const cites = cited.has(card.id);
        if (!cites && layout.placements.get(card.id)?.finding !== finding.id) continue;
        const { id, boardId, title, status } = finding;
        uses.set(card.id, [...(uses.get(card.id) ?? []), { id, boardId, title, status, cites }]);
      }
    }
  }
  return uses;
}
