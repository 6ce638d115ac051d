import type { Account, Membership, Space } from '@mizug/domain';
import { workSpaceFor, type Stage } from '@mizug/methods';
import type { Database, Queryable } from '../../db/database';
import { listSpaces } from '../../db/repositories/initiatives';
import * as sessions from '../../db/repositories/method-sessions';
import type { StoredMethodSession } from '../../db/repositories/method-sessions';
import { listMemberships } from '../../db/repositories/memberships';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import type { AuditInput, CommandScope } from '../command';
import { can, type Actor } from '../../policy/policy';
import { facilitatorsOf, sessionGroupResource, sessionResource } from './resources';
import { loadFindingStandings } from './finding-standings';
import type { SessionFacts } from './rules';

/** A session with everything its rules and views are decided on, as one caller sees it. */
export interface SessionContext {
  session: StoredMethodSession;
  account: Account;
  actor: Actor;
  members: Membership[];
  spaces: Space[];
  synthesisSpace: Space;
  facts: SessionFacts;
  contractVersion: number;
  /** The policy's `manage` of the session: the caller runs it as one of its facilitators. */
  runsSession: boolean;
  /** The session's groups the caller acts for (the policy's `write` of each: its members). */
  myGroupIds: string[];
}

export async function loadSessionContext(
  db: Database,
  account: Account,
  sessionId: string,
  action: 'read' | 'write' | 'manage',
): Promise<SessionContext> {
  const session = await sessions.findMethodSession(db, sessionId);
  if (!session) throw new AppError('not_found');
  const actor = await loadActor(db, account, session.initiativeId);
  authorize(actor, action, sessionResource(session));
  return contextOf(db, session, account, actor);
}

export async function contextOf(
  db: Queryable,
  session: StoredMethodSession,
  account: Account,
  actor: Actor,
): Promise<SessionContext> {
  const [members, spaces, states, validations, releases, ownerConfirmations, contract] =
    await Promise.all([
      listMemberships(db, session.initiativeId),
      listSpaces(db, session.initiativeId),
      sessions.listStageStates(db, session.id),
      sessions.listValidations(db, session.id),
      sessions.listReleases(db, session.id),
      sessions.listOwnerConfirmations(db, session.id),
      sessions.currentContract(db, session.id),
    ]);
  const groupIds = session.groups.map((group) => group.spaceId);
  const facilitatorIds = facilitatorsOf(session);
  const owner = session.ownerId && members.find((m) => m.accountId === session.ownerId);
  const participantIds = members
    .filter(
      (member) =>
        member.role !== 'researcher' &&
        !facilitatorIds.has(member.accountId) &&
        member.spaceIds.some((id) => groupIds.includes(id)),
    )
    .map((member) => member.accountId);
  const synthesisSpace = spaces.find((space) => space.kind === 'synthesis')!;
  const myGroupIds = session.groups
    .filter((group) => can(actor, 'write', sessionGroupResource(session, group)))
    .map((group) => group.spaceId);
  return {
    session,
    account,
    actor,
    members,
    spaces,
    synthesisSpace,
    facts: {
      method: session.method,
      groupIds,
      ownerGroupId: (owner && groupIds.find((id) => owner.spaceIds.includes(id))) || null,
      states: new Map(states.map((state) => [state.stageId, state])),
      validations,
      releases,
      ownerConfirmations,
      participantIds,
      contractAcceptors: await sessions.listContractAcceptors(db, session.id, contract.version),
      synthesisId: synthesisSpace.id,
      findings: await loadFindingStandings(
        db,
        session.id,
        groupIds,
        synthesisSpace.id,
        contract.decisionRule,
      ),
    },
    contractVersion: contract.version,
    runsSession: can(actor, 'manage', sessionResource(session)),
    myGroupIds,
  };
}

export function stageOf(context: SessionContext, stageId: string): Stage {
  const stage = context.session.method.stages.find((candidate) => candidate.id === stageId);
  if (!stage) throw new AppError('not_found');
  return stage;
}

export const isOpen = (context: SessionContext, stageId: string) =>
  context.facts.states.get(stageId)?.status === 'open';

/** The space a stage's work lives in for a group: its own, or the synthesis space. */
export const workSpaceOf = (context: SessionContext, stage: Stage, groupId: string | null) =>
  workSpaceFor(stage, groupId, context.synthesisSpace.id);

/** The contract must be accepted before a first contribution; facilitators wrote it. */
export function requireContract(context: SessionContext) {
  if (!context.runsSession && !context.facts.contractAcceptors.has(context.account.id))
    throw new AppError('contract_not_accepted');
}

export function requireOpen(context: SessionContext, stageId: string) {
  if (!isOpen(context, stageId)) throw new AppError('stage_not_open');
}

/** The session's group kept in `spaceId`, as the policy sees it; undefined if it has none. */
function groupResource(context: SessionContext, spaceId: string) {
  const group = context.session.groups.find((candidate) => candidate.spaceId === spaceId);
  return group && sessionGroupResource(context.session, group);
}

/** Does the caller see this group's people and decisions (its own, or all for a facilitator)? */
export function seesGroup(context: SessionContext, spaceId: string) {
  const group = groupResource(context, spaceId);
  return group !== undefined && can(context.actor, 'read', group);
}

/** The caller acts for `spaceId` (validates, releases, posts) only if the policy says so. */
export function requireActsFor(context: SessionContext, spaceId: string) {
  const group = groupResource(context, spaceId);
  if (!group || !can(context.actor, 'write', group)) throw new AppError('not_in_group');
}

/** An audit entry about this session, by the caller, in the command's transaction. */
export const auditSession = (
  { audit }: Pick<CommandScope, 'audit'>,
  context: SessionContext,
  action: AuditInput['action'],
  details: Record<string, unknown>,
) =>
  audit({
    action,
    actorId: context.account.id,
    initiativeId: context.session.initiativeId,
    details: { sessionId: context.session.id, ...details },
  });

/**
 * Tells the session's open pages to look again once the command has committed, and, when the
 * change alters who may write (a stage opens or closes, a contract, representatives), the open
 * canvases of the initiative to decide their access again.
 */
export function announceChange(
  { emit }: Pick<CommandScope, 'emit'>,
  session: StoredMethodSession,
  { access = false } = {},
) {
  if (access) emit('accessChanged', session.initiativeId);
  emit('sessionChanged', session.initiativeId, session.id);
}
