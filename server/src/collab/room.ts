import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../logger';
import { AwarenessOwners, type AwarenessChanges, type AwarenessWriter } from './awareness-owners';
import type { CollabPersistence } from './persistence';
import type { FanoutKind } from './redis-fanout';
import { encodeAwarenessStates, encodeUpdateMessage } from './protocol';

/** Updates stored in one statement at most (bounded by PostgreSQL's parameter limit too). */
const MAX_BATCH = 500;

/** Who made a change on this instance: an account, or the server itself (null). */
export interface LocalAuthor {
  readonly authorId: string | null;
}

/** One participant's socket in a room, as the room needs it. */
export interface RoomConnection extends LocalAuthor {
  send(message: Uint8Array): void;
}

/**
 * Where an update came from: a local connection or a server-side edit (stored and broadcast
 * here), another instance (Redis, or storage after an outage: already stored), or storage.
 */
export type UpdateOrigin = LocalAuthor | 'remote' | 'load';

export interface RoomOptions {
  name: string;
  persistence: CollabPersistence;
  logger: Logger;
  /** Sends a locally made update or awareness change to the other instances. */
  publish?: (kind: FanoutKind, payload: Uint8Array) => void;
  /** Compact after this many appended updates. */
  compactEvery: number;
  /**
   * What the document's schema refuses in an update, or null; it must also throw on bytes that
   * are not an update. Default: only that they decode.
   */
  checkUpdate?: (update: Uint8Array) => string | null;
}

