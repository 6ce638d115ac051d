import { collabCloseCodes, spaceDocName } from '@mizug/domain';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp } from './factories/person';
import { connectDoc, eventually, sharedParagraph } from './support/collab-client';
import { startTestServer, type TestServer } from './support/test-server';

const MESSAGES = 3000;

/** A real update message, so mutations of it reach deep into the decoder. */
function validUpdateMessage(text: string): Uint8Array {
  const doc = new Y.Doc();
  sharedParagraph(doc).insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

/** Random bytes, truncated varints, unknown types, and real messages with bytes flipped or cut. */
function fuzzMessage(gen: prng.PRNG): Uint8Array {
  const valid = validUpdateMessage(prng.word(gen, 1, 20));
  switch (prng.uint32(gen, 0, 6)) {
    case 0:
      return prng.uint8Array(gen, prng.uint32(gen, 0, 64));
    case 1:
      return new Uint8Array([0xff, 0xff, 0xff]); // a varint that never ends
    case 2:
      return new Uint8Array([prng.uint32(gen, 4, 127), ...prng.uint8Array(gen, 8)]);
    case 3:
      return valid.slice(0, prng.uint32(gen, 1, valid.length - 1));
    case 4: {
      const mutated = valid.slice();
      for (let i = 0; i < 3; i++)
        mutated[prng.uint32(gen, 0, mutated.length - 1)] = prng.uint32(gen, 0, 255);
      return mutated;
    }
    case 5:
      return new Uint8Array([1, ...prng.uint8Array(gen, prng.uint32(gen, 0, 32))]); // awareness garbage
    default:
      return new Uint8Array([0, prng.uint32(gen, 3, 200), ...prng.uint8Array(gen, 4)]); // unknown sync kind
  }
}

describe('collaboration under malformed input', () => {
  let server: TestServer;
  let seed: SeededInitiative;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
  });
  afterAll(async () => {
    await server.stop();
  });

  it(`survives ${MESSAGES} random and mutated messages, closing only the sockets that sent them`, async () => {
    const docName = spaceDocName(seed.spaces.lived_experience, 'fuzz');
    const witness = connectDoc(server.url, docName, seed.people.ebe.sessionCookie);
    await witness.synced();
    witness.text.insert(0, 'kept through the storm');

    const gen = prng.create(20261123);
    const url = `${server.url.replace('http', 'ws')}/collab/${docName}`;
    const closeCodes = new Map<number, number>();
    let processed = 0;
    while (processed < MESSAGES) {
      const socket = new WebSocket(url, { headers: { cookie: seed.people.ebe2.sessionCookie } });
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', resolve));
      let open = true;
      void closed.then(() => (open = false));
      // One message at a time: the pong (or the close) proves the server has handled it.
      while (open && processed < MESSAGES) {
        const answered = new Promise((resolve) => socket.once('pong', resolve));
        socket.send(fuzzMessage(gen));
        socket.ping();
        processed++;
        await Promise.race([answered, closed]);
      }
      if (open) socket.close();
      const code = await closed;
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
    }

    expect(closeCodes.get(collabCloseCodes.malformed) ?? 0).toBeGreaterThan(10);
    expect(closeCodes.has(1011)).toBe(false);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    // The live document still syncs to a newcomer, and what is stored loads into the same text.
    const newcomer = connectDoc(server.url, docName, seed.people.ebe.sessionCookie);
    await newcomer.synced();
    await eventually(() => expect(newcomer.text.toString()).toBe(witness.text.toString()));
    expect(witness.text.toString()).toContain('kept through the storm');
    await eventually(async () => {
      const stored = await loadDocument(server.db, docName);
      const reloaded = new Y.Doc();
      for (const part of [stored.snapshot, ...stored.updates]) {
        if (part) Y.applyUpdate(reloaded, part);
      }
      expect(sharedParagraph(reloaded).toString()).toBe(witness.text.toString());
    });
    witness.destroy();
    newcomer.destroy();
    // Thousands of round trips: on two cores shared with the other test files it needs time.
  }, 120_000);
});
