import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

const PREFIX = 'mizug:';

/**
 * Keeps a copy of the document in this browser so edits made offline survive a closed tab and
 * sync on reconnect. Named per account: someone else signing in on the same computer never
 * loads another person's copy.
 */
export function keepOffline(accountId: string, docName: string, doc: Y.Doc) {
  return new IndexeddbPersistence(`${PREFIX}${accountId}:${docName}`, doc);
}

/** On sign-out: a shared computer must not keep anyone's stories. */
export async function forgetOfflineDocuments() {
  const databases = (await indexedDB.databases?.()) ?? [];
  await Promise.all(
    databases
      .flatMap((database) => (database.name?.startsWith(PREFIX) ? [database.name] : []))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
