import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spaceDocName } from '@mizug/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../server/src/db/postgres';
import { seedInitiative } from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { connectDoc, eventually, type DocClient } from './support/collab-client';
import { testStorages } from './support/databases';
import { startServer, type RunningServer } from './support/server-process';

/** Storage settings for a server process: a fresh data folder, or a fresh PostgreSQL database. */
async function freshStorage(
  kind: 'pglite' | 'postgres',
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'mizug-durability-'));
    return {
      env: { MIZUG_DATA_DIR: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `mizug_durability_${process.pid}_${Date.now()}`;
  const admin = openPostgres(adminUrl, { max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/** Creates the first admin through the setup link the server printed. */
const adminThroughSetupLink =
  (server: RunningServer) =>
  async (form: { handle: string; displayName: string; passphrase: string }) => {
    const token = /\/setup\/([\w-]+)/.exec(server.output())![1]!;
    const response = await new Person(overHttp(server.url)).post('/api/setup', { ...form, token });
    if (response.status !== 201) throw new Error(await response.text());
  };

/** Tokens written by `author` that `client` has received. */
const seenFrom = (client: DocClient, author: string) =>
  client.text.toString().match(new RegExp(`${author}\\d+`, 'g')) ?? [];

/**
 * Two server starts and a kill -9: about 6 s on an idle two-core machine and up to 20 s on a loaded
 * one; three times that.
 */
const KILL_AND_RESTART_MS = 60_000;

describe.each(testStorages)('durability on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it(
    'keeps every update a client saw from the other after kill -9 and a restart',
    async () => {
      const storage = await freshStorage(kind);
      cleanups.push(storage.drop);
      const first = await startServer(storage.env);
      const seed = await seedInitiative(overHttp(first.url), adminThroughSetupLink(first));
      const docName = spaceDocName(seed.spaces.lived_experience);
      const a = connectDoc(first.url, docName, seed.people.ebe.sessionCookie);
      const b = connectDoc(first.url, docName, seed.people.ebe2.sessionCookie);
      await Promise.all([a.synced(), b.synced()]);

      // Both type steadily; the server dies while updates are in flight.
      let n = 0;
      const typing = setInterval(() => {
        n++;
        a.text.insert(a.text.length, `A${n} `);
        b.text.insert(0, `B${n} `);
      }, 5);
      await eventually(() => expect(seenFrom(a, 'B').length).toBeGreaterThan(100), 20_000);
      first.process.kill('SIGKILL');
      clearInterval(typing);
      // What each saw from the other at the moment of death; then no client may resend anything.
      const acknowledged = [...seenFrom(a, 'B'), ...seenFrom(b, 'A')];
      a.destroy();
      b.destroy();
      await new Promise((resolve) => first.process.once('exit', resolve));

      const second = await startServer(storage.env);
      const reader = connectDoc(second.url, docName, seed.people.ebe.sessionCookie);
      await reader.synced();
      const stored = new Set(reader.text.toString().split(' '));
      const lost = acknowledged.filter((token) => !stored.has(token));
      expect(acknowledged.length).toBeGreaterThan(200);
      expect(lost).toEqual([]);
      reader.destroy();
      expect(await second.stop()).toBe(0);
    },
    KILL_AND_RESTART_MS,
  );
});
