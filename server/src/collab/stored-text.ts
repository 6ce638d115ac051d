import * as Y from 'yjs';
import type { Database } from '../db/database';
import { contentRulesOf } from './document-kinds';
import { CollabPersistence } from './persistence';

/**
 * The stored text of a document (of a rich-text one: one line per block), as its readers read it. Every
 * edit anyone saw acknowledged is stored, so this never lags behind what people were shown.
 */
export async function storedText(db: Database, docName: string): Promise<string> {
  const { state } = await new CollabPersistence(db).load(docName);
  if (!state) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = contentRulesOf(docName).text(doc);
  doc.destroy();
  return text;
}
