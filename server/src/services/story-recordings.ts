import type { Account, Recording } from '@mizug/domain';
import type { Database } from '../db/database';
import * as recordings from '../db/repositories/story-recordings';
import { AppError } from '../errors';
import { RecordingRejected, recordingMime } from '../recordings/check-recording';
import { storyFor } from './stories';

/** Recordings follow their story: its readers listen, its writers record and transcribe. */
async function recordingFor(
  db: Database,
  account: Account,
  recordingId: string,
  action: 'read' | 'write',
) {
  const recording = await recordings.findRecording(db, recordingId);
  if (!recording) throw new AppError('not_found');
  await storyFor(db, account, recording.storyId, action);
  return recording;
}

export async function addRecording(
  db: Database,
  account: Account,
  storyId: string,
  audio: Uint8Array,
  transcript: string,
): Promise<Recording> {
  await storyFor(db, account, storyId, 'write');
  let mime;
  try {
    mime = await recordingMime(audio);
  } catch (error) {
    if (error instanceof RecordingRejected) throw new AppError(error.reason);
    throw error;
  }
  return recordings.insertRecording(db, {
    storyId,
    addedBy: account.id,
    mime,
    bytes: audio,
    transcript,
  });
}

export async function listStoryRecordings(db: Database, account: Account, storyId: string) {
  await storyFor(db, account, storyId, 'read');
  return recordings.listRecordings(db, storyId);
}

export async function readRecording(db: Database, account: Account, recordingId: string) {
  await recordingFor(db, account, recordingId, 'read');
  return (await recordings.readRecordingBytes(db, recordingId))!;
}

export async function transcribe(
  db: Database,
  account: Account,
  recordingId: string,
  transcript: string,
): Promise<Recording> {
  await recordingFor(db, account, recordingId, 'write');
  await recordings.updateTranscript(db, recordingId, transcript);
  return (await recordings.findRecording(db, recordingId))!;
}

export async function removeRecording(db: Database, account: Account, recordingId: string) {
  await recordingFor(db, account, recordingId, 'write');
  await recordings.deleteRecording(db, recordingId);
}
