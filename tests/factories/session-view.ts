import type { SessionContribution, SessionStage, SessionView } from '@mizug/domain';
import { findBuiltinMethod } from '@mizug/methods';

/** A person as a session view names them. */
export const personRef = (accountId: string, displayName = accountId) => ({
  accountId,
  displayName,
});

/** A stage's state as the server sends it: not started, nothing in its way, every group asked. */
export const buildStage = (id: string, more: Partial<SessionStage> = {}): SessionStage => ({
  id,
  status: 'not_started',
  round: 1,
  timerEndsAt: null,
  blockers: [],
  groupIds: ['lived', 'practitioners'],
  asksForValidation: false,
  canPost: true,
  postRefusal: null,
  boards: [],
  findings: [],
  ...more,
});

/**
 * A Merging of Knowledge session as a member of the lived-experience group sees it, with two
 * groups (`lived`, `practitioners`) and nothing done yet; `more` replaces whole fields.
 */
export function buildSessionView(more: Partial<SessionView> = {}): SessionView {
  const method = findBuiltinMethod('merging-of-knowledge')!;
  return {
    id: 'session',
    initiativeId: 'initiative',
    title: 'What loneliness is',
    method,
    owner: null,
    ownerStory: null,
    startedAt: '2026-01-01T10:00:00.000Z',
    participants: [personRef('layla', 'Layla'), personRef('omar', 'Omar')],
    stages: method.stages.map((stage) => buildStage(stage.id)),
    groups: [
      {
        spaceId: 'lived',
        kind: 'lived_experience',
        name: null,
        facilitators: [personRef('noa', 'Noa')],
        representatives: [],
        members: [personRef('layla', 'Layla')],
      },
      {
        spaceId: 'practitioners',
        kind: 'practitioners',
        name: 'Social workers of the north',
        facilitators: [personRef('noa', 'Noa')],
        representatives: [],
        members: [],
      },
    ],
    me: {
      isFacilitator: false,
      groupIds: ['lived'],
      representsGroupIds: [],
      isOwner: false,
      inWritingTeam: false,
    },
    writingTeam: [],
    contract: {
      version: 1,
      terms: null,
      decisionRule: 'one_member',
      acceptedByMe: true,
      pending: [],
    },
    canvases: [],
    validations: [],
    releases: [],
    contributions: [],
    propositions: [],
    ownerConfirmations: [],
    dependencyWarnings: [],
    ...more,
  };
}

/** A post in a session view, by Layla of the lived-experience group unless `more` says otherwise. */
export const buildContribution = (
  more: Partial<SessionContribution> = {},
): SessionContribution => ({
  id: 'post',
  stageId: 'MK-2',
  spaceId: 'lived',
  author: personRef('layla', 'Layla'),
  authorGroupId: 'lived',
  onBehalfOf: false,
  kind: 'post',
  body: 'Loneliness starts in the evening',
  withdrawn: false,
  parentId: null,
  findingId: null,
  sourceTags: [],
  confidence: null,
  stance: null,
  createdAt: '2026-01-01T10:05:00.000Z',
  ...more,
});
