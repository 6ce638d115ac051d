import { roles, type Role } from '@mizug/domain';
import { describe, expect, it } from 'vitest';
import { boardResources, boardRights } from './board-resources.fixture';
import { cardResources, cardRights } from './card-resources.fixture';
import { seatedActor } from './policy-actors.fixture';
import { can, type Action, type Actor, type Resource } from './policy';
import { sessionResources } from './session-resources.fixture';
import { storyResources } from './story-resources.fixture';

const initiativeId = 'initiative-1';
const space = (
  spaceId: string,
  spaceKind: 'lived_experience' | 'practitioners' | 'peer' | 'synthesis',
) => ({ kind: 'space', initiativeId, spaceId, spaceKind }) as const;

/** Every resource kind of the initiative, named for the table below. */
const resources: Record<string, Resource> = {
  lived: space('lived', 'lived_experience'),
  practitioners: space('practitioners', 'practitioners'),
  academics: space('academics', 'peer'),
  synthesis: space('synthesis', 'synthesis'),
  initiative: { kind: 'initiative', initiativeId },
  members: { kind: 'members', initiativeId },
  audit: { kind: 'audit', initiativeId },
  export: { kind: 'export', initiativeId },
  instance: { kind: 'instance' },
  ...Object.fromEntries(
    roles.map((role) => [`invite:${role}`, { kind: 'invitation', initiativeId, role }]),
  ),
  otherInitiative: { kind: 'initiative', initiativeId: 'initiative-2' },
  otherSynthesis: {
    kind: 'space',
    initiativeId: 'initiative-2',
    spaceId: 'x',
    spaceKind: 'synthesis',
  },
};
Object.assign(resources, storyResources(initiativeId));
Object.assign(resources, sessionResources(initiativeId));
Object.assign(resources, cardResources(initiativeId, resources));
Object.assign(resources, boardResources(initiativeId));
const actions: Action[] = [
  'create',
  'read',
  'write',
  'manage',
  'assign',
  'work',
  'support',
  'decide',
];

const actor = (role: Role | null, options: Parameters<typeof seatedActor>[2] = {}) =>
  seatedActor(initiativeId, role, options);

const everyMember = [
  'synthesis.read',
  'initiative.read',
  // Stories: one shared with the working group, one they help write, and their own.
  'storyWorkingGroup.read',
  'storySupported.read',
  'storySupported.write',
  'myStory.read',
  'myStory.write',
  'myStory.manage',
  'myWithdrawnStory.read',
  'myWithdrawnStory.write',
  'myWithdrawnStory.manage',
  // The synthesis canvas where account-1 represents a group; researchers only read it.
  'representativesCanvas.read',
  'representativesCanvas.write',
  // Posts kept in the synthesis; account-1 speaks for a group in a stage for representatives.
  'postOnBehalf.read',
  'postOnBehalfOfOthers.read',
  'representativesPost.read',
  'representativesPost.create',
  'representativesPostOfOthers.read',
  // Every member reads the synthesis's canvases.
  'representativesCanvasIFacilitate.read',
  'workingGroupCanvas.read',
  'participantsCanvas.read',
  // A session's writing team writes its final text, whatever their role (never a researcher).
  'writingTeamCanvas.read',
  'writingTeamCanvas.write',
  'writingTeamBoard.write',
  ...cardRights.everyMember,
  ...boardRights.everyMember,
];
/** A member of the session's groups or the working group adds to the participants' canvas. */
const participates = 'participantsCanvas.write';
/**
 * The working group (and facilitators) work in the synthesis; a session's writing canvas is its
 * writing team's, not the working group's.
 */
