import type { Account, Recording } from '@mizug/domain';
import type { Database } from '../../db/database';
import * as recordings from '../../db/repositories/story-recordings';
import { AppError } from '../../errors';
import { RecordingRejected, recordingMime } from '../../recordings/check-recording';
import { announceQuotedChange } from '../cards/changed';
import { runCommand, type CommandDeps } from '../command';
import { recordingFor, storyFor } from './access';
import { auditStory } from './audit';

/** Keeps a voice recording (checked to be audio only) with its typed transcript. */
export async function addRecording(
  deps: CommandDeps,
  account: Account,
  storyId: string,
  audio: Uint8Array,
  transcript: string,
): Promise<Recording> {
  const { story } = await storyFor(deps.db, account, storyId, 'write');
  let mime;
  try {
    mime = await recordingMime(audio);
  } catch (error) {
    if (error instanceof RecordingRejected) throw new AppError(error.reason);
    throw error;
  }
  return runCommand(deps, async ({ tx, audit }) => {
    const recording = await recordings.insertRecording(tx, {
      storyId,
      addedBy: account.id,
      mime,
      bytes: audio,
      transcript,
    });
    // The recording's id, never its transcript.
    await auditStory({ audit }, account, story, 'recording.add', { recordingId: recording.id });
    return recording;
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
  deps: CommandDeps,
  account: Account,
  recordingId: string,
  transcript: string,
): Promise<Recording> {
  const { story } = await recordingFor(deps.db, account, recordingId, 'write');
  return runCommand(deps, async ({ tx, audit }) => {
    await recordings.updateTranscript(tx, recordingId, transcript);
    await auditStory({ audit }, account, story, 'recording.transcribe', { recordingId });
    return (await recordings.findRecording(tx, recordingId))!;
  });
}

export async function removeRecording(deps: CommandDeps, account: Account, recordingId: string) {
  const { story } = await recordingFor(deps.db, account, recordingId, 'write');
  await runCommand(deps, async ({ tx, audit, emit }) => {
    await recordings.deleteRecording(tx, recordingId);
    await auditStory({ audit }, account, story, 'recording.remove', { recordingId });
    // Its transcript's cards show withdrawn now.
    await announceQuotedChange({ tx, emit }, story.initiativeId, { storyId: story.id });
  });
}
