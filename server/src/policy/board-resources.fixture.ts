import type { CanvasResource, Resource } from './policy';

/**
 * The board and finding resources of the policy matrix (`policy.test.ts`): a peer group's board
 * (MK-4) in the lived-experience and practitioners' spaces, the synthesis board, and findings on
 * them with the group a decision would be recorded for. The actor there is account-1.
 */
export function boardResources(initiativeId: string): Record<string, Resource> {
  const lived = { id: 'lived', kind: 'lived_experience' } as const;
  const synthesis = { id: 'synthesis', kind: 'synthesis' } as const;
  const finding = (
    space: { id: string; kind: 'lived_experience' | 'synthesis' },
    deciding: string[],
    decidingFor: string,
  ): Resource => ({
    kind: 'finding',
    initiativeId,
    space,
    decidingSpaceIds: new Set(deciding),
    decidingFor,
  });
  const bothGroups = ['lived', 'practitioners'];
  /** The co-writing stage of a session using the synthesis board (account-1 in its team). */
  const coWriting = (open: boolean): CanvasResource => ({
    kind: 'canvas',
    initiativeId,
    space: synthesis,
    facilitatorIds: new Set(['account-1']),
    writers: 'working_group',
    ownerId: null,
    representativeIds: new Set(),
    writingTeamIds: new Set(['account-1']),
    groupSpaceIds: new Set(bothGroups),
    open,
    contractAccepted: true,
  });
  return {
    livedBoard: { kind: 'board', initiativeId, space: lived },
    practitionersBoard: {
      kind: 'board',
      initiativeId,
      space: { id: 'practitioners', kind: 'practitioners' },
    },
    synthesisBoard: { kind: 'board', initiativeId, space: synthesis },
    // A session's board is written as its stage's work: by its team, and by nobody once closed.
    writingTeamBoard: {
      kind: 'board',
      initiativeId,
      space: synthesis,
      sessionStage: coWriting(true),
    },
    closedSessionBoard: {
      kind: 'board',
      initiativeId,
      space: synthesis,
      sessionStage: coWriting(false),
    },
    livedFinding: finding(lived, ['lived'], 'lived'),
    synthesisFindingForLived: finding(synthesis, bothGroups, 'lived'),
    synthesisFindingForPractitioners: finding(synthesis, bothGroups, 'practitioners'),
    // The academics' group reads the synthesis but does not decide on this board.
    synthesisFindingForAcademics: finding(synthesis, bothGroups, 'academics'),
  };
}

const synthesisFindings = [
  'synthesisFindingForLived',
  'synthesisFindingForPractitioners',
  'synthesisFindingForAcademics',
];

/** The matrix's expected board and finding rights, by who holds them. */
export const boardRights = {
  /** Whoever reads the synthesis reads its board and findings. */
  everyMember: [
    'synthesisBoard.read',
    'writingTeamBoard.read',
    'closedSessionBoard.read',
    ...synthesisFindings.map((name) => `${name}.read`),
  ],
  /** Those who write in the synthesis make its board and write its findings. */
  synthesis: [
    'synthesisBoard.create',
    'synthesisBoard.write',
    ...synthesisFindings.map((name) => `${name}.write`),
  ],
  /** Who reads the lived-experience space reads its board. */
  livedReaders: ['livedBoard.read', 'livedFinding.read'],
  /** Its members decide for their group, on their own board and the synthesis'. */
  livedMembers: ['livedFinding.decide', 'synthesisFindingForLived.decide'],
  /** A peer board is drafted by the facilitators (who read it). */
  livedFacilitator: ['livedBoard.create', 'livedBoard.write', 'livedFinding.write'],
  practitionersMembers: ['practitionersBoard.read', 'synthesisFindingForPractitioners.decide'],
};
