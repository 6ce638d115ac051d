import type { CardAnchor } from '@mizug/domain';
import * as Y from 'yjs';
import { storedDoc } from '../../collab/stored-text';
import type { Database } from '../../db/database';
import { AppError } from '../../errors';

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The plain text of a Yjs text type (formatting attributes and embeds left out). */
const plain = (type: Y.Text | Y.XmlText) =>
  (type.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');

function resolve(doc: Y.Doc, encoded: string) {
  try {
    return Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(fromBase64(encoded)),
      doc,
    );
  } catch {
    return null;
  }
}

/**
 * Checks that the anchor points into the source's stored document and, when it starts and ends
 * in one paragraph, at exactly the quote; returns it as bytes to store.
 */
export async function checkAnchor(
  db: Database,
  docName: string,
  anchor: CardAnchor,
  quote: string,
): Promise<{ start: Uint8Array; end: Uint8Array }> {
  const doc = await storedDoc(db, docName);
  try {
    const start = resolve(doc, anchor.start);
    const end = resolve(doc, anchor.end);
    if (!start || !end) throw new AppError('anchor_not_in_source');
    if (start.type === end.type) {
      const type = start.type;
      const text = type instanceof Y.Text || type instanceof Y.XmlText ? plain(type) : null;
      if (text === null || text.slice(start.index, end.index) !== quote)
        throw new AppError('anchor_not_in_source');
    }
    return { start: fromBase64(anchor.start), end: fromBase64(anchor.end) };
  } finally {
    doc.destroy();
  }
}
