import { documentText } from '@mizug/editor';
import * as Y from 'yjs';
import type { Database } from '../db/database';
import { CollabPersistence } from './persistence';

/**
 * The stored text of a rich-text document, one line per block, as its readers read it. Every
 * edit anyone saw acknowledged is stored, so this never lags behind what people were shown.
 */
export async function storedText(db: Database, docName: string): Promise<string> {
  const { state } = await new CollabPersistence(db).load(docName);
  if (!state) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = documentText(doc);
  doc.destroy();
  return text;
}
