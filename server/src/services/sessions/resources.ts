import type { Stage } from '@mizug/methods';
import type { StoredCanvas, StoredMethodSession } from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import type { CanvasWriters, Resource } from '../../policy/policy';
import type { SessionContext } from './context';

/** Whoever started the session and every facilitator chosen for one of its groups. */
export const facilitatorsOf = (session: StoredMethodSession) =>
  new Set([session.startedBy, ...session.groups.flatMap((group) => group.facilitatorIds)]);

export function sessionResource(
  session: StoredMethodSession,
): Extract<Resource, { kind: 'session' }> {
  return {
    kind: 'session',
    initiativeId: session.initiativeId,
    facilitatorIds: facilitatorsOf(session),
    groupSpaceIds: new Set(session.groups.map((group) => group.spaceId)),
  };
}

/** One of the session's groups, as the policy sees it (its people, decisions, representatives). */
export const sessionGroupResource = (
  session: StoredMethodSession,
  group: StoredMethodSession['groups'][number],
): Extract<Resource, { kind: 'session_group' }> => ({
  kind: 'session_group',
  initiativeId: session.initiativeId,
  spaceId: group.spaceId,
  facilitatorIds: new Set(group.facilitatorIds),
  sessionFacilitatorIds: facilitatorsOf(session),
});

const writersOf: Record<Stage['participation'], CanvasWriters> = {
  everyone: 'participants',
  individual: 'group',
  owner: 'owner',
  each_group: 'group',
  representatives: 'representatives',
  working_group: 'working_group',
};

const participationOf = (context: SessionContext, stageId: string) => {
  const stage = context.session.method.stages.find((candidate) => candidate.id === stageId);
  if (!stage) throw new AppError('not_found');
  return stage.participation;
};

/** A group's facilitators work in its space; the synthesis and the notes are all of theirs. */
const facilitatorsIn = (context: SessionContext, spaceId: string | null) => {
  const group = context.session.groups.find((candidate) => candidate.spaceId === spaceId);
  return group ? new Set(group.facilitatorIds) : facilitatorsOf(context.session);
};

/** A canvas as the policy sees it, for the caller of `context`. */
export function canvasResource(
  context: SessionContext,
  canvas: Pick<StoredCanvas, 'stageId' | 'spaceId' | 'purpose'>,
): Extract<Resource, { kind: 'canvas' }> {
  const { session } = context;
  const participation = participationOf(context, canvas.stageId);
  const space = context.spaces.find((candidate) => candidate.id === canvas.spaceId);
  return {
    kind: 'canvas',
    initiativeId: session.initiativeId,
    space: space ? { id: space.id, kind: space.kind } : null,
    facilitatorIds: facilitatorsIn(context, canvas.spaceId),
    writers:
      canvas.purpose === 'facilitator_notes'
        ? 'facilitators'
        : participation === 'owner' && !session.ownerId
          ? 'group' // a group's own success: the group writes it
          : writersOf[participation],
    ownerId: session.ownerId,
    representativeIds: new Set(session.groups.flatMap((g) => g.representativeIds)),
    writingTeamIds: new Set(session.writingTeamIds),
    groupSpaceIds: new Set(session.groups.map((g) => g.spaceId)),
    open:
      canvas.purpose === 'facilitator_notes' ||
      context.facts.states.get(canvas.stageId)?.status === 'open',
    contractAccepted: context.facts.contractAcceptors.has(context.account.id),
  };
}

/**
 * A post as the policy sees it: one kept in `spaceId`, filed under `authorGroupId`. Undefined
 * for a space the initiative does not have.
 */
export function postResource(
  context: SessionContext,
  post: {
    stageId: string;
    spaceId: string;
    authorGroupId: string | null;
    onBehalfOf: boolean;
    /** Absent for a post not written yet. */
    authorId?: string;
    withdrawnAt?: Date | null;
  },
): Extract<Resource, { kind: 'post' }> | undefined {
  const { session } = context;
  const space = context.spaces.find((candidate) => candidate.id === post.spaceId);
  if (!space) return undefined;
  const group = session.groups.find((candidate) => candidate.spaceId === post.authorGroupId);
  return {
    kind: 'post',
    initiativeId: session.initiativeId,
    space: { id: space.id, kind: space.kind },
    facilitatorIds: facilitatorsIn(context, space.id),
    writers:
      participationOf(context, post.stageId) === 'representatives'
        ? 'representatives'
        : 'participants',
    representativeIds: new Set(group?.representativeIds),
    groupSpaceIds: new Set(session.groups.map((g) => g.spaceId)),
    onBehalfOf: post.onBehalfOf,
    authorId: post.authorId ?? null,
    withdrawn: Boolean(post.withdrawnAt),
  };
}
