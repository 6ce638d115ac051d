import { collabCloseCodes, spaceDocName } from '@mizug/domain';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/src/db/database';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp } from './factories/person';
import { connectDoc, eventually, sharedParagraph, type DocClient } from './support/collab-client';
import { createTestDatabase, testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

/** Writes of collaboration updates held in flight: then let through, or made to fail. */
interface HeldWrites {
  /** Resolves once a write is waiting. */
  blocked(): Promise<void>;
  release(): Promise<void>;
  fail(): Promise<void>;
}

/**
 * On PostgreSQL, a second connection locks the updates table in a transaction: the server's
 * INSERT waits for the lock; failing it cancels that statement.
 */
async function lockUpdatesTable(db: Database): Promise<HeldWrites> {
  let unlock!: () => void;
  let taken!: () => void;
  const locked = new Promise<void>((resolve) => (taken = resolve));
  const holding = db.transaction(async (tx) => {
    await tx.query('LOCK TABLE collab_updates IN EXCLUSIVE MODE');
    taken();
    await new Promise<void>((resolve) => (unlock = resolve));
  });
  await locked;
  const waitingInsert = async () => {
    const rows = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query LIKE 'INSERT INTO collab_updates%'`,
    );
    expect(rows).toHaveLength(1);
    return rows[0]!.pid;
  };
  return {
    blocked: () => eventually(async () => void (await waitingInsert())),
    async release() {
      unlock();
      await holding;
    },
    async fail() {
      await db.query('SELECT pg_cancel_backend($1)', [await waitingInsert()]);
      unlock();
      await holding;
    },
  };
}

/** PGlite is one connection in this process, so nothing can lock beside it: a gate holds its writes. */
const gate = {
  held: null as null | {
    arrived: () => void;
    open: (ok: boolean) => void;
    passed: Promise<boolean>;
  },
  wrap(db: Database): Database {
    const wrapped = Object.create(db) as Database;
    wrapped.query = async (sql, params) => {
      const held = gate.held;
      if (held && sql.includes('INSERT INTO collab_updates')) {
        held.arrived();
        if (!(await held.passed)) throw new Error('the disk went away');
      }
      return db.query(sql, params);
    };
    return wrapped;
  },
  hold(): HeldWrites {
    let arrived!: () => void;
    let open!: (ok: boolean) => void;
    const blocked = new Promise<void>((resolve) => (arrived = resolve));
    const passed = new Promise<boolean>((resolve) => (open = resolve));
    gate.held = { arrived, open, passed };
    const end = async (ok: boolean) => {
      gate.held = null;
      open(ok);
    };
    return { blocked: () => blocked, release: () => end(true), fail: () => end(false) };
  },
};

/** The text a stored document holds. */
async function storedText(db: Database, docName: string): Promise<string> {
  const stored = await loadDocument(db, docName);
  const doc = new Y.Doc();
  for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
  return sharedParagraph(doc).toString();
}

/**
 * Resolves once the joiner's own presence comes back from the server. The server handles a
 * socket's messages in order, and the provider sends its sync step 1 before its presence: by
 * then a sync reply sent at once has arrived.
 */
function ownPresenceEchoed(client: DocClient): Promise<void> {
  return new Promise((resolve) => {
    const socket = client.provider.ws!;
    const onMessage = (event: MessageEvent) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(decoder) !== 1) return;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      for (let count = decoding.readVarUint(update); count > 0; count--) {
        const clientId = decoding.readVarUint(update);
        decoding.readVarUint(update);
        decoding.readVarString(update);
        if (clientId === client.doc.clientID) {
          socket.removeEventListener('message', onMessage);
          return resolve();
        }
      }
    };
    socket.addEventListener('message', onMessage);
  });
}

describe.each(testStorages)('a client joining while a write is in flight, on %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let docCounter = 0;
  const clients: DocClient[] = [];
  let held: HeldWrites | null = null;
  const hold = async () =>
    (held = kind === 'postgres' ? await lockUpdatesTable(server.db) : gate.hold());

  beforeAll(async () => {
    server = await startTestServer(kind, {
      collab: { idleUnloadMs: 60_000 },
      ...(kind === 'pglite' ? { db: gate.wrap(await createTestDatabase(kind)) } : {}),
    });
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
  });
  afterEach(async () => {
    // A failed assertion leaves the writes held.
    await held?.release();
    held = null;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  /** Miriam types while writes are held; Salma joins. Returns both once Salma has been answered. */
  async function typeAndJoin(held: HeldWrites) {
    const docName = spaceDocName(seed.spaces.lived_experience, `joining-${++docCounter}`);
    const miriam = connectDoc(server.url, docName, seed.people.ebe.sessionCookie);
    clients.push(miriam);
    await miriam.synced();
    miriam.text.insert(0, 'not stored yet');
    await held.blocked();
    const salma = connectDoc(server.url, docName, seed.people.ebe2.sessionCookie);
    clients.push(salma);
    await ownPresenceEchoed(salma);
    return { docName, miriam, salma };
  }

  it('sends the joiner an edit only once it is stored', async () => {
    const held = await hold();
    const { docName, salma } = await typeAndJoin(held);
    expect(salma.text.toString()).toBe('');
    await held.release();
    await eventually(() => expect(salma.text.toString()).toBe('not stored yet'));
    expect(await storedText(server.db, docName)).toBe('not stored yet');
  });

  it('never shows the joiner an edit whose write failed, and stays consistent after', async () => {
    const held = await hold();
    const { docName, miriam, salma } = await typeAndJoin(held);
    expect(salma.text.toString()).toBe('');
    // The write fails and the room is dropped: Salma never saw what storage lacks.
    await held.fail();
    await eventually(() => expect(salma.closes).toContain(collabCloseCodes.goingAway));
    // Miriam's client still has the edit and resends it to the reloaded room.
    await eventually(async () => {
      expect(await storedText(server.db, docName)).toBe('not stored yet');
      expect(salma.text.toString()).toBe('not stored yet');
      expect(miriam.text.toString()).toBe('not stored yet');
    }, 15_000);
  });
});
