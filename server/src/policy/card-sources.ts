import type { SpaceKind } from '@mizug/domain';
import type { Resource } from './policy';

/** A card's source as the policy sees it: the resource whose readers may quote it. */
export type CardSourceResource =
  | { kind: 'story'; story: Extract<Resource, { kind: 'story' }> }
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

/**
 * The source is withdrawn (a story its teller withdrew, a post its author withdrew): it is
 * quoted no more.
 */
export const cardSourceWithdrawn = (source: CardSourceResource) =>
  (source.kind === 'story' && source.story.withdrawn) ||
  (source.kind === 'post' && source.post.withdrawn);

/** The resource whose readers may read a card's source. */
export function cardSourceReadResource(source: CardSourceResource): Resource {
  switch (source.kind) {
    case 'story':
      return source.story;
    case 'canvas':
      return source.canvas;
    case 'post':
      return source.post;
    case 'release':
      return source.session;
  }
}
