import type { Account, MemberChange } from '@mizug/domain';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit';
import {
  deleteMembership,
  findMembership,
  listMemberships,
  updateMembership,
} from '../db/repositories/memberships';
import { AppError } from '../errors';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';

export async function requireMember(db: Database, initiativeId: string, accountId: string) {
  const member = await findMembership(db, initiativeId, accountId);
  if (!member) throw new AppError('not_found');
  return member;
}

/** An initiative must keep someone who can manage it. */
async function assertNotLastAdmin(db: Database, initiativeId: string, accountId: string) {
  const admins = (await listMemberships(db, initiativeId)).filter((m) => m.role === 'admin');
  if (admins.length === 1 && admins[0]!.accountId === accountId) throw new AppError('conflict');
}

export async function changeMember(
  db: Database,
  actor: Account,
  initiativeId: string,
  accountId: string,
  change: MemberChange,
) {
  const policyActor = await loadActor(db, actor, initiativeId);
  const members = { kind: 'members', initiativeId } as const;
  if (change.role !== undefined || change.sector !== undefined)
    authorize(policyActor, 'manage', members);
  if (change.inWorkingGroup !== undefined) authorize(policyActor, 'assign', members);
  const before = await requireMember(db, initiativeId, accountId);
  if (change.role && change.role !== 'admin' && before.role === 'admin') {
    await assertNotLastAdmin(db, initiativeId, accountId);
  }
  await db.transaction(async (tx) => {
    await updateMembership(tx, initiativeId, accountId, change);
    await appendAudit(tx, {
      action:
        change.role && change.role !== before.role ? 'membership.change_role' : 'space.assign',
      actorId: actor.id,
      initiativeId,
      details: {
        accountId,
        from: { role: before.role, sector: before.sector, inWorkingGroup: before.inWorkingGroup },
        to: change,
      },
    });
  });
}

export async function removeMember(
  db: Database,
  actor: Account,
  initiativeId: string,
  accountId: string,
) {
  authorize(await loadActor(db, actor, initiativeId), 'manage', { kind: 'members', initiativeId });
  const before = await requireMember(db, initiativeId, accountId);
  if (before.role === 'admin') await assertNotLastAdmin(db, initiativeId, accountId);
  await db.transaction(async (tx) => {
    await deleteMembership(tx, initiativeId, accountId);
    await appendAudit(tx, {
      action: 'membership.remove',
      actorId: actor.id,
      initiativeId,
      // Its peer spaces show the removal to their members.
      details: {
        accountId,
        role: before.role,
        spaceIds: [...before.spaceIds, ...before.guaranteedSpaceIds, ...before.pendingSpaceIds],
      },
    });
  });
}
