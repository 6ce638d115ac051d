import { spaceDocName } from '@mizug/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp } from './factories/person';
import { connectDoc } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

/** An awareness message with one state for `clientId` (null removes it). */
function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/** The states in an awareness message, by client id. */
function statesIn(message: Uint8Array): Map<number, Record<string, unknown> | null> {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const states = new Map<number, Record<string, unknown> | null>();
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    const clientId = decoding.readVarUint(update);
    decoding.readVarUint(update);
    states.set(clientId, JSON.parse(decoding.readVarString(update)) as Record<string, unknown>);
  }
  return states;
}

/** A raw socket into the document, as a hand-written client would open it. */
async function rawSocket(url: string, docName: string, cookie: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/collab/${docName}`, {
    headers: { cookie },
  });
  await new Promise((resolve) => socket.once('open', resolve));
  return {
    socket,
    /**
     * Sends `data`, then asks who is present; resolves with the states the server answers. The
     * server answers a socket's messages in order: the sync reply to the closing sync step 1
     * comes right after the answer to the question.
     */
    async sendAndAsk(data: Uint8Array) {
      const answer = new Promise<Map<number, Record<string, unknown> | null>>((resolve) => {
        let last = new Uint8Array();
        const onMessage = (reply: Buffer) => {
          if (reply[0] === 1) last = new Uint8Array(reply);
          else if (reply[0] === 0 && reply[1] === 1) {
            socket.off('message', onMessage);
            resolve(statesIn(last));
          }
        };
        socket.on('message', onMessage);
      });
      socket.send(data);
      socket.send(new Uint8Array([3]));
      socket.send(new Uint8Array([0, 0, 1, 0]));
      return answer;
    },
  };
}

describe.each(testStorages)('presence ownership over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let docCounter = 0;
  const freshDoc = () => spaceDocName(seed.spaces.lived_experience, `presence-${++docCounter}`);
  beforeAll(async () => {
    server = await startTestServer(kind);
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
  });
  afterAll(async () => {
    await server.stop();
  });

  it("drops another connection's states for a client id someone else announced", async () => {
    const docName = freshDoc();
    const miriam = connectDoc(server.url, docName, seed.people.ebe.sessionCookie);
    await miriam.synced();
    miriam.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    const id = miriam.doc.clientID;
    const forger = await rawSocket(server.url, docName, seed.people.ebe2.sessionCookie);
    try {
      // A higher clock than Miriam's, so y-protocols alone would take it.
      const replaced = await forger.sendAndAsk(
        awarenessMessage(id, 1000, { user: { name: 'x' }, cursor: { anchor: 99 } }),
      );
      expect(replaced.get(id)).toMatchObject({ user: { name: 'מרים' }, cursor: { anchor: 1 } });
      const removed = await forger.sendAndAsk(awarenessMessage(id, 2000, null));
      expect(removed.get(id)).toMatchObject({ user: { name: 'מרים' } });
      // The forger's own presence is still taken.
      const own = await forger.sendAndAsk(awarenessMessage(424242, 1, { cursor: null }));
      expect(own.get(424242)).toMatchObject({ user: { name: 'سلمى' } });
    } finally {
      forger.socket.close();
      miriam.destroy();
    }
  });

  it('lets a second connection of the same person take over their own client id', async () => {
    const docName = freshDoc();
    const first = await rawSocket(server.url, docName, seed.people.ebe.sessionCookie);
    const other = await rawSocket(server.url, docName, seed.people.ebe2.sessionCookie);
    await other.sendAndAsk(awarenessMessage(7, 1, { cursor: null }));
    await first.sendAndAsk(awarenessMessage(77, 1, { cursor: { anchor: 1 } }));
    // Her client reconnected before the old socket was noticed closed.
    const again = await rawSocket(server.url, docName, seed.people.ebe.sessionCookie);
    try {
      const moved = await again.sendAndAsk(awarenessMessage(77, 2, { cursor: { anchor: 2 } }));
      expect(moved.get(77)).toMatchObject({ cursor: { anchor: 2 } });
      // When the old socket closes, it no longer takes her presence with it.
      first.socket.close();
      await new Promise((resolve) => first.socket.once('close', resolve));
      await other.sendAndAsk(awarenessMessage(7, 2, { cursor: null }));
      const after = await other.sendAndAsk(awarenessMessage(7, 3, { cursor: null }));
      expect(after.get(77)).toMatchObject({ cursor: { anchor: 2 } });
    } finally {
      for (const raw of [first, other, again]) raw.socket.close();
    }
  });
});
