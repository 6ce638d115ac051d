import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  backupHeaderSchema,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  manifestSchema,
  type BackupHeader,
  type Manifest,
} from './format';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes a gzipped tar entry by entry, and the manifest of checksums last. */
export class ArchiveWriter {
  private readonly pack = tar.pack();
  private readonly written: Manifest['entries'] = [];
  private readonly done: Promise<void>;

  constructor(path: string) {
    this.done = pipeline(this.pack, createGzip(), createWriteStream(path, { flags: 'wx' }));
    // Surfaced by finish(); without a handler an early failure would be unhandled.
    this.done.catch(() => {});
  }

  async add(name: string, bytes: Uint8Array) {
    this.written.push({ name, size: bytes.byteLength, sha256: sha256(bytes) });
    await new Promise<void>((resolve, reject) =>
      this.pack.entry({ name, size: bytes.byteLength }, Buffer.from(bytes), (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  async finish() {
    const manifest: Manifest = { entries: this.written };
    await this.add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 1)));
    this.pack.finalize();
    await this.done;
  }

  abort() {
    this.pack.destroy();
  }
}

export interface ArchiveEntry {
  name: string;
  bytes: Buffer;
}

/**
 * The archive's header, then its entries one at a time, each checked against its size and the
 * manifest at the end: a damaged archive throws at the latest after its last entry, so a caller
 * that works inside a transaction changes nothing.
 */
export async function readArchive(
  path: string,
  onHeader: (header: BackupHeader) => Promise<void>,
  onEntry: (entry: ArchiveEntry) => Promise<void>,
): Promise<void> {
  const extract = tar.extract();
  const reading = pipeline(createReadStream(path), createGunzip(), extract);
  // Awaited below; until then a failure (zlib's) also ends the loop, so it must not go unhandled.
  reading.catch(() => {});
  let header: BackupHeader | undefined;
  const seen: Manifest['entries'] = [];
  let manifest: Manifest | undefined;
  try {
    for await (const stream of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      const name = stream.header.name;
      if (!header) {
        header = parseHeader(name, bytes);
        await passOn(() => onHeader(header!));
      } else if (manifest) {
        throw damaged('it has entries after its manifest');
      } else if (name === MANIFEST_ENTRY) {
        manifest = parseManifest(bytes);
        continue;
      } else {
        await passOn(() => onEntry({ name, bytes }));
      }
      seen.push({ name, size: bytes.byteLength, sha256: sha256(bytes) });
    }
    await reading;
  } catch (error) {
    if (error instanceof CallerFailure) throw error.cause;
    if (error instanceof BackupError) throw error;
    // zlib and tar report what broke (a bad checksum, an early end); before the header was
    // read the file is most likely something else altogether.
    const why = error instanceof Error ? error.message : String(error);
    if (!header) throw notABackup(why);
    throw damaged(why);
  }
  if (!header) throw notABackup('it is empty');
  if (!manifest) throw damaged('it ends before its manifest (was it cut short?)');
  const expected = manifest.entries;
  if (expected.length !== seen.length) throw damaged('entries are missing');
  expected.forEach((entry, i) => {
    const actual = seen[i]!;
    if (entry.name !== actual.name || entry.size !== actual.size || entry.sha256 !== actual.sha256)
      throw damaged(`the checksum of ${actual.name} does not match`);
  });
}

/** What the caller's own work threw: passed on as it is, never read as damage. */
class CallerFailure extends Error {}
async function passOn(work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    throw new CallerFailure('', { cause: error });
  }
}

function parseHeader(name: string, bytes: Buffer): BackupHeader {
  if (name !== HEADER_ENTRY) throw notABackup(`its first entry is "${name}", not ${HEADER_ENTRY}`);
  const value = jsonOf(bytes);
  const { format, formatVersion } = (value ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (format !== BACKUP_FORMAT)
    throw notABackup('its header does not name the Mizug backup format');
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      'unsupported_format',
      `This backup is in format version ${formatVersion}; this Mizug reads up to version ${BACKUP_FORMAT_VERSION}. Upgrade Mizug first.`,
    );
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw damaged('its header is malformed');
  return parsed.data;
}

function parseManifest(bytes: Buffer): Manifest {
  const parsed = manifestSchema.safeParse(jsonOf(bytes));
  if (!parsed.success) throw damaged('its manifest is malformed');
  return parsed.data;
}

function jsonOf(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

const notABackup = (why: string) =>
  new BackupError('not_a_backup', `This file is not a Mizug initiative backup: ${why}.`);
const damaged = (why: string) =>
  new BackupError('damaged', `The backup is damaged and was not restored: ${why}.`);
