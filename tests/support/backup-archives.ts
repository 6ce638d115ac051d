import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { readArchive } from '../../server/src/backup/archive';
import type { Database } from '../../server/src/db/database';

/** Every entry of a (valid) backup but its header, name → SHA-256 of its bytes. */
export async function archiveContent(path: string) {
  const content: Record<string, string> = {};
  let header: Record<string, unknown> = {};
  await readArchive(
    path,
    async (read) => {
      header = read;
    },
    async ({ name, bytes }) => {
      content[name] = createHash('sha256').update(bytes).digest('hex');
    },
  );
  return { header, content };
}

/** The bytes of one entry of a backup. */
export async function entryOf(path: string, wanted: string): Promise<Buffer | undefined> {
  let found: Buffer | undefined;
  await readArchive(
    path,
    async () => {},
    async ({ name, bytes }) => {
      if (name === wanted) found = bytes;
    },
  );
  return found;
}

/** Unpacks a gzipped tar into its entries, in order. */
export async function unpack(path: string) {
  const extract = tar.extract();
  const entries: { name: string; bytes: Buffer }[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      entries.push({ name: entry.header.name, bytes: Buffer.concat(chunks) });
    }
  })();
  extract.end(gunzipSync(await readFile(path)));
  await done;
  return entries;
}

/** Writes entries as a gzipped tar, the way a backup is packed (or any tar at all). */
export async function pack(path: string, entries: { name: string; bytes: Buffer }[]) {
  const packer = tar.pack();
  for (const { name, bytes } of entries) packer.entry({ name, size: bytes.length }, bytes);
  packer.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of packer) chunks.push(chunk as Buffer);
  await writeFile(path, gzipSync(Buffer.concat(chunks)));
}

/**
 * Everything the database holds, table by table, as a digest of its rows in content order:
 * equal before and after means nothing changed.
 */
export async function databaseDigest(db: Database) {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ digest: string }>(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text), '')) AS digest FROM ${name} t`,
    );
    digest[name] = row!.digest;
  }
  return digest;
}
