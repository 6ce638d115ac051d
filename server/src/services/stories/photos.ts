import type { Account, Consent, Photo, PhotoText } from '@mizug/domain';
import type { Database, Queryable } from '../../db/database';
import * as photos from '../../db/repositories/story-photos';
import type { StoredStory } from '../../db/repositories/stories';
import { AppError } from '../../errors';
import { PhotoRejected, sanitizePhoto } from '../../photos/sanitize-photo';
import { can, type Actor } from '../../policy/policy';
import { photoResource } from '../../policy/story-resources';
import { announceQuotedChange } from '../cards/changed';
import { runCommand, type CommandDeps } from '../command';
import { photoFor, storyFor } from './access';
import { auditStory } from './audit';
import { photoView } from './present';

/** Stores a photo without its metadata; it follows the story's consent until given its own. */
export async function addPhoto(
  deps: CommandDeps,
  account: Account,
  storyId: string,
  upload: Uint8Array,
  text: PhotoText,
): Promise<Photo> {
  const { story, actor } = await storyFor(deps.db, account, storyId, 'write');
  const sanitized = await sanitizePhoto(upload).catch((error: unknown) => {
    if (error instanceof PhotoRejected) throw new AppError(error.reason);
    throw error;
  });
  const photo = await runCommand(deps, async ({ tx, audit }) => {
    const added = await photos.insertPhoto(tx, {
      ...sanitized,
      ...text,
      storyId,
      addedBy: account.id,
    });
    // The photo's id, never its caption or alt text.
    await auditStory({ audit }, account, story, 'photo.add', { photoId: added.id });
    return added;
  });
  return photoView(photo, story, actor);
}

/** The photos of a story the actor reads that they may see; the others are not counted. */
export async function photosSeenBy(db: Queryable, story: StoredStory, actor: Actor) {
  return (await photos.listPhotos(db, story.id))
    .filter((photo) => can(actor, 'read', photoResource(photo, story)))
    .map((photo) => photoView(photo, story, actor));
}

export async function listStoryPhotos(db: Database, account: Account, storyId: string) {
  const { story, actor } = await storyFor(db, account, storyId, 'read');
  return photosSeenBy(db, story, actor);
}

export async function readPhoto(db: Database, account: Account, photoId: string) {
  await photoFor(db, account, photoId, 'read');
  return (await photos.readPhotoBytes(db, photoId))!;
}

export async function removePhoto(deps: CommandDeps, account: Account, photoId: string) {
  const { story } = await photoFor(deps.db, account, photoId, 'write');
  await runCommand(deps, async ({ tx, audit, emit }) => {
    await photos.deletePhoto(tx, photoId);
    await auditStory({ audit }, account, story, 'photo.remove', { photoId });
    // Its caption's cards show withdrawn now.
    await announceQuotedChange({ tx, emit }, story.initiativeId, { storyId: story.id });
  });
}

/**
 * The teller gives a photo its own consent, or lets it follow the story again (`null`). Who may
 * see it changes, so open documents and pages are told.
 */
export async function changePhotoConsent(
  deps: CommandDeps,
  account: Account,
  photoId: string,
  consent: Consent | null,
): Promise<Photo> {
  const { story, actor } = await photoFor(deps.db, account, photoId, 'manage');
  return runCommand(deps, async ({ tx, audit, emit }) => {
    await photos.updatePhotoConsent(tx, photoId, consent);
    await audit({
      action: 'photo.consent',
      actorId: account.id,
      tellerOf: story.id,
      initiativeId: story.initiativeId,
      details: consent
        ? {
            storyId: story.id,
            photoId,
            audience: consent.audience,
            credit: consent.credit,
            quoting: consent.quoting,
          }
        : { storyId: story.id, photoId, followsStory: true },
    });
    emit('accessChanged', story.initiativeId);
    await announceQuotedChange({ tx, emit }, story.initiativeId, { storyId: story.id });
    return photoView((await photos.findPhoto(tx, photoId))!, story, actor);
  });
}
