import { z } from 'zod';
import { documentText, firstRefusal, richTextRefusal, textItemRefusal } from '@mizug/editor';
import {
  boardPlacementsField,
  findingField,
  findingFieldPattern,
  numberCitations,
  type FindingPart,
} from '@mizug/editor/board';
import * as Y from 'yjs';

/** What one card's entry in `placements` may hold: its finding (or none) and its order. */
const placementSchema = z.strictObject({
  finding: z.uuid().nullable(),
  order: z.number().finite(),
});

const isFindingField = (name: string) => findingFieldPattern.test(name);

/** Why an item of `placements` is refused: only uuid keys with a placement value. */
function placementRefusal(item: Y.Item): string | null {
  if (item.parentSub === null) return 'a list in the placements';
  if (!z.uuid().safeParse(item.parentSub).success) return 'a placement of something not a card';
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  if (!(content instanceof Y.ContentAny || content instanceof Y.ContentJSON))
    return 'a placement that is not a value';
  if (content.arr.length !== 1 || !placementSchema.safeParse(content.arr[0]).success)
    return 'a placement that is not {finding, order}';
  return null;
}

/** A citation names a card by its id, so its `cardId` is a uuid. */
function citationRefusal(item: Y.Item): string | null {
  if (item.parentSub !== 'cardId' || typeof item.parent === 'string') return null;
  const content = item.content;
  if (!(content instanceof Y.ContentAny)) return null;
  return content.arr.every((value) => z.uuid().safeParse(value).success)
    ? null
    : 'a citation of something not a card';
}

function boardItemRefusal(item: Y.Item): string | null {
  // A decoded item's parent is a root's name (or the id of the item that holds it).
  const parent: unknown = item.parent;
  if (parent === boardPlacementsField) return placementRefusal(item);
  return richTextRefusal(item, isFindingField) ?? citationRefusal(item);
}

/**
 * Checks a Yjs update of a board document before the server applies it: only the `placements`
 * map and the findings' rich-text fragments (each in the editor's schema), and text that follows
 * the text rules. Returns what is refused, or null.
 */
export const boardUpdateRefusal = (update: Uint8Array): string | null =>
  firstRefusal(update, boardItemRefusal, textItemRefusal);

/** A finding's part as plain text (citations read `[card:<id>]`). */
export const findingPartText = (doc: Y.Doc, findingId: string, part: FindingPart) =>
  documentText(doc, findingField(findingId, part));

/** A board's text, as search reads it: its findings' statements, citations numbered. */
export function boardText(doc: Y.Doc): string {
  const statements = [...doc.share.keys()]
    .filter((name) => name.startsWith('statement-') && isFindingField(name))
    .sort()
    .map((name) => numberCitations(documentText(doc, name)).text)
    .filter((text) => text.length > 0);
  return statements.join('\n');
}
