import * as Y from 'yjs';
import type { Database } from '../db/database';
import {
  appendUpdates,
  recordContributors,
  loadDocument,
  loadDocumentSince,
  type StoredDocument,
  replaceSnapshot,
  tryLockDocument,
} from '../db/repositories/collab-documents';

/**
 * Loads and stores Yjs documents as bytes. Knows nothing of sockets: the room decides when to
 * call it. Storage is a snapshot plus the updates appended since; compaction folds them together.
 */
export class CollabPersistence {
  constructor(private readonly db: Database) {}

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
      lastSeq: lastSeqOf(stored),
    };
  }

  /** What was stored after sequence number `afterSeq`, as one update (null: nothing). */
  async loadSince(
    docName: string,
    afterSeq: number,
  ): Promise<{ state: Uint8Array | null; lastSeq: number }> {
    const stored = await loadDocumentSince(this.db, docName, afterSeq);
    return { state: merged(stored), lastSeq: lastSeqOf(stored) };
  }

  /** Appends updates in the order given (sequence numbers follow that order). */
  append(docName: string, updates: Uint8Array[]): Promise<void> {
    return appendUpdates(this.db, docName, updates);
  }

  /** Records who edited the document, for its history. */
  recordContributors(docName: string, authorIds: string[]): Promise<void> {
    return recordContributors(this.db, docName, authorIds);
  }

  /**
   * Folds the updates into the snapshot. Runs beside editing: new updates keep being appended
   * with higher sequence numbers and stay for the next compaction. Another instance compacting
   * the same document makes this one skip. Returns whether it compacted.
   */
  async compact(docName: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await tryLockDocument(tx, docName))) return false;
      const stored = await loadDocument(tx, docName);
      if (stored.updates.length === 0) return false;
      const parts = [
        ...(stored.snapshot ? [stored.snapshot] : []),
        ...stored.updates.map((u) => u.update),
      ];
      // Encoding from a document (not only merging) also garbage-collects deleted content.
      const doc = new Y.Doc();
      for (const part of parts) Y.applyUpdate(doc, part);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      await replaceSnapshot(tx, docName, state, stored.updates.at(-1)!.seq);
      return true;
    });
  }
}

function merged(stored: StoredDocument): Uint8Array | null {
  const parts = [
    ...(stored.snapshot ? [stored.snapshot] : []),
    ...stored.updates.map((u) => u.update),
  ];
  return parts.length === 0 ? null : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

const lastSeqOf = (stored: StoredDocument) => stored.updates.at(-1)?.seq ?? stored.snapshotSeq;
