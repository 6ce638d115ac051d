import { spaceDocName, type Story } from '@mizug/domain';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDoc, eventually, sharedParagraph } from './support/collab-client';
import type { RunningServer } from './support/server-process';
import {
  startTwoInstances,
  twoInstancesAvailable,
  type TwoInstances,
} from './support/two-instances';

const available = await twoInstancesAvailable('the hostile-message test');

/** A y-websocket message: its type, then the given parts (varints or length-prefixed bytes). */
function message(type: number, ...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

/** An awareness update as y-protocols encodes it, with entries spelled out (JSON as written). */
function awareness(entries: [clientId: number, clock: number, json: string][], count?: number) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count ?? entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return message(1, encoding.toUint8Array(encoder));
}

const updateOf = (change: (doc: Y.Doc) => void) => {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
};

const gen = prng.create(913);
const garbage = prng.uint8Array(gen, 64);
/** An update whose predecessor never arrives: the server holds it as pending structs. */
const dangling = (() => {
  const doc = new Y.Doc();
  sharedParagraph(doc).insert(0, 'first');
  const before = Y.encodeStateVector(doc);
  sharedParagraph(doc).insert(5, ' then');
  return Y.encodeStateAsUpdate(doc, before);
})();

/** Malformed messages, and unusual ones the protocol allows, each sent on its own socket. */
const hostile: [what: string, data: Uint8Array | string][] = [
  // What a fresh y-websocket client sends before anything sets its presence.
  ['awareness with clock 0', awareness([[1234, 0, '{}']])],
  ['awareness removing an id nobody announced', awareness([[98765, 3, 'null']])],
  ['awareness with the largest clock', awareness([[4321, Number.MAX_SAFE_INTEGER, '{}']])],
  ['awareness for an id above 2^32', awareness([[2 ** 40, 1, '{}']])],
  [
    'awareness states that are not objects',
    awareness([
      [11, 1, '"x"'],
      [12, 1, '[1]'],
      [13, 1, '7'],
    ]),
  ],
  ['awareness with a prototype key', awareness([[14, 1, '{"__proto__":{"admin":true}}']])],
  ['awareness that is not JSON', awareness([[15, 1, '{"user":']])],
  ['awareness that announces more entries than it holds', awareness([[16, 1, '{}']], 5)],
  ['awareness with no update at all', message(1)],
  ['an empty message', new Uint8Array()],
  ['a sync message with no kind', message(0)],
  ['an unknown message type', message(9, garbage)],
  ['the auth message type', message(2, 0)],
  ['a question who is present', message(3)],
  ['a varint that never ends', new Uint8Array(12).fill(0xff)],
  ['a length far beyond the message', message(1, 2 ** 40)],
  ['binary garbage', garbage],
  ['sync step 1 with a garbage state vector', message(0, 0, new Uint8Array([5, 0xff, 0xff]))],
  ['sync step 1 claiming clocks from the future', message(0, 0, new Uint8Array([1, 77, 99999]))],
  ['sync step 2 garbage', message(0, 1, garbage)],
  ['an update that is garbage', message(0, 2, garbage.subarray(0, 9))],
  ['an empty update', message(0, 2, new Uint8Array([0, 0]))],
  ['an update whose predecessor never arrives', message(0, 2, dangling)],
  ['an unknown sync kind', message(0, 17, garbage)],
  ['a text frame', 'hello'],
];

