import { storyBodyDocName, type Byline, type Consent, type Photo, type Story } from '@mizug/domain';
import type { StoredPhoto } from '../../db/repositories/story-photos';
import type { StoredStory } from '../../db/repositories/stories';
import { can, type Actor } from '../../policy/policy';
import { effectiveConsent, storyResource } from '../../policy/story-resources';

/**
 * How readers see who told it: the teller's name, their pseudonym, or nobody. The one rule for
 * every place the teller shows (stories, photos, the audit log, presence in the document).
 */
export function bylineOf(consent: Consent, tellerName: string): Byline {
  const name =
    consent.credit === 'name'
      ? tellerName
      : consent.credit === 'pseudonym'
        ? consent.pseudonym
        : null;
  return { credit: consent.credit, name };
}

/** The teller and the supporters they asked see the teller's own choices; nobody else does. */
export const seesTeller = (story: StoredStory, accountId: string) =>
  story.tellerId === accountId || story.supporters.some((s) => s.accountId === accountId);

/**
 * The name someone shows in a story's document: the teller only as the story credits them, so
 * presence never unmasks a pseudonym; everyone else by their own name.
 */
export const presenceNameIn = (story: StoredStory, accountId: string, name: string) =>
  accountId === story.tellerId ? bylineOf(story.consent, name).name : name;

/** The story as this reader may see it: who told it only as the teller chose to be credited. */
export function storyView(story: StoredStory, actor: Actor): Story {
  const { consent } = story;
  return {
    id: story.id,
    initiativeId: story.initiativeId,
    spaceId: story.spaceId,
    title: story.title,
    language: story.language,
    tags: story.tags,
    byline: bylineOf(consent, story.tellerName),
    quoting: consent.quoting,
    withdrawnAt: story.withdrawnAt?.toISOString() ?? null,
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
    bodyDoc: storyBodyDocName(story.id),
    isMine: story.tellerId === actor.accountId,
    canWrite: can(actor, 'write', storyResource(story)),
    teller: seesTeller(story, actor.accountId) ? { consent, supporters: story.supporters } : null,
  };
}

/** A photo as this reader may see it, credited like its story under the photo's own consent. */
export function photoView(photo: StoredPhoto, story: StoredStory, actor: Actor): Photo {
  const consent = effectiveConsent(photo, story);
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
    teller: seesTeller(story, actor.accountId) ? { consent: photo.consent } : null,
  };
}
