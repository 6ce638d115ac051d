import type { Account, MemberChange } from '@mizug/domain';
import type { Queryable } from '../db/database';
import {
  deleteMembership,
  findMembership,
  listMemberships,
  updateMembership,
} from '../db/repositories/memberships';
import { AppError } from '../errors';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { runCommand, type CommandDeps } from './command';

export async function requireMember(db: Queryable, initiativeId: string, accountId: string) {
  const member = await findMembership(db, initiativeId, accountId);
  if (!member) throw new AppError('not_found');
  return member;
}

/** An initiative must keep someone who can manage it. */
async function assertNotLastAdmin(db: Queryable, initiativeId: string, accountId: string) {
  const admins = (await listMemberships(db, initiativeId)).filter((m) => m.role === 'admin');
  if (admins.length === 1 && admins[0]!.accountId === accountId) throw new AppError('conflict');
}

/** Changes a member's role, sector or place in the working group; open sockets re-decide. */
export async function changeMember(
  deps: CommandDeps,
  account: Account,
  initiativeId: string,
  accountId: string,
  change: MemberChange,
) {
  const actor = await loadActor(deps.db, account, initiativeId);
  const members = { kind: 'members', initiativeId } as const;
  // Whatever the change, only those who see the members may make it.
  authorize(actor, 'read', members);
  if (change.role !== undefined || change.sector !== undefined) authorize(actor, 'manage', members);
  if (change.inWorkingGroup !== undefined) authorize(actor, 'assign', members);
  await runCommand(deps, async ({ tx, audit, emit }) => {
    const before = await requireMember(tx, initiativeId, accountId);
    if (change.role && change.role !== 'admin' && before.role === 'admin') {
      await assertNotLastAdmin(tx, initiativeId, accountId);
    }
    await updateMembership(tx, initiativeId, accountId, change);
    await audit({
      action:
        change.role && change.role !== before.role ? 'membership.change_role' : 'space.assign',
      actorId: account.id,
      initiativeId,
      details: {
        accountId,
        from: { role: before.role, sector: before.sector, inWorkingGroup: before.inWorkingGroup },
        to: change,
      },
    });
    emit('accessChanged', initiativeId);
  });
}

/** Takes someone out of the initiative (never its last admin); their open sockets close. */
export async function removeMember(
  deps: CommandDeps,
  account: Account,
  initiativeId: string,
  accountId: string,
) {
  authorize(await loadActor(deps.db, account, initiativeId), 'manage', {
    kind: 'members',
    initiativeId,
  });
  await runCommand(deps, async ({ tx, audit, emit }) => {
    const before = await requireMember(tx, initiativeId, accountId);
    if (before.role === 'admin') await assertNotLastAdmin(tx, initiativeId, accountId);
    await deleteMembership(tx, initiativeId, accountId);
    await audit({
      action: 'membership.remove',
      actorId: account.id,
      initiativeId,
      // Its peer spaces show the removal to their members.
      details: {
        accountId,
        role: before.role,
        spaceIds: [...before.spaceIds, ...before.guaranteedSpaceIds, ...before.pendingSpaceIds],
      },
    });
    emit('accessChanged', initiativeId);
  });
}