/** Opens a raw socket; resolves once it is open, with a promise of its close code. */
async function rawSocket(server: RunningServer, docName: string, cookie: string) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${docName}`, {
    headers: { cookie },
  });
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, closed };
}

/**
 * Sends `data`, then a question who is present: its answer (or the socket closing) means the
 * server has handled `data`, since it handles a socket's messages in order.
 */
async function sendAndSettle(
  raw: Awaited<ReturnType<typeof rawSocket>>,
  data: Uint8Array | string,
) {
  const answered = new Promise<void>((resolve) =>
    // A Buffer, or an ArrayBuffer on a y-websocket provider's socket.
    raw.socket.on('message', (reply: Buffer | ArrayBuffer) => {
      if (new Uint8Array(reply)[0] === 1) resolve();
    }),
  );
  raw.socket.send(data);
  raw.socket.send(message(3));
  await Promise.race([answered, raw.closed]);
}

describe.runIf(available)('hostile and unusual messages across two instances', () => {
  let instances: TwoInstances;
  beforeAll(async () => {
    instances = await startTwoInstances();
  });
  afterAll(async () => {
    await instances?.stop();
  });

  /** `work`, or a failure quoting the log of an instance that exits meanwhile. */
  const whileBothUp = <T>(work: Promise<T>) =>
    Promise.race([
      work,
      ...[instances.one, instances.two].map(
        (server) =>
          new Promise<never>((_, reject) => {
            const fail = () => reject(new Error(`an instance exited:\n${server.output()}`));
            if (server.process.exitCode !== null || server.process.signalCode !== null) fail();
            else server.process.once('exit', fail);
          }),
      ),
    ]);

  const expectBothUp = () => {
    for (const server of [instances.one, instances.two]) {
      expect(server.process.exitCode, server.output()).toBeNull();
      expect(server.process.signalCode).toBeNull();
    }
  };

  /** Someone opens the document on instance two (which asks instance one who is present). */
  async function expectStillSyncing(docName: string, cookie: string) {
    const { one, two } = instances;
    const onTwo = connectDoc(two.url, docName, cookie);
    const onOne = connectDoc(one.url, docName, cookie);
    try {
      await whileBothUp(Promise.all([onTwo.synced(), onOne.synced()]));
      onOne.text.insert(0, 'still here ');
      await whileBothUp(
        eventually(() => expect(onTwo.text.toString()).toContain('still here'), 15_000),
      );
      expectBothUp();
      expect((await fetch(`${one.url}/api/health`)).status).toBe(200);
      expect((await fetch(`${two.url}/api/health`)).status).toBe(200);
    } finally {
      onOne.destroy();
      onTwo.destroy();
    }
  }

  it('keeps both instances up when a client that never set its presence is asked who is there', async () => {
    const { one, seed } = instances;
    const docName = spaceDocName(seed.spaces.lived_experience, 'quiet');
    const quiet = connectDoc(one.url, docName, seed.people.ebe.sessionCookie, null);
    try {
      await quiet.synced();
      await sendAndSettle(
        { socket: quiet.provider.ws as unknown as WebSocket, closed: new Promise(() => {}) },
        message(3),
      );
      await expectStillSyncing(docName, seed.people.ebe2.sessionCookie);
    } finally {
      quiet.destroy();
    }
  });

  let round = 0;
  it.each(hostile)('keeps both instances up and syncing after %s', async (_what, data) => {
    const { one, seed } = instances;
    const cookie = seed.people.ebe.sessionCookie;
    const docName = spaceDocName(seed.spaces.lived_experience, `hostile-${++round}`);
    const raw = await rawSocket(one, docName, cookie);
    try {
      await sendAndSettle(raw, data);
      // While the socket (if still open) stays in the room, the document opens on instance two.
      await expectStillSyncing(docName, seed.people.ebe2.sessionCookie);
    } finally {
      raw.socket.close();
    }
  });

  it('drops a forged state for a client id announced on the other instance', async () => {
    const { one, two, seed } = instances;
    const docName = spaceDocName(seed.spaces.lived_experience, 'forged-across');
    const miriam = connectDoc(two.url, docName, seed.people.ebe.sessionCookie);
    const onOne = connectDoc(one.url, docName, seed.people.ebe2.sessionCookie);
    const onTwo = connectDoc(two.url, docName, seed.people.ebe2.sessionCookie);
    const forger = await rawSocket(one, docName, seed.people.ebe2.sessionCookie);
    try {
      await Promise.all([miriam.synced(), onOne.synced(), onTwo.synced()]);
      const id = miriam.doc.clientID;
      const cursorSeenBy = (watcher: typeof onOne) =>
        (watcher.provider.awareness.getStates().get(id) as { cursor?: unknown } | undefined)
          ?.cursor;
      miriam.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
      await eventually(() => expect(cursorSeenBy(onOne)).toEqual({ anchor: 1 }), 15_000);
      // Instance one knows Miriam's presence from Redis; the forger claims it with a high clock.
      await sendAndSettle(forger, awareness([[id, 1000, '{"cursor":{"anchor":99}}']]));
      miriam.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
      await eventually(() => {
        expect(cursorSeenBy(onOne)).toEqual({ anchor: 2 });
        expect(cursorSeenBy(onTwo)).toEqual({ anchor: 2 });
      }, 15_000);
    } finally {
      forger.socket.close();
      for (const client of [miriam, onOne, onTwo]) client.destroy();
    }
  });

  it('keeps both instances up when a refused update names something in Hebrew at length', async () => {
    const { one, seed } = instances;
    const cookie = seed.people.ebe.sessionCookie;
    const created = await seed.people.ebe.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title: 'שורה ארוכה',
      language: 'he',
      tags: [],
    });
    expect(created.status).toBe(201);
    const story = (await created.json()) as Story;
    // Refused with a reason that quotes the root's name: longer than a close frame may carry.
    const update = updateOf((doc) => doc.getText('ש'.repeat(80)).insert(0, 'x'));
    const raw = await rawSocket(one, story.bodyDoc, cookie);
    await sendAndSettle(raw, message(0, 2, update));
    expect(await raw.closed).toBeGreaterThanOrEqual(4000);
    expectBothUp();
    const reader = connectDoc(one.url, story.bodyDoc, cookie);
    try {
      await reader.synced();
    } finally {
      reader.destroy();
    }
    expectBothUp();
  });
});
