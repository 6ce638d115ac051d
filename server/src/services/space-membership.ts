import {
  groupRoleOf,
  type Account,
  type JoinDecision,
  type Role,
  type Space,
  type SpaceAssignment,
  type SpaceStanding,
} from '@mizug/domain';
import type { Queryable } from '../db/database';
import { findSpace } from '../db/repositories/initiatives';
import {
  deleteSpaceMember,
  findSpaceStanding,
  hasSpaceMembers,
  putSpaceMember,
  settleJoinRequest,
} from '../db/repositories/memberships';
import { AppError } from '../errors';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { spaceResource } from '../policy/resources';
import { runCommand, type CommandDeps } from './command';
import { requireMember } from './members';

/**
 * Where someone of `role` lands when put into a peer space as a member: in it when they are of
 * the space's own group (or the first member of a named peer space), otherwise waiting for the
 * group. A facilitator is only ever a guarantor.
 */
export async function standingOnJoining(
  db: Queryable,
  space: Space,
  role: Role,
): Promise<SpaceStanding> {
  if (role === 'facilitator') return 'guarantor';
  const groupRole = groupRoleOf(space.kind);
  const ofTheGroup = groupRole ? role === groupRole : !(await hasSpaceMembers(db, space.id));
  return ofTheGroup ? 'member' : 'pending';
}

/**
 * A facilitator or admin puts a member into a peer space, proposes them to its group, makes a
 * facilitator its guarantor, or takes someone out (a pending request included). Every change is
 * audited, which is also what the space's members see in its list of changes; a change that
 * changes nothing (already there, already waiting) is neither stored nor audited.
 */
export async function assignSpace(
  deps: CommandDeps,
  actor: Account,
  initiativeId: string,
  spaceId: string,
  assignment: SpaceAssignment,
) {
  const { db } = deps;
  authorize(await loadActor(db, actor, initiativeId), 'assign', { kind: 'members', initiativeId });
  const space = await findSpace(db, spaceId);
  if (!space || space.initiativeId !== initiativeId || space.kind === 'synthesis')
    throw new AppError('not_found');
  const member = await requireMember(db, initiativeId, assignment.accountId);
  if (assignment.as === 'guarantor' && member.role !== 'facilitator') {
    throw new AppError('validation_failed', { as: 'forbidden' });
  }
  if (assignment.as === 'member' && member.role === 'facilitator') {
    throw new AppError('validation_failed', { as: 'guarantor_only' });
  }
  // Researchers read the synthesis space only.
  if (assignment.as && member.role === 'researcher') {
    throw new AppError('validation_failed', { accountId: 'forbidden' });
  }
  const { accountId } = assignment;
  await runCommand(deps, async ({ tx, audit, emit }) => {
    const before = await findSpaceStanding(tx, spaceId, accountId);
    if (!assignment.as) {
      if (!before) return;
      await deleteSpaceMember(tx, spaceId, accountId);
    } else {
      // Already there, or already waiting for the group: nothing changes.
      if (before === assignment.as || before === 'pending') return;
      const standing =
        assignment.as === 'member' ? await standingOnJoining(tx, space, member.role) : 'guarantor';
      await putSpaceMember(tx, { spaceId, accountId, kind: standing });
      if (standing === 'pending') {
        await audit({
          action: 'space.join_request',
          actorId: actor.id,
          initiativeId,
          details: { spaceId, accountId },
        });
        // The space's members see the request on its page.
        emit('accessChanged', initiativeId);
        return;
      }
    }
    await audit({
      action: 'space.assign',
      actorId: actor.id,
      initiativeId,
      details: { spaceId, accountId, as: assignment.as, before: before ?? null },
    });
    emit('accessChanged', initiativeId);
  });
}

/**
 * A member of the space's own group accepts someone waiting to join it (who then has access
 * like any member) or declines (the request is dropped). Someone who may not read the space gets
 * 404, as for a space that does not exist; a guarantor or an outsider of the group gets 403.
 */
export async function decideJoinRequest(
  deps: CommandDeps,
  account: Account,
  spaceId: string,
  accountId: string,
  { decision }: JoinDecision,
): Promise<void> {
  const { db } = deps;
  const space = await findSpace(db, spaceId);
  if (!space) throw new AppError('not_found');
  const resource = spaceResource(space);
  const actor = await loadActor(db, account, space.initiativeId);
  authorize(actor, 'read', resource);
  authorize(actor, 'assign', resource);
  await runCommand(deps, async ({ tx, audit, emit }) => {
    if (!(await settleJoinRequest(tx, spaceId, accountId, decision === 'accept')))
      throw new AppError('not_found');
    await audit({
      action: decision === 'accept' ? 'space.join_accept' : 'space.join_decline',
      actorId: account.id,
      initiativeId: space.initiativeId,
      details: { spaceId, accountId },
    });
    emit('accessChanged', space.initiativeId);
  });
}
