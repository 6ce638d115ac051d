import type { Resource } from './policy';

/** Stories told in the lived-experience space, for the policy matrix; its actor is account-1. */
export function storyResources(initiativeId: string): Record<string, Resource> {
  const story = (
    tellerId: string,
    audience: 'only_me' | 'peer_group' | 'working_group',
    extra: { withdrawn?: boolean; supporters?: string[] } = {},
  ): Resource => ({
    kind: 'story',
    initiativeId,
    spaceId: 'lived',
    tellerId,
    audience,
    withdrawn: extra.withdrawn ?? false,
    supporterIds: new Set(extra.supporters),
  });
  return {
    storyPrivate: story('account-2', 'only_me'),
    storyPeer: story('account-2', 'peer_group'),
    storyWorkingGroup: story('account-2', 'working_group'),
    storyWithdrawn: story('account-2', 'working_group', { withdrawn: true }),
    storySupported: story('account-2', 'only_me', { supporters: ['account-1'] }),
    storySupportedWithdrawn: story('account-2', 'peer_group', {
      withdrawn: true,
      supporters: ['account-1'],
    }),
    myStory: story('account-1', 'only_me'),
    myWithdrawnStory: story('account-1', 'working_group', { withdrawn: true }),
  };
}
