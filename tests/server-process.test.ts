import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { healthSchema, instanceSchema } from '@mizug/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, startServerExpectingFailure } from './support/server-process';

const getJson = async (url: string) => (await fetch(url)).json();

/**
 * Per-test timeouts: three times what each took on a loaded two-core machine (measured with the
 * Playwright suite running alongside): 48 s for three PGlite starts, 33 s for pnpm start and
 * its shutdown, under 10 s for a refused configuration or one PostgreSQL start.
 */
const PGLITE_RESTARTS_MS = 150_000;
const PNPM_START_MS = 120_000;
const ONE_START_MS = 30_000;

describe('the server process on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mizug-process-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'reports pglite, keeps its data across a restart and refuses a second process on the folder',
    async () => {
      const first = await startServer({ MIZUG_DATA_DIR: dataDir });
      expect(healthSchema.parse(await getJson(`${first.url}/api/health`)).storage).toBe('pglite');
      const instance = instanceSchema.parse(await getJson(`${first.url}/api/instance`));

      const rival = await startServerExpectingFailure({ MIZUG_DATA_DIR: dataDir });
      expect(rival.code).toBe(1);
      expect(rival.output).toContain(
        `is in use by another Mizug process (pid ${first.process.pid})`,
      );

      expect(await first.stop()).toBe(0);
      const second = await startServer({ MIZUG_DATA_DIR: dataDir });
      expect(await getJson(`${second.url}/api/instance`)).toEqual(instance);
      expect(await second.stop()).toBe(0);
    },
    PGLITE_RESTARTS_MS,
  );
});

describe('the server process configuration', () => {
  it(
    'refuses a bad setting with one clear line per problem',
    async () => {
      const failed = await startServerExpectingFailure({ PORT: 'eighty', LOG_LEVEL: 'chatty' });
      expect(failed.code).toBe(1);
      expect(failed.output).toContain('PORT="eighty" must be a whole number');
      expect(failed.output).toContain('LOG_LEVEL="chatty" must be one of');
      expect(failed.output).not.toContain('    at ');
    },
    ONE_START_MS,
  );
});

describe.runIf(process.env.TEST_DATABASE_URL)('the server process with DATABASE_URL', () => {
  it(
    'stores into PostgreSQL',
    async () => {
      const server = await startServer({ DATABASE_URL: process.env.TEST_DATABASE_URL! });
      expect(healthSchema.parse(await getJson(`${server.url}/api/health`)).storage).toBe(
        'postgres',
      );
      await server.stop();
    },
    ONE_START_MS,
  );
});

describe('pnpm start', () => {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const project = mkdtempSync(join(tmpdir(), 'mizug-start-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it(
    'stops the server and frees the data folder when pnpm start is killed',
    async () => {
      // A checkout whose build is up to date, so scripts/start.mjs goes straight to
      // server/dist/index.js: here the server from source (tsx), to need no build.
      mkdirSync(join(project, 'scripts'));
      copyFileSync(join(root, 'scripts/start.mjs'), join(project, 'scripts/start.mjs'));
      const scripts = { start: 'node scripts/start.mjs' };
      writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', scripts }));
      mkdirSync(join(project, 'server/dist'), { recursive: true });
      const serverSource = pathToFileURL(join(root, 'server/src/index.ts')).href;
      writeFileSync(join(project, 'server/dist/index.js'), `await import('${serverSource}');`);
      mkdirSync(join(project, 'web/build'), { recursive: true });
      writeFileSync(join(project, 'web/build/handler.js'), '');
      const dataDir = join(project, 'data');

      const pnpm = spawn('pnpm', ['start'], {
        cwd: project,
        env: {
          ...process.env,
          NODE_OPTIONS: `--import=${import.meta.resolve('tsx')}`,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          MIZUG_DATA_DIR: dataDir,
        },
      });
      let output = '';
      const listening = await new Promise<{ url: string }>((resolve, reject) => {
        pnpm.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const line = /\{[^\n]*Mizug is listening[^\n]*\}/.exec(output)?.[0];
          if (!line) return;
          const { port } = JSON.parse(line) as { port: number };
          resolve({ url: `http://127.0.0.1:${port}` });
        });
        pnpm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        pnpm.once('exit', (code) => reject(new Error(`pnpm start exited with ${code}: ${output}`)));
      });
      // The lock names the server's process: node running scripts/start.mjs, pnpm's grandchild.
      const server = Number(readFileSync(join(dataDir, 'mizug.lock'), 'utf8').split(' ')[0]);
      try {
        pnpm.kill('SIGTERM');
        const answers = () =>
          fetch(`${listening.url}/api/health`).then(
            () => 'answers',
            () => 'closed',
          );
        await expect.poll(answers, { timeout: 60_000 }).toBe('closed');
        await expect
          .poll(() => existsSync(join(dataDir, 'mizug.lock')), { timeout: 60_000 })
          .toBe(false);
      } finally {
        try {
          process.kill(server, 'SIGKILL');
        } catch {
          // already gone, as it should be
        }
      }
    },
    PNPM_START_MS,
  );
});