const inWorkingGroup = ['synthesis.write', 'synthesis.work'];
inWorkingGroup.push(...cardRights.synthesis, ...boardRights.synthesis);
/** Only the group's own members write in a group canvas someone else facilitates. */
const livedMember = 'livedCanvasOfOthers.write';
const practitionersCanvases = ['practitionersCanvas.read', 'practitionersCanvas.write'];
/** Posting in a stage open to whoever takes part: the session's groups and the working group. */
const postsAsParticipant = ['livedPost.create', 'practitionersPost.create', 'postOnBehalf.create'];
/** Reading and writing a lived-experience canvas as a member of that group. */
const livedCanvases = [
  'livedCanvas.read',
  'livedCanvas.write',
  'livedCanvasClosed.read',
  'livedCanvasNoContract.read',
  'ownersCanvas.read',
  'livedFacilitatorsCanvas.read',
  'livedCanvasOfOthers.read',
  'livedWorkingGroupCanvas.read',
];
/** Sessions whose groups include the member's space (the other session has practitioners only). */
const takesPart = ['sessionIFacilitate.read', 'sessionIFacilitate.write'];
const takesPartInBoth = [...takesPart, 'sessionOfOthers.read', 'sessionOfOthers.write'];
/** Researchers read the synthesis but never write in it. */
const researcherRights = everyMember.filter(
  (right) =>
    right !== 'representativesCanvas.write' &&
    right !== 'representativesPost.create' &&
    right !== 'writingTeamCanvas.write' &&
    right !== 'writingTeamBoard.write',
);
/** Only members of the lived-experience space tell stories there, and read its peer-group ones. */
const livedStories = ['storyPeer.read', 'myStory.create', 'myWithdrawnStory.create'];
/**
 * Who a teller may ask to help write: whoever works in the lived-experience space (its members
 * and its guarantor), for every story told there but their own, whatever its audience.
 */
const supportsLived = [
  'storyPrivate.support',
  'storyPeer.support',
  'storyWorkingGroup.support',
  'storyWithdrawn.support',
  'storySupported.support',
  'storySupportedWithdrawn.support',
];
/** A group's own members see it, act for it and name who represents it. */
const ofGroups = (...names: string[]) =>
  names.flatMap((name) => ['read', 'write', 'assign'].map((action) => `${name}.${action}`));
/** A facilitator sees every group of a session they run; names for the groups they facilitate. */
const runsGroups = ['livedGroup.read', 'livedGroup.assign', 'practitionersGroupInMySession.read'];
const inviteAll = roles.flatMap((role) => [
  `invite:${role}.create`,
  `invite:${role}.read`,
  `invite:${role}.manage`,
]);
const inviteAsFacilitator = [
  ...roles.map((role) => `invite:${role}.read`),
  ...['expert_by_experience', 'practitioner', 'academic', 'researcher'].flatMap((role) => [
    `invite:${role}.create`,
    `invite:${role}.manage`,
  ]),
];

/**
 * The expected answer for every role × resource × action: what is listed is allowed, everything
 * else must be denied. Written out by hand from the rules, never derived from the code.
 */
