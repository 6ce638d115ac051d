import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageKind } from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupInitiative } from '../server/src/backup/write-backup';
import { restoreInitiative } from '../server/src/backup/restore-backup';
import { BackupError, rowsEntry } from '../server/src/backup/format';
import { accountsTable, backupTables } from '../server/src/backup/tables';
import { storedText } from '../server/src/collab/stored-text';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { seedWholeInitiative, type WholeInitiative } from './factories/whole-initiative';
import { archiveContent, databaseDigest, entryOf, pack, unpack } from './support/backup-archives';
import { createTestDatabase, testStorages } from './support/databases';

const dir = mkdtempSync(join(tmpdir(), 'mizug-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const archivePath = () => join(dir, `archive-${++files}.tar.gz`);

async function freshDatabase(kind: StorageKind) {
  const db = await createTestDatabase(kind);
  await migrate(db);
  return db;
}

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

/** Each storage to itself, and (with PostgreSQL) each to the other. */
const directions = testStorages.flatMap((from) => testStorages.map((to) => [from, to] as const));

describe.each(directions)('backup from %s, restore into %s', (fromKind, toKind) => {
  let source: Database;
  let target: Database;
  let seeded: WholeInitiative;
  let first: string;
  let again: string;

  beforeAll(async () => {
    source = await freshDatabase(fromKind);
    target = await freshDatabase(toKind);
    seeded = await seedWholeInitiative(source);
    // Another initiative on the source, with its own people: none of it may travel along.
    await seedWholeInitiative(source, 'other-');
    first = archivePath();
    await backupInitiative(source, seeded.initiativeId, first);
    await restoreInitiative(target, first);
    again = archivePath();
    await backupInitiative(target, seeded.initiativeId, again);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('gives back the same rows, documents and media after a round trip', async () => {
    const before = await archiveContent(first);
    const after = await archiveContent(again);
    expect(after.content).toEqual(before.content);
    const { createdAt: _a, sourceInstance: fromInstance, ...headerBefore } = before.header;
    const { createdAt: _b, sourceInstance: toInstance, ...headerAfter } = after.header;
    expect(headerAfter).toEqual(headerBefore);
    expect(toInstance).not.toBe(fromInstance);
  });

  it('holds a row of every table it lists, and only the one initiative', async () => {
    for (const table of [accountsTable, ...backupTables]) {
      const rows = (await entryOf(first, rowsEntry(table.name)))!.toString().trim().split('\n');
      expect(rows[0], table.name).toMatch(/^\{/);
    }
    const accounts = (await entryOf(first, rowsEntry('accounts')))!.toString();
    expect(accounts).toContain('"teller"');
    expect(accounts).not.toContain('other-');
    expect(accounts).not.toContain('is_instance_admin');
    const { content } = await archiveContent(first);
    expect(Object.keys(content).filter((name) => name.startsWith('documents/'))).toHaveLength(4);
    expect(Object.keys(content).filter((name) => name.startsWith('media/'))).toHaveLength(2);
  });

  it('restores what people see: the story text, the photo bytes, the audit order', async () => {
    expect(await storedText(target, seeded.storyDoc)).toBe(
      await storedText(source, seeded.storyDoc),
    );
    expect(await storedText(target, seeded.storyDoc)).toMatch(/ערב אחד\s+וגם בוקר/);
    const [photo] = await target.query<{ bytes: Uint8Array }>('SELECT bytes FROM story_photos');
    expect(new Uint8Array(photo!.bytes)).toEqual(seeded.photoBytes);
    const audit = await target.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE initiative_id = $1 ORDER BY id',
      [seeded.initiativeId],
    );
    expect(audit.map((entry) => entry.action)).toEqual([
      'initiative.create',
      'story.create',
      'finding.final',
    ]);
  });

  it('brings people their own passphrase but not instance admin rights', async () => {
    const people = await target.query<{ handle: string; passphrase_hash: string; admin: boolean }>(
      'SELECT handle, passphrase_hash, is_instance_admin AS admin FROM accounts ORDER BY handle',
    );
    expect(people).toEqual([
      { handle: 'admin', passphrase_hash: 'scrypt$hash-of-admin', admin: false },
      { handle: 'facilitator', passphrase_hash: 'scrypt$hash-of-facilitator', admin: false },
      { handle: 'teller', passphrase_hash: 'scrypt$hash-of-teller', admin: false },
    ]);
  });

  it('refuses to restore an initiative that is already there, and changes nothing', async () => {
    const before = await databaseDigest(target);
    const error = await refusal(restoreInitiative(target, first));
    expect(error.code).toBe('initiative_exists');
    expect(error.message).toContain('is already on this instance');
    expect(await databaseDigest(target)).toEqual(before);
  });
});

describe.each(testStorages)('restore refusals on %s', (kind) => {
  let source: Database;
  let target: Database;
  let seeded: WholeInitiative;
  let good: string;

  beforeAll(async () => {
    source = await freshDatabase(kind);
    target = await freshDatabase(kind);
    seeded = await seedWholeInitiative(source);
    good = archivePath();
    await backupInitiative(source, seeded.initiativeId, good);
    // The target is not empty: a restore that failed half-way would show in its digest.
    await seedWholeInitiative(target, 'here-');
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  async function refusedWithoutChange(path: string) {
    const before = await databaseDigest(target);
    const error = await refusal(restoreInitiative(target, path));
    expect(await databaseDigest(target)).toEqual(before);
    return error;
  }

  it('refuses a truncated archive', async () => {
    const bytes = readFileSync(good);
    for (const keep of [0.5, 0.97]) {
      const cut = archivePath();
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * keep)));
      const error = await refusedWithoutChange(cut);
      expect(error.code).toBe('damaged');
      expect(error.message).toMatch(/^The backup is damaged and was not restored/);
    }
  });

  it('refuses an archive with a flipped byte in its compressed stream', async () => {
    const bytes = readFileSync(good);
    const at = Math.floor(bytes.length * 0.75);
    bytes[at] = bytes[at]! ^ 0x10;
    const flipped = archivePath();
    writeFileSync(flipped, bytes);
    expect((await refusedWithoutChange(flipped)).code).toBe('damaged');
  });

  it('refuses an entry whose bytes no longer match its checksum, even if well packed', async () => {
    const entries = await unpack(good);
    const photo = entries.find((entry) => entry.name.startsWith('media/story_photos/'))!;
    photo.bytes[3] = photo.bytes[3]! ^ 0x01;
    const tampered = archivePath();
    await pack(tampered, entries);
    const error = await refusedWithoutChange(tampered);
    expect(error.code).toBe('damaged');
    expect(error.message).toContain(`the checksum of ${photo.name} does not match`);
  });

  it('refuses an archive cut exactly after an entry (no manifest)', async () => {
    const entries = await unpack(good);
    const cut = archivePath();
    await pack(cut, entries.slice(0, -1));
    const error = await refusedWithoutChange(cut);
    expect(error.message).toContain('ends before its manifest');
  });

  it('refuses a tar that is not a backup, and a zip file', async () => {
    const foreign = archivePath();
    await pack(foreign, [{ name: 'notes.txt', bytes: Buffer.from('hello') }]);
    const tarError = await refusedWithoutChange(foreign);
    expect(tarError.code).toBe('not_a_backup');
    expect(tarError.message).toContain('not a Mizug initiative backup');

    const zip = archivePath();
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    expect((await refusedWithoutChange(zip)).code).toBe('not_a_backup');
  });

  it('refuses a newer format version and a newer schema, saying to upgrade', async () => {
    const withHeader = async (change: Record<string, unknown>) => {
      const entries = await unpack(good);
      const header = JSON.parse(entries[0]!.bytes.toString()) as Record<string, unknown>;
      entries[0]!.bytes = Buffer.from(JSON.stringify({ ...header, ...change }));
      const path = archivePath();
      await pack(path, entries);
      return path;
    };
    const format = await refusedWithoutChange(await withHeader({ formatVersion: 99 }));
    expect(format.code).toBe('unsupported_format');
    expect(format.message).toContain('format version 99');
    const schema = await refusedWithoutChange(await withHeader({ schemaVersion: 9999 }));
    expect(schema.code).toBe('newer_schema');
    expect(schema.message).toContain('Upgrade this instance first');
  });

  it('refuses when a handle here belongs to someone else, naming it', async () => {
    await target.query(
      `INSERT INTO accounts (handle, display_name, passphrase_hash) VALUES ('teller', 'Another', 'x')`,
    );
    try {
      const error = await refusedWithoutChange(good);
      expect(error.code).toBe('handle_taken');
      expect(error.message).toContain('teller');
    } finally {
      await target.query(`DELETE FROM accounts WHERE handle = 'teller'`);
    }
  });

  it('keeps a person who is already here (same id) as they are', async () => {
    const accounts = (await entryOf(good, rowsEntry('accounts')))!
      .toString()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; handle: string });
    const teller = accounts.find((account) => account.handle === 'teller')!;
    await target.query(
      `INSERT INTO accounts (id, handle, display_name, passphrase_hash) VALUES ($1, 'teller', 'Here', 'own-hash')`,
      [teller.id],
    );
    const summary = await restoreInitiative(target, good);
    expect(summary.existingAccounts).toBe(1);
    const [kept] = await target.query<{ display_name: string; passphrase_hash: string }>(
      'SELECT display_name, passphrase_hash FROM accounts WHERE id = $1',
      [teller.id],
    );
    expect(kept).toEqual({ display_name: 'Here', passphrase_hash: 'own-hash' });
    const [story] = await target.query<{ teller_id: string }>(
      'SELECT teller_id FROM stories WHERE initiative_id = $1',
      [seeded.initiativeId],
    );
    expect(story!.teller_id).toBe(teller.id);
  });

  it('backs up only an initiative that exists, into a file that does not', async () => {
    const missing = await refusal(
      backupInitiative(source, '00000000-0000-4000-8000-000000000000', archivePath()),
    );
    expect(missing.code).toBe('initiative_not_found');
    const taken = await refusal(backupInitiative(source, seeded.initiativeId, good));
    expect(taken.code).toBe('out_exists');
  });
});
