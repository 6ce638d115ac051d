import { exportBundleSchema } from '@mizug/exporters';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../server/src/db/database';
import { openPglite } from '../server/src/db/pglite';
import { openPostgres } from '../server/src/db/postgres';
import { pdfText } from '../packages/exporters/src/report/pdf-text.test-helpers';
import { exportTexts } from './factories/export-world';
import { scopedExportWorld } from './factories/scoped-export-world';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';
import { unzip } from './support/unzip';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Runs `pnpm mizug …` as the root script does; never throws on a failing exit. */
async function mizug(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli.ts', ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: '', MIZUG_DATA_DIR: '', ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * Storage the command line can open too: a PGlite data folder (the server closes it first, as
 * PGlite allows one process), or a PostgreSQL database the server keeps using meanwhile.
 */
async function sharedStorage(
  kind: 'pglite' | 'postgres',
  folder: string,
): Promise<{ db: Database; env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    // Where `MIZUG_DATA_DIR` keeps its PGlite database.
    const dataDir = join(folder, 'data', 'pglite');
    mkdirSync(join(folder, 'data'));
    // A real folder (initdb, a few seconds): a template loaded in memory is not written there.
    const db: Database = await openPglite(dataDir);
    return { db, env: { MIZUG_DATA_DIR: join(folder, 'data') }, drop: async () => {} };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `mizug_test_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(adminUrl, { max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    db: openPostgres(url.toString(), { max: 4 }),
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

describe.each(testStorages)('pnpm mizug export over %s', (kind) => {
  const folder = mkdtempSync(join(tmpdir(), 'mizug-cli-export-'));
  let server: TestServer;
  let storage: Awaited<ReturnType<typeof sharedStorage>>;
  let world: Awaited<ReturnType<typeof scopedExportWorld>>;

  beforeAll(async () => {
    storage = await sharedStorage(kind, folder);
    server = await startTestServer(kind, { db: storage.db });
    world = await scopedExportWorld(server);
    // PGlite is one process's: the server lets go before the command line opens it.
    if (kind === 'pglite') await server.stop();
  }, 120_000);
  afterAll(async () => {
    if (kind === 'postgres') await server?.stop();
    await storage?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists the initiatives as JSON and exports one to a file, as its admin or as a researcher', async () => {
    const listed = await mizug(['initiatives', '--json'], storage.env);
    expect(listed.code, listed.stderr).toBe(0);
    // This instance holds another initiative too (the foreign ids of the scope test).
    expect(JSON.parse(listed.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: world.seed.initiativeId, name: expect.any(String) }),
      ]),
    );
    expect(JSON.parse(listed.stdout)).toHaveLength(2);

    const out = join(folder, 'project.qdpx');
    const args = ['export', '--initiative', world.seed.initiativeId, '--format', 'qdpx'];
    const done = await mizug([...args, '--out', out], storage.env);
    expect(done.code, done.stderr).toBe(0);
    const files = await unzip(readFileSync(out));
    expect(files.get('project.qde')!.toString('utf8')).toContain('<Project');
    const bytes = Buffer.concat([...files.values()]);
    expect(bytes.includes(Buffer.from(exportTexts.anonymousQuote))).toBe(true);
    for (const secret of world.secrets) expect(bytes.includes(Buffer.from(secret))).toBe(false);

    const json = join(folder, 'graph.json');
    const asResearcher = await mizug(
      [
        'export',
        '--initiative',
        world.seed.initiativeId,
        '--format',
        'json',
        '--out',
        json,
        '--as',
        'rana',
      ],
      storage.env,
    );
    expect(asResearcher.code, asResearcher.stderr).toBe(0);
    const bundle = exportBundleSchema.parse(JSON.parse(readFileSync(json, 'utf8')).graph);
    expect(bundle.withheld.map(({ cardId }) => cardId)).toEqual([world.cards.pending.id]);
    // Each command opens the storage anew (PGlite takes seconds on two shared cores).
  }, 180_000);

  it('exports one session or one finding, and refuses an id not of this initiative', async () => {
    const base = ['export', '--initiative', world.seed.initiativeId, '--format', 'json'];
    const out = join(folder, 'finding.json');
    const done = await mizug(
      [...base, '--out', out, '--finding', world.findings.elsewhere.id],
      storage.env,
    );
    expect(done.code, done.stderr).toBe(0);
    const bundle = exportBundleSchema.parse(JSON.parse(readFileSync(out, 'utf8')).graph);
    expect(bundle.findings.map(({ id }) => id)).toEqual([world.findings.elsewhere.id]);
    expect(bundle.codings.map(({ quote }) => quote)).toEqual([exportTexts.anonymousQuote]);

    const sessionOut = join(folder, 'session.json');
    const session = await mizug(
      [...base, '--out', sessionOut, '--session', world.session.id],
      storage.env,
    );
    expect(session.code, session.stderr).toBe(0);
    const sessionBundle = exportBundleSchema.parse(
      JSON.parse(readFileSync(sessionOut, 'utf8')).graph,
    );
    expect(sessionBundle.scope).toEqual({ kind: 'session', id: world.session.id });
    expect(sessionBundle.findings.map(({ id }) => id)).toEqual([world.findings.inSession.id]);

    const foreignOut = join(folder, 'foreign.json');
    const foreign = await mizug(
      [...base, '--out', foreignOut, '--session', world.foreign.sessionId],
      storage.env,
    );
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('this initiative has no such session');
    const both = await mizug(
      [...base, '--out', foreignOut, '--session', world.session.id, '--finding', 'x'],
      storage.env,
    );
    expect(both.stderr).toContain('only one of them');
    expect(existsSync(foreignOut)).toBe(false);
  }, 180_000);

  it('writes the findings report as md, docx and pdf, and says when PDF needs Chromium', async () => {
    const base = ['export', '--initiative', world.seed.initiativeId, '--format'];
    for (const format of ['md', 'docx', 'pdf']) {
      const out = join(folder, `report.${format}`);
      const done = await mizug([...base, format, '--out', out], storage.env);
      expect(done.code, done.stderr).toBe(0);
      const bytes = readFileSync(out);
      const text =
        format === 'md'
          ? bytes.toString('utf8')
          : format === 'docx'
            ? (await unzip(bytes)).get('word/document.xml')!.toString('utf8')
            : (await pdfText(bytes)).text;
      // In the initiative's language (Hebrew): the report's title and direction.
      if (format === 'md') expect(text.startsWith('<div dir="rtl" lang="he">')).toBe(true);
      if (format === 'docx') expect(text).toContain('<w:bidi/>');
      expect(format === 'pdf' ? text : text.replaceAll('\\', '')).toContain('ממצאים');
    }
    const out = join(folder, 'none.pdf');
    const refused = await mizug([...base, 'pdf', '--out', out], {
      ...storage.env,
      CHROMIUM_PATH: '/nonexistent/chromium',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PDF needs Chromium');
    expect(refused.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  }, 180_000);

  it('refuses a teller, an unknown format and missing options with a clear message', async () => {
    const base = ['export', '--initiative', world.seed.initiativeId, '--out', join(folder, 'x')];
    const teller = await mizug([...base, '--format', 'csv', '--as', 'miriam'], storage.env);
    expect(teller.code).toBe(1);
    expect(teller.stderr).toContain('"miriam" may not export this initiative');
    const format = await mizug([...base, '--format', 'docx2'], storage.env);
    expect(format.stderr).toContain('--format must be one of qdpx, qdc, csv, json');
    const missing = await mizug(['export', '--format', 'csv'], storage.env);
    expect(missing.stderr).toContain('export needs --initiative, --format and --out');
    for (const result of [teller, format, missing]) expect(result.stderr).not.toContain('    at ');
  }, 180_000);
});
