import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthSchema, instanceSchema } from '@mizug/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, startServerExpectingFailure } from './support/server-process';

const getJson = async (url: string) => (await fetch(url)).json();

describe('the server process on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mizug-process-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reports pglite, keeps its data across a restart and refuses a second process on the folder', async () => {
    const first = await startServer({ MIZUG_DATA_DIR: dataDir });
    expect(healthSchema.parse(await getJson(`${first.url}/api/health`)).storage).toBe('pglite');
    const instance = instanceSchema.parse(await getJson(`${first.url}/api/instance`));

    const rival = await startServerExpectingFailure({ MIZUG_DATA_DIR: dataDir });
    expect(rival.code).toBe(1);
    expect(rival.output).toContain(`is in use by another Mizug process (pid ${first.process.pid})`);

    expect(await first.stop()).toBe(0);
    const second = await startServer({ MIZUG_DATA_DIR: dataDir });
    expect(await getJson(`${second.url}/api/instance`)).toEqual(instance);
    expect(await second.stop()).toBe(0);
  });
});

describe('the server process configuration', () => {
  it('refuses a bad setting with one clear line per problem', async () => {
    const failed = await startServerExpectingFailure({ PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('PORT="eighty" must be a whole number');
    expect(failed.output).toContain('LOG_LEVEL="chatty" must be one of');
    expect(failed.output).not.toContain('    at ');
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('the server process with DATABASE_URL', () => {
  it('stores into PostgreSQL', async () => {
    const server = await startServer({ DATABASE_URL: process.env.TEST_DATABASE_URL! });
    expect(healthSchema.parse(await getJson(`${server.url}/api/health`)).storage).toBe('postgres');
    await server.stop();
  });
});