const allowed: Record<string, string[]> = {
  expert_by_experience: [
    ...everyMember,
    ...livedStories,
    ...supportsLived,
    ...livedCanvases,
    ...takesPart,
    ...postsAsParticipant,
    livedMember,
    participates,
    'livedPost.read',
    ...ofGroups('livedGroup'),
    ...cardRights.lived,
    ...boardRights.livedReaders,
    ...boardRights.livedMembers,
    'lived.read',
    'lived.write',
    'lived.work',
    'lived.assign',
  ],
  practitioner: [
    ...everyMember,
    ...takesPartInBoth,
    ...postsAsParticipant,
    ...practitionersCanvases,
    participates,
    'practitionersPost.read',
    ...ofGroups('practitionersGroupOfOthers', 'practitionersGroupInMySession'),
    ...boardRights.practitionersMembers,
    'practitioners.read',
    'practitioners.write',
    'practitioners.work',
    'practitioners.assign',
  ],
  academic: [
    ...everyMember,
    'academics.read',
    'academics.write',
    'academics.work',
    'academics.assign',
  ],
  facilitator: [
    ...everyMember,
    ...supportsLived,
    'lived.read',
    'lived.write',
    'lived.work',
    'storyPeer.read',
    ...inWorkingGroup,
    'workingGroupCanvas.write',
    participates,
    ...practitionersCanvases,
    'representativesCanvasIFacilitate.write',
    'livedFacilitatorsCanvas.write',
    'livedWorkingGroupCanvas.write',
    'members.read',
    'members.assign',
    'audit.read',
    'export.read',
    ...inviteAsFacilitator,
    ...livedCanvases,
    'livedCanvasNoContract.write',
    'methods.read',
    'methods.create',
    'methods.write',
    'sessionIFacilitate.create',
    'sessionIFacilitate.read',
    'sessionIFacilitate.write',
    'sessionIFacilitate.manage',
    'sessionOfOthers.create',
    'facilitatorNotes.read',
    'facilitatorNotes.write',
    ...postsAsParticipant,
    'livedPost.read',
    'practitionersPost.read',
    'representativesPostOfOthers.create',
    ...runsGroups,
    ...cardRights.lived,
    ...boardRights.livedReaders,
    ...boardRights.livedFacilitator,
  ],
  researcher: [...researcherRights, 'export.read'],
  admin: [
    ...everyMember,
    'initiative.manage',
    // Which knowledge a named peer space carries; the built-in spaces' is their kind's.
    'academics.manage',
    'members.read',
    'members.manage',
    'members.assign',
    'audit.read',
    'export.read',
    ...inviteAll,
    'methods.read',
  ],
  'expert_by_experience in the working group': [
    ...everyMember,
    ...livedStories,
    ...supportsLived,
    ...livedCanvases,
    ...takesPartInBoth,
    ...postsAsParticipant,
    ...inWorkingGroup,
    livedMember,
    participates,
    'livedPost.read',
    ...ofGroups('livedGroup'),
    ...cardRights.lived,
    ...boardRights.livedReaders,
    ...boardRights.livedMembers,
    'lived.read',
    'lived.write',
    'lived.work',
    'lived.assign',
  ],
  'practitioner in the working group': [
    ...everyMember,
    ...takesPartInBoth,
    ...postsAsParticipant,
    ...inWorkingGroup,
    ...practitionersCanvases,
    participates,
    'practitionersPost.read',
    ...ofGroups('practitionersGroupOfOthers', 'practitionersGroupInMySession'),
    ...boardRights.practitionersMembers,
    'practitioners.read',
    'practitioners.write',
    'practitioners.work',
    'practitioners.assign',
  ],
  'researcher in the working group': [...researcherRights, 'export.read'],
  // In no group of the sessions, yet taking part through the working group.
  'academic in the working group': [
    ...everyMember,
    ...takesPartInBoth,
    ...postsAsParticipant,
    ...inWorkingGroup,
    participates,
    'academics.read',
    'academics.write',
    'academics.work',
    'academics.assign',
  ],
  'instance admin who is not a member': ['instance.create'],
  'signed-in person who is not a member': [],
};
// Rows left from an earlier role give nothing the role does not: a researcher reads the synthesis
// only (and is never asked to support a story), a guarantor row counts for facilitators only, a facilitator never decides who joins a
// group (but works where they have a member row), and nobody decides who joins the synthesis.
Object.assign(allowed, {
  'researcher who is in a peer space': allowed.researcher,
  'practitioner with a guarantor row in the lived-experience space': allowed.practitioner,
  'facilitator who is also a member of a peer space': [
    ...allowed.facilitator!,
    'academics.read',
    'academics.write',
    'academics.work',
  ],
  'expert_by_experience with a row in the synthesis space': allowed.expert_by_experience,
});

const actors: Record<string, Actor> = {
  ...Object.fromEntries(roles.map((role) => [role, actor(role)])),
  'expert_by_experience in the working group': actor('expert_by_experience', {
    inWorkingGroup: true,
  }),
  'practitioner in the working group': actor('practitioner', { inWorkingGroup: true }),
  'researcher in the working group': actor('researcher', { inWorkingGroup: true }),
  'academic in the working group': actor('academic', { inWorkingGroup: true }),
  'researcher who is in a peer space': actor('researcher', { spaces: ['lived', 'academics'] }),
  'practitioner with a guarantor row in the lived-experience space': actor('practitioner', {
    guarantees: ['lived'],
  }),
  'facilitator who is also a member of a peer space': actor('facilitator', {
    spaces: ['academics'],
  }),
  'expert_by_experience with a row in the synthesis space': actor('expert_by_experience', {
    spaces: ['synthesis'],
  }),
  'instance admin who is not a member': actor(null, { isInstanceAdmin: true }),
  'signed-in person who is not a member': actor(null),
};

