import { z } from 'zod';

/** The archive's format, documented in docs/BACKUP.md. Raise the version on any change to it. */
export const BACKUP_FORMAT = 'mizug-initiative-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const HEADER_ENTRY = 'header.json';
export const MANIFEST_ENTRY = 'manifest.json';

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  sourceInstance: z.string().uuid(),
  createdAt: z.string(),
  /** The highest migration applied on the source: restore refuses a newer one. */
  schemaVersion: z.number().int().nonnegative(),
  initiative: z.object({ id: z.string().uuid(), name: z.string() }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const manifestSchema = z.object({
  /** Every entry before the manifest, in archive order, with its size and SHA-256. */
  entries: z.array(
    z.object({ name: z.string(), size: z.number().int(), sha256: z.string().length(64) }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

export type BackupErrorCode =
  | 'not_a_backup'
  | 'damaged'
  | 'unsupported_format'
  | 'newer_schema'
  | 'initiative_exists'
  | 'initiative_not_found'
  | 'handle_taken'
  | 'conflict'
  | 'out_exists';

/** A refusal whose message is written for the operator running the command. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const rowsEntry = (table: string) => `rows/${table}.ndjson`;
export const mediaEntry = (table: string, id: string) => `media/${table}/${id}`;
export const documentEntry = (docName: string) => `documents/${docName}.yjs`;
