import { ownerStoryOf } from './owner-story';
import {
  canvasDocName,
  type Account,
  type DependencyWarning,
  type PersonRef,
  type SessionFindingStanding,
  type SessionView,
} from '@mizug/domain';
import { validatesOnBoard, type Stage } from '@mizug/methods';
import type { CommandDeps } from '../command';
import * as sessions from '../../db/repositories/method-sessions';
import { can } from '../../policy/policy';
import { loadSessionContext, seesGroup, workSpaceOf, type SessionContext } from './context';
import { canvasResource, facilitatorsOf, postResource } from './resources';
import { stageBoards } from './boards';
import { crossedPropositions } from './propositions';
import { ensureSessionBoardsNow, sessionBoardSpaces } from './ensure-boards';
import { canvasRefusal, postRefusal } from './writing';
import {
  claimCrossed,
  closeBlockers,
  isPeerStage,
  openBlockers,
  responseCrossed,
  stageAsks,
  stageFindings,
} from './rules';

/** Names as the initiative knows its members; someone who left shows without a name. */
function personOf(context: SessionContext) {
  return (accountId: string): PersonRef => ({
    accountId,
    displayName:
      context.members.find((member) => member.accountId === accountId)?.displayName ?? '',
  });
}

/** Can the caller read a post where it is kept (a group's space or the synthesis)? */
function readsPost(context: SessionContext, post: Parameters<typeof postResource>[1]) {
  const resource = postResource(context, post);
  return resource !== undefined && can(context.actor, 'read', resource);
}

/** May the caller post in `stage`, filed under one of their groups (none if they have none)? */
function postsIn(context: SessionContext, stage: Stage) {
  const groups = context.myGroupIds.length > 0 ? context.myGroupIds : [null];
  return groups.some((groupId) => {
    const post = postResource(context, {
      stageId: stage.id,
      spaceId: workSpaceOf(context, stage, groupId),
      authorGroupId: groupId,
      onBehalfOf: false,
    });
    return post !== undefined && can(context.actor, 'create', post);
  });
}

/**
 * Dependency pairs that would share a working group: both in one of the session's groups, or
 * both speaking in the synthesis space (representatives, the writing team, the working group).
 */
function dependencyWarnings(
  context: SessionContext,
  declarations: Awaited<ReturnType<typeof sessions.listDependencies>>,
): DependencyWarning[] {
  const person = personOf(context);
  const { session, members } = context;
  const inSynthesis = (accountId: string) =>
    members.find((member) => member.accountId === accountId)?.inWorkingGroup ||
    session.writingTeamIds.includes(accountId) ||
    session.groups.some((group) => group.representativeIds.includes(accountId));
  const groupsOfPerson = (accountId: string) =>
    session.groups
      .map((group) => group.spaceId)
      .filter((id) => members.find((m) => m.accountId === accountId)?.spaceIds.includes(id));
  return declarations
    .filter(({ declaredBy, otherId }) => {
      const shared = groupsOfPerson(declaredBy).some((id) => groupsOfPerson(otherId).includes(id));
      return shared || (inSynthesis(declaredBy) && inSynthesis(otherId));
    })
    .map(({ declaredBy, otherId, relation }) => ({
      declaredBy: person(declaredBy),
      other: person(otherId),
      relation,
    }));
}

/**
 * A session started before its stages worked on boards has none: reading it makes them, so
 * every session has the boards its stages work on (nothing is written once they exist).
 */
async function ensureBoardsOf(deps: CommandDeps, context: SessionContext) {
  const { session, facts, synthesisSpace } = context;
  const existing = new Set(
    (await sessions.listSessionBoards(deps.db, session.id)).map((board) => board.spaceId),
  );
  const missing = sessionBoardSpaces(
    session.method,
    facts.groupIds,
    facts.ownerGroupId,
    synthesisSpace.id,
  ).filter((spaceId) => !existing.has(spaceId));
  if (missing.length > 0) await ensureSessionBoardsNow(deps, session, missing, context.account.id);
}

/**
 * A stage validated on its board: each finding on the boards the caller reads there, with where
 * each group stands (a synthesis board's decisions are every reader's, as on the board itself).
 */
function stageFindingsView(context: SessionContext, stage: Stage): SessionFindingStanding[] {
  if (!validatesOnBoard(stage)) return [];
  const findings = stageFindings(context.facts, stage);
  const boards = new Map(
    findings.map(({ boardId, spaceId }) => [boardId, { id: boardId, spaceId }]),
  );
  const readable = new Set(
    stageBoards(context, stage, [...boards.values()]).map((board) => board.boardId),
  );
  return findings
    .filter((finding) => readable.has(finding.boardId))
    .map(({ spaceId: _space, ...finding }) => finding);
}

