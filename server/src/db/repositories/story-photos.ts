import type { Consent, PhotoText } from '@mizug/domain';
import type { SanitizedPhoto } from '../../photos/sanitize-photo';
import type { Queryable } from '../database';
import { toBytes } from './collab-documents';

/** A photo as stored, without its bytes. */
export interface StoredPhoto {
  id: string;
  storyId: string;
  caption: string;
  alt: string;
  width: number;
  height: number;
  createdAt: Date;
  /** Null: follows the story's consent. */
  consent: Consent | null;
}

interface PhotoRow {
  id: string;
  story_id: string;
  caption: string;
  alt: string;
  width: number;
  height: number;
  created_at: Date;
  audience: Consent['audience'] | null;
  credit: Consent['credit'] | null;
  pseudonym: string | null;
  quoting: Consent['quoting'] | null;
  [key: string]: unknown;
}

function consentOf(row: PhotoRow): Consent | null {
  if (!row.audience || !row.credit || !row.quoting) return null;
  const base = { audience: row.audience, quoting: row.quoting };
  if (row.credit === 'pseudonym')
    return { ...base, credit: 'pseudonym', pseudonym: row.pseudonym! };
  return { ...base, credit: row.credit };
}

const toPhoto = (row: PhotoRow): StoredPhoto => ({
  id: row.id,
  storyId: row.story_id,
  caption: row.caption,
  alt: row.alt,
  width: row.width,
  height: row.height,
  createdAt: row.created_at,
  consent: consentOf(row),
});

const photoColumns =
  'id, story_id, caption, alt, width, height, created_at, audience, credit, pseudonym, quoting';

export async function insertPhoto(
  db: Queryable,
  photo: SanitizedPhoto & PhotoText & { storyId: string; addedBy: string },
): Promise<StoredPhoto> {
  const [row] = await db.query<PhotoRow>(
    `INSERT INTO story_photos (story_id, added_by, mime, bytes, sha256, width, height, caption, alt)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${photoColumns}`,
    [
      photo.storyId,
      photo.addedBy,
      photo.mime,
      photo.bytes,
      photo.sha256,
      photo.width,
      photo.height,
      photo.caption,
      photo.alt,
    ],
  );
  return toPhoto(row!);
}

export async function listPhotos(db: Queryable, storyId: string): Promise<StoredPhoto[]> {
  const rows = await db.query<PhotoRow>(
    `SELECT ${photoColumns} FROM story_photos WHERE story_id = $1 ORDER BY created_at`,
    [storyId],
  );
  return rows.map(toPhoto);
}

export async function findPhoto(db: Queryable, photoId: string) {
  const [row] = await db.query<PhotoRow>(`SELECT ${photoColumns} FROM story_photos WHERE id = $1`, [
    photoId,
  ]);
  return row && toPhoto(row);
}

export async function updatePhotoConsent(db: Queryable, photoId: string, consent: Consent | null) {
  await db.query(
    'UPDATE story_photos SET audience = $2, credit = $3, pseudonym = $4, quoting = $5 WHERE id = $1',
    [
      photoId,
      consent?.audience ?? null,
      consent?.credit ?? null,
      consent?.credit === 'pseudonym' ? consent.pseudonym : null,
      consent?.quoting ?? null,
    ],
  );
}

export async function readPhotoBytes(db: Queryable, photoId: string) {
  const [row] = await db.query<{ mime: string; bytes: Uint8Array; sha256: string }>(
    'SELECT mime, bytes, sha256 FROM story_photos WHERE id = $1',
    [photoId],
  );
  return row && { mime: row.mime, bytes: toBytes(row.bytes), sha256: row.sha256 };
}

export async function deletePhoto(db: Queryable, photoId: string) {
  await db.query('DELETE FROM story_photos WHERE id = $1', [photoId]);
}
