import { searchable } from '@mizug/domain';
import { documentText } from '@mizug/editor';
import type * as Y from 'yjs';

/** Documents whose text search reads: story bodies (`story.<id>.body`). */
const searchedDocName = /^story\.[^.]+\.body$/;

/** What search stores of a document (in searchable form), or null for a document it never reads. */
export function searchTextOf(docName: string, doc: Y.Doc): string | null {
  return searchedDocName.test(docName) ? searchable(documentText(doc)) : null;
}
