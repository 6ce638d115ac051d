import { collabCloseCodes, collabLimits, spaceDocName } from '@mizug/domain';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import {
  adminInDatabase,
  removeFromInitiative,
  seedInitiative,
  type SeededInitiative,
} from './factories/initiative';
import { overHttp } from './factories/person';
import { connectDoc, eventually, sharedParagraph, type DocClient } from './support/collab-client';
import { createTestDatabase, testStorages } from './support/databases';
import type { Database } from '../server/src/db/database';
import { startTestServer, type TestServer } from './support/test-server';

/** A database whose next append of collaboration updates fails, when a test asks for it. */
const failingWrites = {
  next: false,
  wrap(db: Database): Database {
    const wrapped = Object.create(db) as Database;
    wrapped.query = (sql, params) => {
      if (failingWrites.next && sql.includes('INSERT INTO collab_updates')) {
        failingWrites.next = false;
        return Promise.reject(new Error('disk full'));
      }
      return db.query(sql, params);
    };
    return wrapped;
  },
};

describe.each(testStorages)('collaboration on /collab over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let clients: DocClient[] = [];
  let docCounter = 0;
  /** A fresh document of the lived-experience space for each test. */
  const livedDoc = () => spaceDocName(seed.spaces.lived_experience, `test-${++docCounter}`);
  const connect = (
    docName: string,
    who: keyof SeededInitiative['people'] | 'admin',
    name?: string,
  ) => {
    const person = who === 'admin' ? seed.admin : seed.people[who];
    const client = connectDoc(server.url, docName, person.sessionCookie, name);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it('lets two members of the space edit one document and converge', async () => {
    const docName = livedDoc();
    const miriam = connect(docName, 'ebe');
    const salma = connect(docName, 'ebe2');
    await Promise.all([miriam.synced(), salma.synced()]);
    miriam.text.insert(0, 'שלום ');
    salma.text.insert(0, 'مرحبا ');
    await eventually(() => {
      expect(miriam.text.toString()).toBe(salma.text.toString());
      expect(miriam.text.toString()).toContain('שלום');
      expect(miriam.text.toString()).toContain('مرحبا');
    });
  });

  it('echoes every stored update back to its sender, which is how an editor knows it is saved', async () => {
    const docName = livedDoc();
    const miriam = connect(docName, 'ebe');
    await miriam.synced();
    const echoed: number[] = [];
    const socket = miriam.provider.ws as unknown as WebSocket;
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return;
      const update = decoding.readVarUint8Array(decoder);
      const clock = Y.parseUpdateMeta(update).to.get(miriam.doc.clientID);
      if (clock !== undefined) echoed.push(clock);
    });
    for (const word of ['אחת ', 'שתיים ', 'שלוש ']) {
      miriam.text.insert(miriam.text.length, word);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await eventually(() => expect(echoed.at(-1)).toBe(miriam.text.length));
    expect(echoed).toHaveLength(3);
  });

  it('gets an update stored after a failed write, from the client that still has it', async () => {
    // A server that keeps idle documents loaded, so the client comes back to the same process
    // before anything is unloaded.
    const failing = await startTestServer(kind, {
      collab: { idleUnloadMs: 60_000 },
      db: failingWrites.wrap(await createTestDatabase(kind)),
    });
    try {
      const people = await seedInitiative(overHttp(failing.url), adminInDatabase(failing.db));
      const docName = spaceDocName(people.spaces.lived_experience);
      const miriam = connectDoc(failing.url, docName, people.people.ebe.sessionCookie);
      clients.push(miriam);
      await miriam.synced();
      failingWrites.next = true;
      miriam.text.insert(0, 'עדיין כאן');
      // The write fails, the server drops the room and its sockets; the client resyncs.
      await eventually(() => expect(miriam.closes).toContain(collabCloseCodes.goingAway));
      await eventually(async () => {
        const stored = await loadDocument(failing.db, docName);
        const doc = new Y.Doc();
        for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
        expect(sharedParagraph(doc).toString()).toBe('עדיין כאן');
      });
    } finally {
      for (const client of clients) client.destroy();
      clients = [];
      await failing.stop();
    }
  });

  it('refuses a practitioner, a signed-out visitor and an unknown document with 4403', async () => {
    const docName = livedDoc();
    const practitioner = connect(docName, 'practitioner');
    const missing = connect(spaceDocName('00000000-0000-4000-8000-000000000000'), 'ebe');
    const anonymous = connectDoc(server.url, docName, '');
    clients.push(anonymous);
    await eventually(() => {
      for (const client of [practitioner, missing, anonymous]) {
        expect(client.closes[0]).toBe(collabCloseCodes.forbidden);
      }
    });
    expect(practitioner.provider.synced).toBe(false);
  });

  it('gives a reader the document but drops every update it sends', async () => {
    const docName = spaceDocName(seed.spaces.synthesis, 'board');
    const ebeId = await seed.people.ebe.accountId();
    const admitted = await seed.admin.call(
      'PATCH',
      `/api/initiatives/${seed.initiativeId}/members/${ebeId}`,
      {
        inWorkingGroup: true,
      },
    );
    expect(admitted.status).toBe(204);
    // Miriam is in the working group; the researcher may read the synthesis space only.
    const writer = connect(docName, 'ebe');
    const reader = connect(docName, 'researcher');
    await Promise.all([writer.synced(), reader.synced()]);
    const before = server.collab.stats.droppedReaderUpdates;
    writer.text.insert(0, 'shared finding');
    await eventually(() => expect(reader.text.toString()).toBe('shared finding'));
    reader.text.insert(0, 'edited by a reader: ');
    reader.destroy();
    await eventually(() =>
      expect(server.collab.stats.droppedReaderUpdates).toBeGreaterThan(before),
    );
    const late = connect(docName, 'ebe2');
    await late.synced();
    await eventually(() => expect(late.text.toString()).toBe('shared finding'));
  });

  it('shows each person by the name they show in the space, never a name the client made up', async () => {
    const docName = livedDoc();
    const miriam = connect(docName, 'ebe', 'miriam-the-handle');
    const watcher = connect(docName, 'ebe2');
    await Promise.all([miriam.synced(), watcher.synced()]);
    await eventually(() => {
      const names = [...watcher.provider.awareness.getStates().values()].map(
        (state) => (state.user as { name?: string } | undefined)?.name,
      );
      expect(names).toContain('מרים');
      expect(names).not.toContain('miriam-the-handle');
    });
  });

  it('stores every update before others see it, and loads it back after the document is unloaded', async () => {
    const docName = livedDoc();
    const miriam = connect(docName, 'ebe');
    const other = connect(docName, 'ebe2');
    await Promise.all([miriam.synced(), other.synced()]);
    for (let i = 0; i < 20; i++) miriam.text.insert(miriam.text.length, `${i} `);
    await eventually(() => expect(other.text.toString()).toBe(miriam.text.toString()));
    const stored = await loadDocument(server.db, docName);
    expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBeGreaterThan(0);
    const expected = miriam.text.toString();
    miriam.destroy();
    other.destroy();
    await eventually(() => expect(server.collab.loadedDocuments).toBe(0));
    const reader = connect(docName, 'ebe');
    await reader.synced();
    await eventually(() => expect(reader.text.toString()).toBe(expected));
  });

  it('refuses a websocket opened from another site', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${livedDoc()}`, {
      headers: { cookie: seed.people.ebe.sessionCookie, origin: 'https://evil.example' },
    });
    const status = await new Promise<number>((resolve) =>
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });
  it('disconnects a member as soon as they are removed from the initiative', async () => {
    const docName = livedDoc();
    const salma = connect(docName, 'ebe2');
    await salma.synced();
    expect(await removeFromInitiative(seed, 'ebe2')).toBe(204);
    await eventually(() => expect(salma.closes).toEqual([collabCloseCodes.accessRevoked]));
    // Connecting again is refused from now on.
    const again = connect(docName, 'ebe2');
    await eventually(() => expect(again.closes).toEqual([collabCloseCodes.forbidden]));
  });

  it('closes a connection that floods messages (4029) or sends one over the size limit (4413)', async () => {
    const docName = livedDoc();
    const url = `${server.url.replace('http', 'ws')}/collab/${docName}`;
    const open = async () => {
      const socket = new WebSocket(url, { headers: { cookie: seed.people.ebe.sessionCookie } });
      await new Promise((resolve) => socket.once('open', resolve));
      return { socket, closed: new Promise<number>((resolve) => socket.once('close', resolve)) };
    };
    const flood = await open();
    const queryAwareness = new Uint8Array([3]);
    for (let i = 0; i < collabLimits.messageBurst + 50; i++) flood.socket.send(queryAwareness);
    expect(await flood.closed).toBe(collabCloseCodes.rateLimited);

    const big = await open();
    big.socket.send(new Uint8Array(collabLimits.maxMessageBytes + 1));
    expect(await big.closed).toBe(collabCloseCodes.tooLarge);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
