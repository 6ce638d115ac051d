import type { SpaceKind } from '@mizug/domain';
import type { Resource } from './policy';

/** A card's source as the policy sees it: the resource whose readers may quote it. */
type StoryResource = Extract<Resource, { kind: 'story' }>;

export type CardSourceResource =
  | { kind: 'story'; story: StoryResource }
  /**
   * A photo's caption (`story`: the photo as the policy sees it, reaching the photo's own
   * audience) or a recording's transcript (`story`: its story); `removed` once its teller took
   * the photo or recording away, which withdraws it.
   */
  | { kind: 'photo' | 'transcript'; story: StoryResource; removed: boolean }
  | { kind: 'canvas'; canvas: Extract<Resource, { kind: 'canvas' }> }
  | { kind: 'post'; post: Extract<Resource, { kind: 'post' }> }
  | {
      kind: 'release';
      /** The session it was released in: its readers read what crossed. */
      session: Extract<Resource, { kind: 'session' }>;
      /** The group that released it. */
      groupSpaceId: string;
    };

/**
 * Whether a source may be quoted in `space`: a story where its audience reaches (its own peer
 * space; the synthesis too when shared with the working group), a group's canvas only in that
 * group's space, a post in the space it is kept in, and what a group released in the synthesis
 * space (or its own). Another group's unreleased work never reaches.
 */
export function cardSourceReaches(
  source: CardSourceResource,
  space: { id: string; kind: SpaceKind },
) {
  switch (source.kind) {
    case 'story':
    case 'photo':
    case 'transcript':
      return (
        space.id === source.story.spaceId ||
        (source.story.audience === 'working_group' && space.kind === 'synthesis')
      );
    case 'canvas':
      return source.canvas.space !== null && source.canvas.space.id === space.id;
    case 'post':
      return source.post.space.id === space.id;
    case 'release':
      return space.kind === 'synthesis' || space.id === source.groupSpaceId;
  }
}

/** The story a source is part of (its body, a photo, a recording), or null. */
export const storyOfCardSource = (source: CardSourceResource): StoryResource | null =>
  source.kind === 'story' || source.kind === 'photo' || source.kind === 'transcript'
    ? source.story
    : null;

/**
 * The source is withdrawn (a story its teller withdrew, a photo or recording taken away, a post
 * its author withdrew): it is quoted no more.
 */
export const cardSourceWithdrawn = (source: CardSourceResource) =>
  storyOfCardSource(source)?.withdrawn === true ||
  ((source.kind === 'photo' || source.kind === 'transcript') && source.removed) ||
  (source.kind === 'post' && source.post.withdrawn);

/** The resource whose readers may read a card's source. */
export function cardSourceReadResource(source: CardSourceResource): Resource {
  switch (source.kind) {
    case 'story':
    case 'photo':
    case 'transcript':
      return source.story;
    case 'canvas':
      return source.canvas;
    case 'post':
      return source.post;
    case 'release':
      return source.session;
  }
}
