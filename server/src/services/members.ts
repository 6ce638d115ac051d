import type { Account, MemberChange, SpaceAssignment } from '@mizug/domain';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit';
import { findSpace } from '../db/repositories/initiatives';
import {
  deleteMembership,
  deleteSpaceMember,
  findMembership,
  listMemberships,
  putSpaceMember,
  updateMembership,
} from '../db/repositories/memberships';
import { AppError } from '../errors';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';

async function requireMember(db: Database, initiativeId: string, accountId: string) {
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
      details: { accountId, role: before.role },
    });
  });
}

export async function assignSpace(
  db: Database,
  actor: Account,
  initiativeId: string,
  spaceId: string,
  assignment: SpaceAssignment,
) {
  authorize(await loadActor(db, actor, initiativeId), 'assign', { kind: 'members', initiativeId });
  const space = await findSpace(db, spaceId);
  if (!space || space.initiativeId !== initiativeId || space.kind === 'synthesis')
    throw new AppError('not_found');
  const member = await requireMember(db, initiativeId, assignment.accountId);
  if (assignment.as === 'guarantor' && member.role !== 'facilitator') {
    throw new AppError('validation_failed', { as: 'forbidden' });
  }
  // Researchers read the synthesis space only.
  if (assignment.as && member.role === 'researcher') {
    throw new AppError('validation_failed', { accountId: 'forbidden' });
  }
  await db.transaction(async (tx) => {
    if (assignment.as)
      await putSpaceMember(tx, { spaceId, accountId: assignment.accountId, kind: assignment.as });
    else await deleteSpaceMember(tx, spaceId, assignment.accountId);
    await appendAudit(tx, {
      action: 'space.assign',
      actorId: actor.id,
      initiativeId,
      details: { spaceId, accountId: assignment.accountId, as: assignment.as },
    });
  });
}
