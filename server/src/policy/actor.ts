import type { Account, Membership } from '@mizug/domain';
import type { Queryable } from '../db/database';
import { findMembership } from '../db/repositories/memberships';
import type { Actor } from './policy';

/**
 * A member as the policy sees them, also for questions asked about them rather than by them
 * (do they work in this space?). Instance-wide rights are not part of a membership.
 */
export const memberActor = (initiativeId: string, member: Membership): Actor => ({
  accountId: member.accountId,
  isInstanceAdmin: false,
  membership: {
    initiativeId,
    role: member.role,
    spaceIds: new Set(member.spaceIds),
    guaranteedSpaceIds: new Set(member.guaranteedSpaceIds),
    inWorkingGroup: member.inWorkingGroup,
  },
});

/** The account as the policy sees it inside one initiative. */
export async function loadActor(
  db: Queryable,
  account: Pick<Account, 'id' | 'isInstanceAdmin'>,
  initiativeId: string,
): Promise<Actor> {
  const membership = await findMembership(db, initiativeId, account.id);
  if (!membership) return instanceActor(account);
  return { ...memberActor(initiativeId, membership), isInstanceAdmin: account.isInstanceAdmin };
}

/** The account for instance-wide questions (may it create an initiative?). */
export const instanceActor = (account: Pick<Account, 'id' | 'isInstanceAdmin'>): Actor => ({
  accountId: account.id,
  isInstanceAdmin: account.isInstanceAdmin,
  membership: null,
});

/** Someone other than the caller as the policy sees them (a person a teller asks to help). */
export const loadActorOf = (db: Queryable, accountId: string, initiativeId: string) =>
  loadActor(db, { id: accountId, isInstanceAdmin: false }, initiativeId);
