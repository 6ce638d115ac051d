import * as Y from 'yjs';
import type { Database } from '../db/database';
import {
  appendUpdatesOfDocuments,
  recordContributors,
  loadDocument,
  loadDocumentSince,
  type StoredDocument,
  replaceSnapshot,
  tryLockDocument,
} from '../db/repositories/collab-documents';
import { writeSearchBody } from '../db/repositories/search-texts';
import { searchTextOf } from './search-text';

/**
 * Loads and stores Yjs documents as bytes. Knows nothing of sockets: the room decides when to
 * call it. Storage is a snapshot plus the updates appended since; compaction folds them together.
 */
export class CollabPersistence {
  private readonly appends: GroupCommit;

  constructor(private readonly db: Database) {
    this.appends = new GroupCommit(db);
  }

  /**
   * The stored state as one update, how many updates follow the snapshot, and the sequence
   * number of the last update it contains.
   */
  async load(docName: string): Promise<{
    state: Uint8Array | null;
    pendingUpdates: number;
    bytes: number;
    lastSeq: number;
  }> {
    const stored = await loadDocument(this.db, docName);
    const state = merged(stored);
    return {
      state,
      pendingUpdates: stored.updates.length,
      bytes: state?.byteLength ?? 0,
      lastSeq: stored.lastSeq,
    };
  }

  /**
   * Applies the stored state to `doc` (with `origin`), straight from the stored parts rather than
   * through one merged update. Returns what `load` does besides the state.
   */
  async loadInto(
    docName: string,
    doc: Y.Doc,
    origin: unknown,
  ): Promise<{ pendingUpdates: number; bytes: number; lastSeq: number }> {
    const stored = await loadDocument(this.db, docName);
    applyStored(doc, stored, origin);
    return {
      pendingUpdates: stored.updates.length,
      bytes:
        (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0),
      lastSeq: stored.lastSeq,
    };
  }

  /** What was stored after sequence number `afterSeq`, as one update (null: nothing). */
  async loadSince(
    docName: string,
    afterSeq: number,
  ): Promise<{ state: Uint8Array | null; lastSeq: number }> {
    const stored = await loadDocumentSince(this.db, docName, afterSeq);
    return { state: merged(stored), lastSeq: stored.lastSeq };
  }

  /**
   * Appends updates in the order given (sequence numbers follow that order). Resolves once they
   * are committed; appends of other documents made meanwhile share the statement and its commit.
   */
  append(docName: string, updates: Uint8Array[]): Promise<void> {
    return this.appends.append(docName, updates);
  }

  /** Records who edited the document, for its history. */
  recordContributors(docName: string, authorIds: string[]): Promise<void> {
    return recordContributors(this.db, docName, authorIds);
  }

  /**
   * Folds the updates into the snapshot, and stores what search reads of it. Runs beside
   * editing: new updates keep being appended with higher sequence numbers and stay for the next
   * compaction. The reading and folding happen outside any transaction (on PGlite a transaction
   * holds back every other query); only the writes are one, and they never replace a newer
   * snapshot, so a compaction that lost a race with another instance's changes nothing.
   * Another instance writing the same document's compaction makes this one skip. Returns whether
   * it compacted.
   */
  async compact(docName: string): Promise<boolean> {
    const stored = await loadDocument(this.db, docName);
    if (stored.updates.length === 0) return false;
    // Encoding from a document (not only merging) also garbage-collects deleted content.
    const doc = documentOf(stored);
    const state = Y.encodeStateAsUpdate(doc);
    const searchText = searchTextOf(docName, doc);
    doc.destroy();
    return this.db.transaction(async (tx) => {
      if (!(await tryLockDocument(tx, docName))) return false;
      await replaceSnapshot(tx, docName, state, stored.lastSeq);
      if (searchText !== null) await writeSearchBody(tx, docName, searchText, stored.lastSeq);
      return true;
    });
  }
}

/**
 * The stored snapshot and updates applied to a new document, in one transaction. Much faster than
 * `Y.mergeUpdates` over thousands of small updates, which grows worse than linearly.
 */
function documentOf(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, stored, null);
  return doc;
}

function applyStored(doc: Y.Doc, stored: StoredDocument, origin: unknown) {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, origin);
    for (const update of stored.updates) Y.applyUpdate(doc, update, origin);
  }, origin);
}

function merged(stored: StoredDocument): Uint8Array | null {
  const parts = stored.updates.length + (stored.snapshot ? 1 : 0);
  if (parts === 0) return null;
  if (parts === 1) return stored.snapshot ?? stored.updates[0]!;
  const doc = documentOf(stored);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** Rows in one statement at most (PostgreSQL allows 65,535 parameters; each row takes two). */
const MAX_GROUP_ROWS = 1000;

interface Waiting {
  docName: string;
  updates: Uint8Array[];
  done: (error?: unknown) => void;
}

/**
 * Group commit across documents: appends made while a statement is in flight (and in the same
 * run of code) go out together as one multi-row INSERT (one commit, one
 * round trip) rather than one per document. Each caller's promise resolves only once its rows
 * are committed, so store-before-broadcast holds; if the statement fails, every append in it
 * fails (each room then discards and its clients resync, as for any failed append).
 */
class GroupCommit {
  private queue: Waiting[] = [];
  private scheduled = false;
  private writing = false;

  constructor(private readonly db: Database) {}

  append(docName: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({
        docName,
        updates,
        done: (error) => (error === undefined ? resolve() : reject(error as Error)),
      });
      if (!this.scheduled && !this.writing) {
        this.scheduled = true;
        // With what else this run of code appends (a microtask, not a later turn: an append
        // while nothing is in flight goes out at once, ahead of queries issued after it).
        queueMicrotask(() => {
          this.scheduled = false;
          void this.write();
        });
      }
    });
  }

  private async write() {
    this.writing = true;
    while (this.queue.length > 0) {
      const group: Waiting[] = [];
      let rows = 0;
      // Whole appends only, so each document's updates stay in one statement and in order.
      while (
        this.queue[0] &&
        (group.length === 0 || rows + this.queue[0].updates.length <= MAX_GROUP_ROWS)
      ) {
        const next = this.queue.shift()!;
        group.push(next);
        rows += next.updates.length;
      }
      try {
        await appendUpdatesOfDocuments(
          this.db,
          group.flatMap(({ docName, updates }) => updates.map((update) => ({ docName, update }))),
        );
        for (const waiting of group) waiting.done();
      } catch (error) {
        for (const waiting of group) waiting.done(error);
      }
    }
    this.writing = false;
  }
}
