import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../server/src/db/pglite';

/** Runs initdb once for the whole run; each test database loads this copy in well under a second. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'mizug-test-'));
  const db = await openPglite(undefined);
  const template = join(dir, 'pglite-template.tar');
  await writeFile(template, Buffer.from(await (await db.pglite.dumpDataDir('none')).arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', template);
  return () => rm(dir, { recursive: true, force: true });
}