describe('can(actor, action, resource)', () => {
  it('has an expected row for every actor, naming only known resources and actions', () => {
    expect(Object.keys(allowed).sort()).toEqual(Object.keys(actors).sort());
    const known = Object.keys(resources).flatMap((name) =>
      actions.map((action) => `${name}.${action}`),
    );
    expect(
      Object.values(allowed)
        .flat()
        .filter((key) => !known.includes(key)),
    ).toEqual([]);
  });

  for (const [name, who] of Object.entries(actors)) {
    describe(name, () => {
      for (const [resourceName, resource] of Object.entries(resources)) {
        for (const action of actions) {
          const key = `${resourceName}.${action}`;
          const expected = allowed[name]!.includes(key);
          it(`${expected ? 'may' : 'may not'} ${action} ${resourceName}`, () => {
            expect(can(who, action, resource)).toBe(expected);
          });
        }
      }
    });
  }

  it('lets an admin who is also a member of a peer space read it, and no other peer space', () => {
    const admin = actor('admin');
    admin.membership = { ...admin.membership!, spaceIds: new Set(['lived']) };
    expect(can(admin, 'read', resources.lived!)).toBe(true);
    expect(can(admin, 'read', resources.practitioners!)).toBe(false);
    // Not being of the lived-experience group, they do not decide who joins it.
    expect(can(admin, 'assign', resources.lived!)).toBe(false);
  });

  it("lets an admin draft a peer group's board only where they read it", () => {
    const admin = actor('admin');
    expect(can(admin, 'write', resources.livedBoard!)).toBe(false);
    admin.membership = { ...admin.membership!, spaceIds: new Set(['lived']) };
    expect(can(admin, 'write', resources.livedBoard!)).toBe(true);
    expect(can(admin, 'create', resources.livedBoard!)).toBe(true);
    expect(can(admin, 'write', resources.practitionersBoard!)).toBe(false);
  });

  it('lets a researcher who is in a peer space neither post in a session nor name its representatives', () => {
    const researcher = actor('researcher', { inWorkingGroup: true });
    researcher.membership = { ...researcher.membership!, spaceIds: new Set(['lived']) };
    expect(can(researcher, 'create', resources.livedPost!)).toBe(false);
    for (const action of ['read', 'write', 'assign'] as const)
      expect(can(researcher, action, resources.livedGroup!)).toBe(false);
  });

  it("lets only a post's author withdraw it, and only where they still read it", () => {
    const mine = { ...resources.livedPost!, authorId: 'account-1' } as Resource;
    expect(can(actor('expert_by_experience'), 'manage', mine)).toBe(true);
    expect(can(actor('expert_by_experience'), 'manage', resources.livedPost!)).toBe(false);
    expect(can(actor('practitioner'), 'manage', mine)).toBe(false);
  });

  it('lets a teller ask a member of their peer space to help, never themselves or an outsider', () => {
    // The guards that the standard seats cannot tell apart: a researcher seated in the space
    // (never asked: researchers do not work in peer spaces), a non-facilitator marked as
    // guarantor (not asked).
    const seatedResearcher = actor('researcher');
    seatedResearcher.membership = { ...seatedResearcher.membership!, spaceIds: new Set(['lived']) };
    expect(can(seatedResearcher, 'support', resources.storyPeer!)).toBe(false);
    const notAFacilitator = actor('practitioner');
    notAFacilitator.membership = {
      ...notAFacilitator.membership!,
      guaranteedSpaceIds: new Set(['lived']),
    };
    expect(can(notAFacilitator, 'support', resources.storyPeer!)).toBe(false);
    const otherInitiative = { ...resources.storyPeer!, initiativeId: 'initiative-2' } as Resource;
    expect(can(actor('expert_by_experience'), 'support', otherInitiative)).toBe(false);
  });

  it('gives nothing in a peer space to someone whose request to join it is pending', () => {
    // A pending request is not in `spaceIds`: the practitioner waiting for the lived-experience
    // group reads, writes and decides there exactly as much as any other practitioner.
    const waiting = actor('practitioner');
    for (const action of actions) {
      expect(can(waiting, action, resources.lived!)).toBe(false);
      expect(can(waiting, action, resources.storyPeer!)).toBe(false);
      expect(can(waiting, action, resources.livedCanvas!)).toBe(false);
    }
  });
});