/** The session as the caller may see it: never another group's work before it is released. */
export async function sessionView(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
): Promise<SessionView> {
  const { db } = deps;
  const context = await loadSessionContext(db, account, sessionId, 'read');
  const { session, facts, runsSession, myGroupIds } = context;
  const person = personOf(context);
  await ensureBoardsOf(deps, context);
  const [canvases, contributions, contract, declarations, boards] = await Promise.all([
    sessions.listCanvases(db, sessionId),
    sessions.listContributions(db, sessionId),
    sessions.currentContract(db, sessionId),
    runsSession ? sessions.listDependencies(db, session.initiativeId) : Promise.resolve([]),
    sessions.listSessionBoards(db, sessionId),
  ]);
  const stageById = new Map(session.method.stages.map((stage) => [stage.id, stage]));
  // A shared stage's decisions are everyone's; a peer stage's, those who see the group's.
  const seesValidation = (stageId: string, spaceId: string) =>
    !isPeerStage(stageById.get(stageId)!) || seesGroup(context, spaceId);

  return {
    id: session.id,
    initiativeId: session.initiativeId,
    title: session.title,
    method: session.method,
    owner: session.ownerId ? person(session.ownerId) : null,
    ownerStory: await ownerStoryOf(db, context),
    startedAt: session.startedAt.toISOString(),
    participants: [...new Set([...facts.participantIds, ...facilitatorsOf(session)])].map(person),
    stages: session.method.stages.map((stage) => {
      const state = facts.states.get(stage.id);
      const status = state?.status ?? 'not_started';
      const canPost = postsIn(context, stage);
      return {
        id: stage.id,
        status,
        round: state?.round ?? 1,
        timerEndsAt: state?.timerEndsAt?.toISOString() ?? null,
        blockers: !runsSession
          ? []
          : status === 'open'
            ? closeBlockers(facts, stage)
            : openBlockers(facts, stage),
        ...stageAsks(facts, stage, (id) => seesGroup(context, id)),
        canPost,
        postRefusal: postRefusal(context, stage, canPost),
        boards: stageBoards(context, stage, boards),
        findings: stageFindingsView(context, stage),
      };
    }),
    groups: session.groups.map((group) => {
      const space = context.spaces.find((candidate) => candidate.id === group.spaceId)!;
      return {
        spaceId: group.spaceId,
        kind: space.kind,
        name: space.name,
        facilitators: group.facilitatorIds.map(person),
        representatives: group.representativeIds.map(person),
        members: seesGroup(context, group.spaceId)
          ? context.members
              .filter(
                (member) => member.spaceIds.includes(group.spaceId) && member.role !== 'researcher',
              )
              .map((member) => person(member.accountId))
          : [],
      };
    }),
    me: {
      isFacilitator: runsSession,
      groupIds: myGroupIds,
      representsGroupIds: session.groups
        .filter((group) => group.representativeIds.includes(account.id))
        .map((group) => group.spaceId),
      isOwner: session.ownerId === account.id,
      inWritingTeam: session.writingTeamIds.includes(account.id),
    },
    writingTeam: session.writingTeamIds.map(person),
    contract: {
      version: contract.version,
      terms: contract.terms,
      decisionRule: contract.decisionRule,
      acceptedByMe: facts.contractAcceptors.has(account.id),
      pending: runsSession
        ? facts.participantIds.filter((id) => !facts.contractAcceptors.has(id)).map(person)
        : [],
    },
    canvases: canvases
      .map((canvas) => ({ canvas, resource: canvasResource(context, canvas) }))
      .filter(({ resource }) => can(context.actor, 'read', resource))
      .map(({ canvas, resource }) => ({
        id: canvas.id,
        stageId: canvas.stageId,
        spaceId: canvas.spaceId,
        purpose: canvas.purpose,
        docName: canvasDocName(canvas.id),
        canWrite: can(context.actor, 'write', resource),
        writeRefusal: canvasRefusal(context, resource),
      })),
    validations: facts.validations
      .filter((validation) => seesValidation(validation.stageId, validation.spaceId))
      .map((validation) => ({
        ...validation,
        decidedBy: person(validation.decidedBy),
        decidedAt: validation.decidedAt.toISOString(),
      })),
    // Released work is in the synthesis space: every participant reads it.
    releases: facts.releases.map((release) => ({
      ...release,
      decidedBy: person(release.decidedBy),
      decidedAt: release.decidedAt.toISOString(),
    })),
    contributions: contributions
      .filter(
        (contribution) =>
          readsPost(context, contribution) ||
          claimCrossed(facts, contribution) ||
          responseCrossed(facts, contribution),
      )
      .map(({ authorId, createdAt, withdrawnAt, body, ...contribution }) => ({
        ...contribution,
        // A withdrawn post's words are its author's alone again.
        body: withdrawnAt && authorId !== context.account.id ? '' : body,
        withdrawn: withdrawnAt !== null,
        author: person(authorId),
        createdAt: createdAt.toISOString(),
      })),
    propositions: await crossedPropositions(db, context),
    ownerConfirmations: facts.ownerConfirmations.map(({ stageId, round }) => ({ stageId, round })),
    dependencyWarnings: runsSession ? dependencyWarnings(context, declarations) : [],
  };
}
