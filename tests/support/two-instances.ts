import { Redis } from 'ioredis';
import { openPostgres } from '../../server/src/db/postgres';
import { seedInitiative, type SeededInitiative } from '../factories/initiative';
import { overHttp, Person } from '../factories/person';
import { startServer, type RunningServer } from './server-process';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Several instances need a shared PostgreSQL (PGlite is one process) and Redis. */
export async function twoInstancesAvailable(what: string): Promise<boolean> {
  const available = !!process.env.TEST_DATABASE_URL && (await redisAnswers());
  if (!available) {
    console.warn(
      `Skipping ${what}: it needs TEST_DATABASE_URL and Redis at ${redisUrl} (set TEST_REDIS_URL).`,
    );
  }
  return available;
}

export interface TwoInstances {
  one: RunningServer;
  two: RunningServer;
  seed: SeededInitiative;
  /** Stops both processes and drops their database. */
  stop(): Promise<void>;
}

/** Two server processes over one fresh PostgreSQL database and Redis, with a seeded initiative. */
export async function startTwoInstances(): Promise<TwoInstances> {
  const dbName = `mizug_two_${process.pid}_${Date.now()}`;
  const admin = openPostgres(process.env.TEST_DATABASE_URL!, { max: 1 });
  await admin.exec(`CREATE DATABASE ${dbName}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${dbName}`;
  const env = { DATABASE_URL: url.toString(), REDIS_URL: redisUrl };
  const one = await startServer(env);
  const two = await startServer(env);
  // Each start issues a new setup link; the one printed last is the valid one.
  const seed = await seedInitiative(overHttp(one.url), async (form) => {
    const token = /\/setup\/([\w-]+)/.exec(two.output())![1]!;
    const response = await new Person(overHttp(one.url)).post('/api/setup', { ...form, token });
    if (response.status !== 201) throw new Error(await response.text());
  });
  return {
    one,
    two,
    seed,
    async stop() {
      await Promise.all([one.stop(), two.stop()]);
      await admin.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.close();
    },
  };
}
