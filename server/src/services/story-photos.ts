import {
  narrowerAudience,
  type Account,
  type Consent,
  type Photo,
  type PhotoText,
} from '@mizug/domain';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit';
import * as photos from '../db/repositories/story-photos';
import type { StoredPhoto } from '../db/repositories/story-photos';
import type { StoredStory } from '../db/repositories/stories';
import { AppError } from '../errors';
import { PhotoRejected, sanitizePhoto } from '../photos/sanitize-photo';
import { authorize } from '../policy/authorize';
import { can, type Actor } from '../policy/policy';
import { bylineOf, storyFor, storyResource } from './stories';

/** The photo's own consent, or the story's; its audience never wider than the story's. */
function effectiveConsent(photo: StoredPhoto, story: StoredStory): Consent {
  if (!photo.consent) return story.consent;
  return {
    ...photo.consent,
    audience: narrowerAudience(photo.consent.audience, story.consent.audience),
  };
}

/** The photo as the policy sees it: its story, reaching only the photo's audience. */
const photoResource = (photo: StoredPhoto, story: StoredStory) => ({
  ...storyResource(story),
  audience: effectiveConsent(photo, story).audience,
});

function photoView(photo: StoredPhoto, story: StoredStory, actor: Actor): Photo {
  const consent = effectiveConsent(photo, story);
  const seesTeller =
    story.tellerId === actor.accountId ||
    story.supporters.some((s) => s.accountId === actor.accountId);
  return {
    id: photo.id,
    storyId: photo.storyId,
    caption: photo.caption,
    alt: photo.alt,
    width: photo.width,
    height: photo.height,
    url: `/api/photos/${photo.id}`,
    byline: bylineOf(consent, story.tellerName),
    quoting: consent.quoting,
    createdAt: photo.createdAt.toISOString(),
    teller: seesTeller ? { consent: photo.consent } : null,
  };
}

/** A photo, its story and the caller, after checking the caller may `action` the photo. */
async function photoFor(
  db: Database,
  account: Account,
  photoId: string,
  action: 'read' | 'write' | 'manage',
) {
  const photo = await photos.findPhoto(db, photoId);
  if (!photo) throw new AppError('not_found');
  // Reading the story is not enough: the photo's own audience may be narrower.
  const { story, actor } = await storyFor(db, account, photo.storyId, 'read');
  authorize(actor, action, photoResource(photo, story));
  return { photo, story, actor };
}

export async function addPhoto(
  db: Database,
  account: Account,
  storyId: string,
  upload: Uint8Array,
  text: PhotoText,
): Promise<Photo> {
  const { story, actor } = await storyFor(db, account, storyId, 'write');
  const sanitized = await sanitizePhoto(upload).catch((error: unknown) => {
    if (error instanceof PhotoRejected) throw new AppError(error.reason);
    throw error;
  });
  const photo = await photos.insertPhoto(db, {
    ...sanitized,
    ...text,
    storyId,
    addedBy: account.id,
  });
  return photoView(photo, story, actor);
}

/** The photos of a story the actor reads that they may see; the others are not counted. */
export async function photosSeenBy(db: Database, story: StoredStory, actor: Actor) {
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

export async function removePhoto(db: Database, account: Account, photoId: string) {
  await photoFor(db, account, photoId, 'write');
  await photos.deletePhoto(db, photoId);
}

export async function changePhotoConsent(
  db: Database,
  account: Account,
  photoId: string,
  consent: Consent | null,
): Promise<{ photo: Photo; initiativeId: string }> {
  const { story, actor } = await photoFor(db, account, photoId, 'manage');
  await db.transaction(async (tx) => {
    await photos.updatePhotoConsent(tx, photoId, consent);
    await appendAudit(tx, {
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
  });
  const photo = photoView((await photos.findPhoto(db, photoId))!, story, actor);
  return { photo, initiativeId: story.initiativeId };
}
