// `pnpm bench coldload`: how long a document with 10,000 stored updates (never compacted) takes
// to open: read from storage, loaded into its room, and the first sync reply encoded for a client
// that has nothing; then the same once the room compacted it on load. Both databases.
import { loadavg } from 'node:os';
import { spaceDocName } from '@mizug/domain';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CollabPersistence } from '../server/src/collab/persistence';
import { Room } from '../server/src/collab/room';
import type { Database } from '../server/src/db/database';
import { createLogger } from '../server/src/logger';
import { median, onBothDatabases } from './support/databases';

const STORED_UPDATES = 10_000;
const RUNS = 5;
const TARGET_MS = 100;

async function coldLoad(db: Database) {
  const persistence = new CollabPersistence(db);
  const name = spaceDocName('00000000-0000-4000-8000-000000000001', 'cold');
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  const text = source.getText('body');
  for (let i = 0; i < STORED_UPDATES; i++) text.insert(text.length, i % 10 === 9 ? '\n' : 'a');
  // Stored as 10,000 rows, 500 to a statement to keep the set-up short.
  for (let i = 0; i < updates.length; i += 500)
    await persistence.append(name, updates.slice(i, i + 500));

  const open = async (compactEvery: number) => {
    const started = performance.now();
    const room = new Room({ name, persistence, logger: createLogger('silent'), compactEvery });
    await room.load();
    // The reply to a client's first sync step: everything, since it has nothing.
    const reply = encoding.createEncoder();
    syncProtocol.writeSyncStep2(reply, room.doc, Y.encodeStateVector(new Y.Doc()));
    encoding.toUint8Array(reply);
    const ms = performance.now() - started;
    if (room.doc.getText('body').length !== STORED_UPDATES)
      throw new Error('cold load lost content');
    return { ms, room };
  };
  const uncompacted: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // compactEvery beyond the count: the room leaves storage as it is, for the next run.
    const { ms, room } = await open(Infinity);
    uncompacted.push(ms);
    room.doc.destroy();
  }
  // Now as the server opens it: the room compacts what it found, after the first reply.
  const first = await open(500);
  await first.room.compact();
  first.room.doc.destroy();
  const compacted: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { ms, room } = await open(500);
    compacted.push(ms);
    room.doc.destroy();
  }
  return {
    storedUpdates: STORED_UPDATES,
    runs: RUNS,
    openMs: { median: median(uncompacted), max: median([Math.max(...uncompacted)]) },
    openCompactingOnLoadMs: Math.round(first.ms * 10) / 10,
    openAfterCompactionMs: { median: median(compacted), max: median([Math.max(...compacted)]) },
    targetMs: TARGET_MS,
    met: median(uncompacted) < TARGET_MS,
  };
}

export async function run() {
  return {
    // Other work on the machine skews every figure; a load average above its cores says so.
    loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
    ...(await onBothDatabases(coldLoad)),
  };
}
