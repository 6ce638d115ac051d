import type { Resource } from './policy';

/**
 * The method-session resources of the policy matrix (`policy.test.ts`), named for its table; the
 * actor there is account-1.
 */
export function sessionResources(initiativeId: string): Record<string, Resource> {
  const resources: Record<string, Resource> = {};
  /** Method sessions: one account-1 facilitates (lived and practitioners), one it does not. */
  const session = (facilitatorIds: string[], groups: string[]): Resource => ({
    kind: 'session',
    initiativeId,
    facilitatorIds: new Set(facilitatorIds),
    groupSpaceIds: new Set(groups),
  });
  const spaceKinds = {
    lived: 'lived_experience',
    practitioners: 'practitioners',
    synthesis: 'synthesis',
  } as const;
  const canvas = (
    writers: Extract<Resource, { kind: 'canvas' }>['writers'],
    spaceId: 'lived' | 'practitioners' | 'synthesis' | null,
    extra: Partial<Extract<Resource, { kind: 'canvas' }>> = {},
  ): Resource => ({
    kind: 'canvas',
    initiativeId,
    space: spaceId && { id: spaceId, kind: spaceKinds[spaceId] },
    facilitatorIds: new Set(['account-1']),
    writers,
    ownerId: null,
    representativeIds: new Set(),
    writingTeamIds: new Set(),
    groupSpaceIds: new Set(['lived', 'practitioners']),
    open: true,
    contractAccepted: true,
    ...extra,
  });
  Object.assign(resources, {
    methods: { kind: 'methods', initiativeId },
    sessionIFacilitate: session(['account-1'], ['lived', 'practitioners']),
    sessionOfOthers: session(['account-9'], ['practitioners']),
    livedCanvas: canvas('group', 'lived'),
    livedCanvasClosed: canvas('group', 'lived', { open: false }),
    livedCanvasNoContract: canvas('group', 'lived', { contractAccepted: false }),
    ownersCanvas: canvas('owner', 'lived', { ownerId: 'account-2' }),
    representativesCanvas: canvas('representatives', 'synthesis', {
      facilitatorIds: new Set(['account-9']),
      representativeIds: new Set(['account-1']),
    }),
    facilitatorNotes: canvas('facilitators', null),
    // So that every writers rule, and each side of its "or", decides some answer.
    practitionersCanvas: canvas('group', 'practitioners'),
    representativesCanvasIFacilitate: canvas('representatives', 'synthesis'),
    workingGroupCanvas: canvas('working_group', 'synthesis'),
    // Account-1 is in the session's writing team, whatever the initiative-wide flag says.
    writingTeamCanvas: canvas('working_group', 'synthesis', {
      facilitatorIds: new Set(['account-9']),
      writingTeamIds: new Set(['account-1']),
    }),
    participantsCanvas: canvas('participants', 'synthesis'),
    livedFacilitatorsCanvas: canvas('facilitators', 'lived'),
    livedCanvasOfOthers: canvas('group', 'lived', { facilitatorIds: new Set(['account-9']) }),
    notesOfOthers: canvas('facilitators', null, { facilitatorIds: new Set(['account-9']) }),
    // Writing needs reading: the working group does not write where it cannot read.
    livedWorkingGroupCanvas: canvas('working_group', 'lived'),
  });
  /** Posts in a session's stages, and its groups (whose representatives their people name). */
  const post = (
    writers: Extract<Resource, { kind: 'post' }>['writers'],
    spaceId: 'lived' | 'practitioners' | 'synthesis',
    extra: Partial<Extract<Resource, { kind: 'post' }>> = {},
  ): Resource => ({
    kind: 'post',
    initiativeId,
    space: {
      id: spaceId,
      kind: spaceKinds[spaceId],
    },
    facilitatorIds: new Set(['account-1']),
    writers,
    representativeIds: new Set(),
    groupSpaceIds: new Set(['lived', 'practitioners']),
    onBehalfOf: false,
    // Someone else's: the matrix's actor (account-1) withdraws only `myLivedPost` below.
    authorId: 'account-2',
    withdrawn: false,
    ...extra,
  });
  /** A session's group: its own facilitators, and all of the session's (who see every group). */
  const sessionGroup = (spaceId: string, facilitatorIds: string[], ofSession = facilitatorIds) => ({
    kind: 'session_group' as const,
    initiativeId,
    spaceId,
    facilitatorIds: new Set(facilitatorIds),
    sessionFacilitatorIds: new Set(ofSession),
  });
  Object.assign(resources, {
    livedPost: post('participants', 'lived'),
    practitionersPost: post('participants', 'practitioners'),
    postOnBehalf: post('participants', 'synthesis', {
      onBehalfOf: true,
      representativeIds: new Set(['account-1']),
    }),
    postOnBehalfOfOthers: post('participants', 'synthesis', {
      onBehalfOf: true,
      representativeIds: new Set(['account-2']),
    }),
    representativesPost: post('representatives', 'synthesis', {
      facilitatorIds: new Set(['account-9']),
      representativeIds: new Set(['account-1']),
    }),
    representativesPostOfOthers: post('representatives', 'synthesis', {
      representativeIds: new Set(['account-2']),
    }),
    livedGroup: sessionGroup('lived', ['account-1']),
    practitionersGroupOfOthers: sessionGroup('practitioners', ['account-9']),
    // Account-1 runs the session but not this group: sees it, never names its representatives.
    practitionersGroupInMySession: sessionGroup('practitioners', ['account-9'], ['account-1']),
  });
  return resources;
}
