import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Runs `pnpm mizug …` the way the root script does, and never throws on a failing exit. */
async function mizug(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli.ts', ...args],
      { cwd: root, env: { ...process.env, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('pnpm mizug', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mizug-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists its commands', async () => {
    const { code, stdout } = await mizug(['help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/migrate\s+apply pending database migrations/);
    // Every command that exists, and nothing else; the README's list says the same.
    const listed = [...stdout.matchAll(/^ {2}(\S+) /gm)].map((match) => match[1]);
    const commands = ['migrate', 'create-admin', 'initiatives', 'export', 'backup', 'restore'];
    expect(listed.toSorted()).toEqual([...commands, 'seed-demo', 'help'].toSorted());
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of [...commands, 'seed-demo']) expect(readme).toContain(`\`${name}\``);
  });

  it('migrates a new data folder once', async () => {
    const first = await mizug(['migrate'], { MIZUG_DATA_DIR: dataDir });
    // Every migration shipped in the tree, so adding one never breaks this test.
    const shipped = readdirSync(join(root, 'server/src/db/migrations'))
      .filter((name) => name.endsWith('.sql'))
      .map((name) => Number.parseInt(name, 10))
      .sort((a, b) => a - b);
    expect(first.stdout).toContain(`Applied migrations ${shipped.join(', ')} to pglite.`);
    const second = await mizug(['migrate'], { MIZUG_DATA_DIR: dataDir });
    expect(second.stdout).toContain('The pglite database is up to date.');
  });

  it('names an unknown command and exits with 2', async () => {
    const { code, stderr } = await mizug(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "frobnicate"');
  });

  it('reports a bad setting without a stack trace', async () => {
    const { code, stderr } = await mizug(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL="mysql://nope" must be a postgres://');
    expect(stderr).not.toContain('    at ');
  });
});
