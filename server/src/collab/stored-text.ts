import * as Y from 'yjs';
import type { Database } from '../db/database';
import { contentRulesOf } from './document-kinds';
import { CollabPersistence } from './persistence';

/**
 * A document as stored, for reading only (the caller destroys it). Every edit anyone saw
 * acknowledged is stored, so this never lags behind what people were shown.
 */
export async function storedDoc(db: Database, docName: string): Promise<Y.Doc> {
  const { state } = await new CollabPersistence(db).load(docName);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

/** The stored text of a document (of a rich-text one: one line per block), as its readers read it. */
export async function storedText(db: Database, docName: string): Promise<string> {
  const doc = await storedDoc(db, docName);
  const text = contentRulesOf(docName).text(doc);
  doc.destroy();
  return text;
}
