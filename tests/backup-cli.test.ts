import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../server/src/db/migrate';
import { openPglite } from '../server/src/db/pglite';
import { seedWholeInitiative } from './factories/whole-initiative';

const root = fileURLToPath(new URL('../', import.meta.url));

const { DATABASE_URL: _notHere, ...pgliteEnv } = process.env;

/** Runs `pnpm mizug …` the way the root script does, over the data folder `dataDir`. */
async function mizug(args: string[], dataDir: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli.ts', ...args],
      { cwd: root, env: { ...pgliteEnv, MIZUG_DATA_DIR: dataDir } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('pnpm mizug backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizug-backup-cli-'));
  const [source, target] = [join(dir, 'source'), join(dir, 'target')];
  const archive = join(dir, 'loneliness.tar.gz');
  let initiativeId: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    mkdirSync(source);
    const db = await openPglite(join(source, 'pglite'));
    try {
      await migrate(db);
      ({ initiativeId } = await seedWholeInitiative(db));
    } finally {
      await db.close();
    }
  });

  it('backs up an initiative and restores it into another instance', async () => {
    const backup = await mizug(['backup', '--initiative', initiativeId, '--out', archive], source);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backed up "בדידות" to .*: \d+ rows, 2 media files, 4 documents\./,
    );
    expect(existsSync(archive)).toBe(true);

    const restore = await mizug(['restore', archive], target);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`Restored "בדידות" (${initiativeId})`);
    // Two processes, each opening PGlite (the target a new one): slow on a busy machine.
  }, 180_000);

  it('says why it refuses, without a stack trace', async () => {
    const again = await mizug(['restore', archive], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is already on this instance; nothing was restored');
    expect(again.stderr).not.toContain('    at ');

    const usage = await mizug(['backup', '--initiative', initiativeId], source);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('backup needs --initiative and --out');

    const missing = await mizug(['restore'], target);
    expect(missing.stderr).toContain('restore needs one archive');
  });

  it('lists both commands in help', async () => {
    const { stdout } = await mizug(['help'], source);
    expect(stdout).toMatch(/backup\s+write one initiative/);
    expect(stdout).toMatch(/restore\s+restore an initiative from a backup archive/);
  });
});
