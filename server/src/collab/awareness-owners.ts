import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RoomConnection } from './room';

/** Who writes an awareness state: a connection to this instance, or another instance (Redis). */
export type AwarenessWriter = RoomConnection | 'remote';

/** The client ids an awareness 'update' event reports. */
export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Which writer each awareness client id belongs to, so nobody replaces another person's
 * presence: the writer whose state for the id the room accepted first owns it until that state
 * is removed (by the owner, by leaving, or by y-protocols' timeout). Only states the awareness
 * accepted count, so every owned id has a state to encode.
 */
export class AwarenessOwners {
  private readonly owners = new Map<number, AwarenessWriter>();

  /** The ids `writer` owns: removed when it leaves, and what it answers when asked who is here. */
  idsOf(writer: AwarenessWriter): number[] {
    return [...this.owners].filter(([, owner]) => owner === writer).map(([id]) => id);
  }

  /**
   * Whether `writer` may write `clientId`'s state: nobody owns it, or it does. A connection of the
   * same account may take an id over, as a client that reconnects before its old socket is noticed
   * closed does.
   */
  mayWrite(clientId: number, writer: AwarenessWriter): boolean {
    const owner = this.owners.get(clientId);
    if (owner === undefined || owner === writer) return true;
    return owner !== 'remote' && writer !== 'remote' && owner.authorId === writer.authorId;
  }

  /**
   * The part of an awareness update `writer` may make, entries copied byte for byte; the others
   * are dropped. Throws on bytes that are not an awareness update.
   */
  filter(update: Uint8Array, writer: AwarenessWriter): Uint8Array {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: { clientId: number; clock: number; state: Uint8Array }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      // A var string is a var byte array of its UTF-8; the JSON is the applier's to read.
      const state = decoding.readVarUint8Array(decoder);
      if (this.mayWrite(clientId, writer)) kept.push({ clientId, clock, state });
    }
    if (kept.length === count) return update;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const { clientId, clock, state } of kept) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint8Array(encoder, state);
    }
    return encoding.toUint8Array(encoder);
  }

  /** Follows what the awareness accepted (its 'update' event) and from whom. */
  record({ added, updated, removed }: AwarenessChanges, writer: AwarenessWriter | null) {
    for (const id of removed) this.owners.delete(id);
    if (writer) for (const id of [...added, ...updated]) this.owners.set(id, writer);
  }
}
