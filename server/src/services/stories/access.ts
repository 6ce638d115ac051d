import type { Account } from '@mizug/domain';
import type { Queryable } from '../../db/database';
import * as photos from '../../db/repositories/story-photos';
import * as recordings from '../../db/repositories/story-recordings';
import * as stories from '../../db/repositories/stories';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { photoResource, storyResource } from '../../policy/story-resources';

type StoryAction = 'read' | 'write' | 'manage';

/**
 * A story and the caller as the policy sees them, after checking the caller may `action` it;
 * every service about a story or what hangs off it (photos, recordings, versions) starts here.
 */
export async function storyFor(
  db: Queryable,
  account: Account,
  storyId: string,
  action: StoryAction,
) {
  const story = await stories.findStory(db, storyId);
  if (!story) throw new AppError('not_found');
  const actor = await loadActor(db, account, story.initiativeId);
  authorize(actor, action, storyResource(story));
  return { story, actor };
}

/** A photo, its story and the caller, after checking the caller may `action` the photo. */
export async function photoFor(
  db: Queryable,
  account: Account,
  photoId: string,
  action: StoryAction,
) {
  const photo = await photos.findPhoto(db, photoId);
  if (!photo) throw new AppError('not_found');
  // Reading the story is not enough: the photo's own audience may be narrower.
  const { story, actor } = await storyFor(db, account, photo.storyId, 'read');
  authorize(actor, action, photoResource(photo, story));
  return { photo, story, actor };
}

/** Recordings follow their story: its readers listen, its writers record and transcribe. */
export async function recordingFor(
  db: Queryable,
  account: Account,
  recordingId: string,
  action: 'read' | 'write',
) {
  const recording = await recordings.findRecording(db, recordingId);
  if (!recording) throw new AppError('not_found');
  const { story } = await storyFor(db, account, recording.storyId, action);
  return { recording, story };
}
