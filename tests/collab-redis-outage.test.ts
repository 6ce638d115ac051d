import { healthSchema, spaceDocName, type Health } from '@mizug/domain';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../server/src/db/postgres';
import { seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { connectDoc, eventually, type DocClient } from './support/collab-client';
import { startServer, type RunningServer } from './support/server-process';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** This test's own Redis, which it stops and starts again on the same port. */
function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  return new Promise((resolve, reject) => {
    let output = '';
    redis.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(redis);
    });
    redis.on('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
}

const stopRedis = (redis: ChildProcess) =>
  new Promise((resolve) => {
    redis.once('exit', resolve);
    redis.kill('SIGKILL');
  });

async function health(server: RunningServer): Promise<Health> {
  return healthSchema.parse(await (await fetch(`${server.url}/api/health`)).json());
}

const available =
  !!process.env.TEST_DATABASE_URL && spawnSync('redis-server', ['--version']).status === 0;
if (!available) {
  console.warn('Skipping the Redis outage test: it needs TEST_DATABASE_URL and redis-server.');
}

describe.runIf(available)('two instances through a Redis outage', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let one: RunningServer;
  let two: RunningServer;
  let seed: SeededInitiative;
  const dbName = `mizug_outage_${process.pid}_${Date.now()}`;
  const admin = openPostgres(process.env.TEST_DATABASE_URL ?? 'postgres://unused', { max: 1 });

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    await admin.exec(`CREATE DATABASE ${dbName}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    const env = { DATABASE_URL: url.toString(), REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    one = await startServer(env);
    two = await startServer(env);
    seed = await seedInitiative(overHttp(one.url), async (form) => {
      const token = /\/setup\/([\w-]+)/.exec(two.output())![1]!;
      const response = await new Person(overHttp(one.url)).post('/api/setup', { ...form, token });
      if (response.status !== 201) throw new Error(await response.text());
    });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    if (redis && redis.exitCode === null) await stopRedis(redis);
    await admin.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.close();
  });

  it('keeps serving each instance’s clients and converges once Redis is back, with nobody reconnecting', async () => {
    const docName = spaceDocName(seed.spaces.lived_experience, 'outage');
    const onOne = connectDoc(one.url, docName, seed.people.ebe.sessionCookie);
    const onTwo = connectDoc(two.url, docName, seed.people.ebe2.sessionCookie);
    const clients: DocClient[] = [onOne, onTwo];
    const connects = [0, 0];
    clients.forEach((client, i) =>
      client.provider.on('status', ({ status }) => {
        if (status === 'connected') connects[i]!++;
      }),
    );
    await Promise.all(clients.map((client) => client.synced()));
    onOne.text.insert(0, 'before ');
    await eventually(() => expect(onTwo.text.toString()).toContain('before'), 15_000);

    await stopRedis(redis);
    // Each types through the outage; their own instance stores and echoes it.
    for (let i = 0; i < 5; i++) {
      onOne.text.insert(onOne.text.length, ` one-${i}`);
      onTwo.text.insert(0, `two-${i} `);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await eventually(async () => {
      expect(await health(one)).toMatchObject({ status: 'degraded', redis: 'unavailable' });
      expect(await health(two)).toMatchObject({ status: 'degraded', redis: 'unavailable' });
    }, 15_000);
    // Someone opens another document on instance two meanwhile: it loads and saves alone.
    const lateDoc = spaceDocName(seed.spaces.lived_experience, 'opened-in-outage');
    const late = connectDoc(two.url, lateDoc, seed.people.ebe2.sessionCookie);
    await late.synced();
    late.text.insert(0, 'written in the outage');
    onOne.text.insert(0, 'during ');
    onTwo.text.insert(onTwo.text.length, ' still');

    redis = await startRedis(redisPort);
    await eventually(() => {
      expect(onOne.text.toString()).toBe(onTwo.text.toString());
      for (const word of ['before', 'during', 'still', 'one-4', 'two-4'])
        expect(onOne.text.toString()).toContain(word);
    }, 30_000);
    await eventually(async () => {
      expect((await health(one)).status).toBe('ok');
      expect((await health(two)).status).toBe('ok');
    }, 15_000);
    // Edits cross again at once, and the document opened in the outage is shared too.
    const lateOnOne = connectDoc(one.url, lateDoc, seed.people.ebe.sessionCookie);
    await lateOnOne.synced();
    expect(lateOnOne.text.toString()).toBe('written in the outage');
    late.text.insert(0, 'after ');
    await eventually(() => expect(lateOnOne.text.toString()).toBe('after written in the outage'));
    onTwo.text.insert(0, 'again ');
    await eventually(() => expect(onOne.text.toString()).toMatch(/^again /));

    expect(connects).toEqual([1, 1]);
    expect(onOne.closes).toEqual([]);
    expect(onTwo.closes).toEqual([]);
    expect(one.process.exitCode).toBeNull();
    expect(two.process.exitCode).toBeNull();
    for (const client of [...clients, late, lateOnOne]) client.destroy();
  }, 120_000);
});
