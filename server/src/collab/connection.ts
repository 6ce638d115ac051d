import { collabCloseCodes, collabLimits } from '@mizug/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { presenceState } from './presence';
import {
  encodeAwarenessStates,
  encodeSyncStep1,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from './protocol';
import type { Room, RoomConnection } from './room';

export class ProtocolError extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Who is on the other end, decided once at connect and again when memberships change. */
export interface CollabIdentity {
  accountId: string;
  /**
   * The sign-in this socket rides on (the SHA-256 of its cookie's token) and when it expires:
   * signing out or expiring closes exactly the sockets of that sign-in.
   */
  signIn: { tokenHash: string; expiresAt: Date };
  initiativeId: string;
  /**
   * The name this person shows here: what presence and cursors display. Null for a teller who
   * stays anonymous in their own story; the editor then shows a translated "anonymous".
   */
  displayName: string | null;
  canWrite: boolean;
}

/** A token bucket: `rate` per second sustained, `burst` at once. */
class RateLimiter {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One websocket in one room: reads the y-websocket protocol and enforces what it may do. */
export class CollabConnection implements RoomConnection {
  /** Updates a reader sent and the server dropped. */
  droppedUpdates = 0;
  private readonly limiter = new RateLimiter(
    collabLimits.messagesPerSecond,
    collabLimits.messageBurst,
  );

  constructor(
    readonly socket: WebSocket,
    readonly room: Room,
    public identity: CollabIdentity,
  ) {}

  get authorId() {
    return this.identity.accountId;
  }

  send(message: Uint8Array) {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(message);
  }

  /** The opening handshake: our state vector (so the client sends what we lack) and presence. */
  start() {
    this.send(encodeSyncStep1(this.room.doc));
    const states = [...this.room.awareness.getStates().keys()];
    if (states.length) this.send(encodeAwarenessStates(this.room.awareness, states));
  }

  /** Handles one message; throws ProtocolError for anything that is not the protocol. */
  receive(data: Uint8Array) {
    if (data.byteLength > collabLimits.maxMessageBytes) {
      throw new ProtocolError(collabCloseCodes.tooLarge, 'message too large');
    }
    if (!this.limiter.take())
      throw new ProtocolError(collabCloseCodes.rateLimited, 'too many messages');
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) this.receiveSync(decoder);
      else if (type === MESSAGE_AWARENESS)
        this.receiveAwareness(
          // States for another connection's client id are dropped: presence cannot be forged.
          this.room.awarenessOwners.filter(decoding.readVarUint8Array(decoder), this),
        );
      else if (type === MESSAGE_QUERY_AWARENESS) {
        this.send(
          encodeAwarenessStates(this.room.awareness, [...this.room.awareness.getStates().keys()]),
        );
      } else if (type !== MESSAGE_AUTH) throw new Error(`unknown message type ${type}`);
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      throw new ProtocolError(
        collabCloseCodes.malformed,
        (error as Error).message ?? 'malformed message',
      );
    }
  }

  private receiveSync(decoder: decoding.Decoder) {
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep2(encoder, this.room.doc, decoding.readVarUint8Array(decoder));
      // Taken from the live document now, sent once the writes it is ahead by are stored: a
      // joining client receives only stored state. (What arrives meanwhile is broadcast after
      // it is stored, as to everyone.)
      const reply = encoding.toUint8Array(encoder);
      this.room.whenStored(() => this.send(reply));
      return;
    }
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) {
      throw new Error(`unknown sync message ${kind}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    if (!this.identity.canWrite) {
      this.droppedUpdates++;
      return;
    }
    // Checked on its own first: a malformed update, or content the document's schema does not
    // allow, must never reach the live document.
    const refused = this.room.refusal(update);
    if (refused) throw new ProtocolError(collabCloseCodes.malformed, `refused ${refused}`);
    if (this.room.bytes + update.byteLength > collabLimits.maxDocumentBytes) {
      throw new ProtocolError(collabCloseCodes.tooLarge, 'document too large');
    }
    Y.applyUpdate(this.room.doc, update, this);
  }

  /**
   * Writes this connection's presence again under its current name, so a teller who changes how
   * they are credited is shown that way at once, not only when their client next moves.
   */
  renamePresence() {
    const states = this.room.awareness.getStates();
    const ids = this.room.awarenessOwners.idsOf(this).filter((id) => states.has(id));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) {
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, (this.room.awareness.meta.get(id)?.clock ?? 0) + 1);
      encoding.writeVarString(encoder, JSON.stringify(states.get(id)));
    }
    this.receiveAwareness(encoding.toUint8Array(encoder));
  }

  /**
   * Applies presence, keeping only the states of this connection, with the `user` the server
   * writes (`presence.ts`), so a handle, an account or a made-up name never reaches others.
   */
  private receiveAwareness(update: Uint8Array) {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, count);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = JSON.parse(decoding.readVarString(decoder)) as Record<string, unknown> | null;
      const safe = presenceState(state, this.room.name, clientId, this.identity.displayName);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(safe));
    }
    awarenessProtocol.applyAwarenessUpdate(
      this.room.awareness,
      encoding.toUint8Array(encoder),
      this,
    );
  }
}
