import type { Space } from '@mizug/domain';
import type { Resource } from './policy';

/** A space as the policy sees it. */
export const spaceResource = (space: Space): Extract<Resource, { kind: 'space' }> => ({
  kind: 'space',
  initiativeId: space.initiativeId,
  spaceId: space.id,
  spaceKind: space.kind,
});

/** A story the actor would tell in `space`, for asking whether they may. */
export const newStoryResource = (
  space: Space,
  tellerId: string,
): Extract<Resource, { kind: 'story' }> => ({
  kind: 'story',
  initiativeId: space.initiativeId,
  spaceId: space.id,
  tellerId,
  audience: 'only_me',
  withdrawn: false,
  supporterIds: new Set(),
});
