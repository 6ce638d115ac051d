import type { Resource } from './policy';

type Of<Kind extends Resource['kind']> = Extract<Resource, { kind: Kind }>;

/**
 * The insight-card resources of the policy matrix (`policy.test.ts`), quoting the stories,
 * canvases and sessions of its fixture: where a card would be made from which source, and
 * cards made already. The actor there is account-1.
 */
export function cardResources(
  initiativeId: string,
  resources: Record<string, Resource>,
): Record<string, Resource> {
  const card = (
    spaceId: 'lived' | 'synthesis',
    source: Of<'card'>['source'],
    createdBy: string | null = null,
  ): Resource => ({
    kind: 'card',
    initiativeId,
    space: { id: spaceId, kind: spaceId === 'lived' ? 'lived_experience' : 'synthesis' },
    createdBy,
    source,
  });
  const story = (name: string) => ({
    kind: 'story' as const,
    story: resources[name] as Of<'story'>,
  });
  // A photo narrowed to the peer group inside a story shared with the working group.
  const part = (
    kind: 'photo' | 'transcript',
    name: string,
    removed = false,
    audience?: 'peer_group',
  ) => ({
    kind,
    story: { ...(resources[name] as Of<'story'>), ...(audience && { audience }) },
    removed,
  });
  const post = (name: string) => ({ kind: 'post' as const, post: resources[name] as Of<'post'> });
  const livedCanvas = { kind: 'canvas' as const, canvas: resources.livedCanvas as Of<'canvas'> };
  return {
    cardWorkingGroupStoryInSynthesis: card('synthesis', story('storyWorkingGroup')),
    cardPeerStoryInSynthesis: card('synthesis', story('storyPeer')),
    cardPeerStoryInLived: card('lived', story('storyPeer')),
    cardWithdrawnStoryInSynthesis: card('synthesis', story('storyWithdrawn')),
    cardOthersPrivateStory: card('lived', story('storyPrivate'), 'account-2'),
    cardPhotoInSynthesis: card('synthesis', part('photo', 'storyWorkingGroup')),
    cardPeerPhotoInSynthesis: card(
      'synthesis',
      part('photo', 'storyWorkingGroup', false, 'peer_group'),
    ),
    cardPeerPhotoInLived: card('lived', part('photo', 'storyWorkingGroup', false, 'peer_group')),
    cardTranscriptInLived: card('lived', part('transcript', 'storyPeer')),
    cardRemovedTranscriptInLived: card('lived', part('transcript', 'storyPeer', true)),
    cardWithdrawnStoryTranscriptInSynthesis: card(
      'synthesis',
      part('transcript', 'storyWithdrawn'),
    ),
    cardLivedCanvasInLived: card('lived', livedCanvas),
    cardLivedCanvasInSynthesis: card('synthesis', livedCanvas),
    cardReleaseInSynthesis: card('synthesis', {
      kind: 'release',
      session: resources.sessionIFacilitate as Of<'session'>,
      groupSpaceId: 'lived',
    }),
    cardLivedPostInLived: card('lived', { kind: 'post', post: resources.livedPost as Of<'post'> }),
    cardLivedPostInSynthesis: card('synthesis', {
      kind: 'post',
      post: resources.livedPost as Of<'post'>,
    }),
    myCardInSynthesis: card('synthesis', story('storyWorkingGroup'), 'account-1'),
    othersCardInLived: card('lived', story('storyPeer'), 'account-2'),
    myPrivateStoryCard: card('lived', story('myStory'), 'account-1'),
    newCardFromMyPrivateStory: card('lived', story('myStory')),
    newCardFromMyPrivateStoryInSynthesis: card('synthesis', story('myStory')),
    // The words cards quote: account-1 decides only about their own story's and post's.
    quoteOfMyStory: { kind: 'quote', initiativeId, source: story('myWithdrawnStory') },
    quoteOfOthersStory: { kind: 'quote', initiativeId, source: story('storyWorkingGroup') },
    quoteOfMyPhoto: {
      kind: 'quote',
      initiativeId,
      source: { ...story('myStory'), kind: 'photo', removed: false },
    },
    quoteOfOthersTranscript: {
      kind: 'quote',
      initiativeId,
      source: { ...story('storyWorkingGroup'), kind: 'transcript', removed: false },
    },
    quoteOfMyPost: {
      kind: 'quote',
      initiativeId,
      source: {
        kind: 'post',
        post: { ...(resources.livedPost as Of<'post'>), authorId: 'account-1' },
      },
    },
    quoteOfOthersPost: { kind: 'quote', initiativeId, source: post('livedPost') },
    quoteOfRelease: {
      kind: 'quote',
      initiativeId,
      source: {
        kind: 'release',
        session: resources.sessionIFacilitate as Of<'session'>,
        groupSpaceId: 'lived',
      },
    },
  };
}

/** The matrix's expected card rights, by who holds them (`policy.test.ts` spreads them in). */
export const cardRights = {
  /** A card they made in the synthesis: read by its readers, deleted by its maker. */
  everyMember: [
    'myCardInSynthesis.read',
    'myCardInSynthesis.manage',
    // Their own words, wherever quoted (even from a story they withdrew).
    'quoteOfMyStory.manage',
    'quoteOfMyPhoto.manage',
    'quoteOfMyPost.manage',
  ],
  /** Made and coded in the lived-experience space by its members and its guarantor. */
  lived: [
    'cardPeerStoryInLived.create',
    'cardLivedCanvasInLived.create',
    'cardLivedPostInLived.create',
    'cardPeerPhotoInLived.create',
    'cardTranscriptInLived.create',
    'othersCardInLived.read',
    'othersCardInLived.write',
    // A card from their own private story: theirs alone, made in their own space only.
    'myPrivateStoryCard.read',
    'myPrivateStoryCard.write',
    'myPrivateStoryCard.manage',
    'newCardFromMyPrivateStory.create',
  ],
  /** Made in the synthesis by those who write there (and take part in the session). */
  synthesis: [
    'cardWorkingGroupStoryInSynthesis.create',
    'cardReleaseInSynthesis.create',
    'cardPhotoInSynthesis.create',
    'myCardInSynthesis.write',
  ],
};
