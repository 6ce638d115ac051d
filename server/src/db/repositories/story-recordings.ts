import type { Recording } from '@mizug/domain';
import type { RecordingMime } from '../../recordings/check-recording';
import type { Queryable } from '../database';
import { toBytes } from './collab-documents';

interface RecordingRow {
  id: string;
  story_id: string;
  mime: RecordingMime;
  transcript: string;
  created_at: Date;
  [key: string]: unknown;
}

const toRecording = (row: RecordingRow): Recording => ({
  id: row.id,
  storyId: row.story_id,
  mime: row.mime,
  transcript: row.transcript,
  url: `/api/recordings/${row.id}`,
  createdAt: row.created_at.toISOString(),
});

const columns = 'id, story_id, mime, transcript, created_at';

export async function insertRecording(
  db: Queryable,
  recording: {
    storyId: string;
    addedBy: string;
    mime: RecordingMime;
    bytes: Uint8Array;
    transcript: string;
  },
): Promise<Recording> {
  const [row] = await db.query<RecordingRow>(
    `INSERT INTO story_recordings (story_id, added_by, mime, bytes, transcript)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
    [recording.storyId, recording.addedBy, recording.mime, recording.bytes, recording.transcript],
  );
  return toRecording(row!);
}

export async function listRecordings(db: Queryable, storyId: string): Promise<Recording[]> {
  const rows = await db.query<RecordingRow>(
    `SELECT ${columns} FROM story_recordings WHERE story_id = $1 ORDER BY created_at`,
    [storyId],
  );
  return rows.map(toRecording);
}

export async function findRecording(db: Queryable, id: string) {
  const [row] = await db.query<RecordingRow>(
    `SELECT ${columns} FROM story_recordings WHERE id = $1`,
    [id],
  );
  return row && toRecording(row);
}

export async function readRecordingBytes(db: Queryable, id: string) {
  const [row] = await db.query<{ mime: string; bytes: Uint8Array }>(
    'SELECT mime, bytes FROM story_recordings WHERE id = $1',
    [id],
  );
  return row && { mime: row.mime, bytes: toBytes(row.bytes) };
}

export async function updateTranscript(db: Queryable, id: string, transcript: string) {
  await db.query('UPDATE story_recordings SET transcript = $2 WHERE id = $1', [id, transcript]);
}

export async function deleteRecording(db: Queryable, id: string) {
  await db.query('DELETE FROM story_recordings WHERE id = $1', [id]);
}