/**
 * A live Yjs document. Every update a participant makes is appended to storage first and only
 * then broadcast, in the order it was made, so whatever another participant has seen is stored.
 * (The sender's own document already has it: if storing fails, the room is discarded and the
 * sender's client re-sends it when it resyncs with a freshly loaded one.)
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<RoomConnection>();
  /** Which connection (or other instance) each presence belongs to; see AwarenessOwners. */
  readonly awarenessOwners = new AwarenessOwners();
  /** Approximate stored size, for the document size limit. */
  bytes = 0;
  private pending: { update: Uint8Array; authorId: string | null }[] = [];
  private writing: Promise<void> | null = null;
  /** Local updates queued for storage since the room loaded, and how many of them are stored. */
  private queued = 0;
  private stored = 0;
  /** What waits for storage to catch up with the live document (see whenStored). */
  private readonly waitingForStorage: { upTo: number; then: () => void }[] = [];
  private appendedSinceCompaction = 0;
  /**
   * Who edited since contributors were last recorded. Recorded within two seconds rather than
   * with each update, so attribution never delays an edit reaching the others.
   */
  private readonly unrecordedAuthors = new Set<string>();
  private contributorsTimer: NodeJS.Timeout | null = null;
  private compacting: Promise<unknown> | null = null;
  /** Every stored update up to this sequence number is in the live document. */
  private storedUpTo = 0;

  constructor(private readonly options: RoomOptions) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: UpdateOrigin) =>
      this.onUpdate(update, origin),
    );
    this.awareness.on('update', (changes: AwarenessChanges, origin: unknown) => {
      // Also runs from y-protocols' timeout timer, where a throw would end the process.
      try {
        this.onAwarenessUpdate(changes, origin);
      } catch (error) {
        this.options.logger.error({ err: error, doc: this.name }, 'could not share presence');
      }
    });
  }

  private onAwarenessUpdate(changes: AwarenessChanges, origin: unknown) {
    const writer =
      origin === 'remote' || this.connections.has(origin as RoomConnection)
        ? (origin as AwarenessWriter)
        : null;
    this.awarenessOwners.record(changes, writer);
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const message = encodeAwarenessStates(this.awareness, changed);
    for (const connection of this.connections) connection.send(message);
    if (origin !== 'remote') {
      this.options.publish?.(
        'awareness',
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      );
    }
  }

  get name() {
    return this.options.name;
  }

  /** Why an incoming update may not be applied, or null. */
  refusal(update: Uint8Array): string | null {
    if (this.options.checkUpdate) return this.options.checkUpdate(update);
    Y.decodeUpdate(update);
    return null;
  }

  async load(): Promise<void> {
    const stored = await this.options.persistence.loadInto(this.name, this.doc, 'load');
    this.bytes = stored.bytes;
    this.appendedSinceCompaction = stored.pendingUpdates;
    this.storedUpTo = stored.lastSeq;
    // Left uncompacted (a crash, a failed compaction): fold them now, so the next load is quick.
    if (stored.pendingUpdates >= this.options.compactEvery) void this.compact();
  }

  /**
   * Applies what other instances stored since this room last read storage and this document may
   * lack (Redis lost their messages), and forwards it to the connections here. A loaded room
   * never reloads while it has connections, so this is how it converges after an outage.
   */
  async catchUp(): Promise<void> {
    const missed = await this.options.persistence.loadSince(this.name, this.storedUpTo);
    // Updates it already has change nothing, and nothing is sent for them.
    if (missed.state) Y.applyUpdate(this.doc, missed.state, 'remote');
    this.storedUpTo = Math.max(this.storedUpTo, missed.lastSeq);
  }

  private onUpdate(update: Uint8Array, origin: UpdateOrigin) {
    if (origin === 'load') return;
    if (origin === 'remote') {
      // Another instance stored it before publishing it.
      const message = encodeUpdateMessage(update);
      for (const connection of this.connections) connection.send(message);
      return;
    }
    this.bytes += update.byteLength;
    this.queued++;
    this.pending.push({ update, authorId: origin.authorId });
    this.writing ??= this.writePending();
  }

  /**
   * Stores queued updates and then broadcasts them, in order. Updates that arrive while a write
   * is in flight go out together in the next one (group commit), so a burst waits for one round
   * trip rather than a chain of them.
   */
  private async writePending() {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        await this.options.persistence.append(
          this.name,
          batch.map(({ update }) => update),
        );
        for (const { authorId } of batch) if (authorId) this.unrecordedAuthors.add(authorId);
        this.contributorsTimer ??= setTimeout(() => void this.recordContributors(), 2000).unref();
        for (const { update } of batch) {
          const message = encodeUpdateMessage(update);
          for (const connection of this.connections) connection.send(message);
          this.options.publish?.('update', update);
        }
        this.stored += batch.length;
        while (this.waitingForStorage[0] && this.waitingForStorage[0].upTo <= this.stored)
          this.waitingForStorage.shift()!.then();
        this.appendedSinceCompaction += batch.length;
        if (this.appendedSinceCompaction >= this.options.compactEvery) void this.compact();
      }
    } catch (error) {
      // Not stored means not shown to anyone; senders resync what is missing when they reconnect.
      this.options.logger.error(
        { err: error, doc: this.name },
        'could not store a collaboration update',
      );
      this.pending = [];
      this.waitingForStorage.length = 0;
      this.discard();
    } finally {
      this.writing = null;
    }
  }

  /**
   * Runs `then` once every update the live document holds now is stored (at once if it is), or
   * never if storing fails. What a joiner is sent waits for this: the live document is ahead of
   * storage by the writes in flight, and nobody may see an update before it is stored.
   */
  whenStored(then: () => void) {
    if (this.stored === this.queued) then();
    else this.waitingForStorage.push({ upTo: this.queued, then });
  }

  /** Resolves once every update received so far is stored (and broadcast). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Stores who has edited since last time; before a version is taken, and on unload. */
  async recordContributors(): Promise<void> {
    await this.flushed();
    if (this.contributorsTimer) clearTimeout(this.contributorsTimer);
    this.contributorsTimer = null;
    if (this.unrecordedAuthors.size === 0) return;
    const authors = [...this.unrecordedAuthors];
    this.unrecordedAuthors.clear();
    await this.options.persistence
      .recordContributors(this.name, authors)
      .catch((error: unknown) =>
        this.options.logger.error({ err: error, doc: this.name }, 'could not record contributors'),
      );
  }

  compact(): Promise<unknown> {
    this.compacting ??= this.flushed()
      .then(() => {
        this.appendedSinceCompaction = 0;
        return this.options.persistence.compact(this.name);
      })
      .catch((error: unknown) =>
        this.options.logger.error({ err: error, doc: this.name }, 'compaction failed'),
      )
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /**
   * An update or presence change another instance received (and stored), or its question who is
   * present here: answered with this instance's own participants, since presence is otherwise
   * only sent when it changes.
   */
  applyRemote(kind: FanoutKind, payload: Uint8Array) {
    if (kind === 'update') Y.applyUpdate(this.doc, payload, 'remote');
    else if (kind === 'awareness') {
      // Another instance may not replace the presence of someone connected here.
      const allowed = this.awarenessOwners.filter(payload, 'remote');
      awarenessProtocol.applyAwarenessUpdate(this.awareness, allowed, 'remote');
    } else {
      // Only presence the awareness accepted (a client's first state may carry clock 0, which
      // y-protocols ignores), so every id has a state to encode.
      const present = [...this.connections].flatMap((connection) =>
        this.awarenessOwners.idsOf(connection),
      );
      if (present.length)
        this.options.publish?.(
          'awareness',
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, present),
        );
    }
  }

  leave(connection: RoomConnection) {
    const ids = this.awarenessOwners.idsOf(connection);
    this.connections.delete(connection);
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * On storage failure: the server forgets this room and drops its connections, which reconnect
   * and resync into a freshly loaded room.
   */
  discard: () => void = () => {};

  async destroy(): Promise<void> {
    await this.recordContributors();
    await this.compact();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
