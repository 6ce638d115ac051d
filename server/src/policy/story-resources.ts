import { narrowerAudience, type Consent } from '@mizug/domain';
import type { StoredPhoto } from '../db/repositories/story-photos';
import type { StoredStory } from '../db/repositories/stories';
import type { Resource } from './policy';

export type StoryResource = Extract<Resource, { kind: 'story' }>;

/** A story as the policy sees it: who told it, where, to whom it reaches, who helps write it. */
export function storyResource(story: StoredStory): StoryResource {
  return {
    kind: 'story',
    initiativeId: story.initiativeId,
    spaceId: story.spaceId,
    tellerId: story.tellerId,
    audience: story.consent.audience,
    withdrawn: story.withdrawnAt !== null,
    supporterIds: new Set(story.supporters.map((s) => s.accountId)),
  };
}

/** The photo's own consent, or the story's; its audience never wider than the story's. */
export function effectiveConsent(photo: StoredPhoto, story: StoredStory): Consent {
  if (!photo.consent) return story.consent;
  return {
    ...photo.consent,
    audience: narrowerAudience(photo.consent.audience, story.consent.audience),
  };
}

/** The photo as the policy sees it: its story, reaching only the photo's audience. */
export const photoResource = (photo: StoredPhoto, story: StoredStory): StoryResource => ({
  ...storyResource(story),
  audience: effectiveConsent(photo, story).audience,
});
