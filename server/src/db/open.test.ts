import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findInstance } from './repositories/instance';
import { migrate } from './migrate';
import { openStorage } from './open';

describe('openStorage without DATABASE_URL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mizug-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps stored data in the data folder across a restart', async () => {
    const first = await openStorage({ MIZUG_DATA_DIR: dataDir });
    expect(first.kind).toBe('pglite');
    await migrate(first);
    const instance = await findInstance(first);
    await first.close();

    const second = await openStorage({ MIZUG_DATA_DIR: dataDir });
    expect(await migrate(second)).toEqual([]);
    expect(await findInstance(second)).toEqual(instance);
    await second.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('openStorage with DATABASE_URL', () => {
  it('uses the PostgreSQL server', async () => {
    const db = await openStorage({
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      MIZUG_DATA_DIR: '',
    });
    expect(db.kind).toBe('postgres');
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
  });
});
