import { describe, expect, it } from 'vitest';
import { cardSourceReaches, type CardSourceResource } from './card-sources';
import { seatedActor } from './policy-actors.fixture';
import { can, type Resource } from './policy';

const initiativeId = 'initiative-1';
const lived = { id: 'lived', kind: 'lived_experience' } as const;
const synthesis = { id: 'synthesis', kind: 'synthesis' } as const;
const practitioners = { id: 'practitioners', kind: 'practitioners' } as const;

const storyOf = (
  tellerId: string,
  audience: 'only_me' | 'peer_group' | 'working_group',
): CardSourceResource => ({
  kind: 'story',
  story: {
    kind: 'story',
    initiativeId,
    spaceId: 'lived',
    tellerId,
    audience,
    withdrawn: false,
    supporterIds: new Set(),
  },
});

describe('cardSourceReaches', () => {
  it('lets a story reach only where its audience does', () => {
    expect(cardSourceReaches(storyOf('account-2', 'peer_group'), lived)).toBe(true);
    expect(cardSourceReaches(storyOf('account-2', 'peer_group'), synthesis)).toBe(false);
    expect(cardSourceReaches(storyOf('account-2', 'working_group'), synthesis)).toBe(true);
    // Never into another peer group's space, whatever the audience.
    expect(cardSourceReaches(storyOf('account-2', 'working_group'), practitioners)).toBe(false);
  });

  it('lets a release reach the synthesis and its own group, never another group', () => {
    const release: CardSourceResource = {
      kind: 'release',
      session: {
        kind: 'session',
        initiativeId,
        facilitatorIds: new Set(),
        groupSpaceIds: new Set(['lived', 'practitioners']),
      },
      groupSpaceId: 'practitioners',
    };
    expect(cardSourceReaches(release, synthesis)).toBe(true);
    expect(cardSourceReaches(release, practitioners)).toBe(true);
    expect(cardSourceReaches(release, lived)).toBe(false);
  });
});

describe('a card from a story only its teller reads', () => {
  const card: Resource = {
    kind: 'card',
    initiativeId,
    space: lived,
    createdBy: 'account-1',
    source: storyOf('account-1', 'only_me'),
  };

  it("is read by its teller, and not by the rest of the teller's space", () => {
    expect(can(seatedActor(initiativeId, 'expert_by_experience'), 'read', card)).toBe(true);
    // Their guarantor reads the space, but not the story, nor so the card.
    const guarantor = { ...seatedActor(initiativeId, 'facilitator'), accountId: 'account-3' };
    expect(
      can(guarantor, 'read', {
        kind: 'space',
        initiativeId,
        spaceId: 'lived',
        spaceKind: 'lived_experience',
      }),
    ).toBe(true);
    expect(can(guarantor, 'read', card)).toBe(false);
  });
});
