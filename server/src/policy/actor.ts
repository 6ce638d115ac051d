import type { Account } from '@mizug/domain';
import type { Queryable } from '../db/database';
import { findMembership } from '../db/repositories/memberships';
import type { Actor } from './policy';

/** The account as the policy sees it inside one initiative. */
export async function loadActor(
  db: Queryable,
  account: Pick<Account, 'id' | 'isInstanceAdmin'>,
  initiativeId: string,
): Promise<Actor> {
  const membership = await findMembership(db, initiativeId, account.id);
  return {
    accountId: account.id,
    isInstanceAdmin: account.isInstanceAdmin,
    membership: membership
      ? {
          initiativeId,
          role: membership.role,
          spaceIds: new Set(membership.spaceIds),
          guaranteedSpaceIds: new Set(membership.guaranteedSpaceIds),
          inWorkingGroup: membership.inWorkingGroup,
        }
      : null,
  };
}

/** The account for instance-wide questions (may it create an initiative?). */
export const instanceActor = (account: Account): Actor => ({
  accountId: account.id,
  isInstanceAdmin: account.isInstanceAdmin,
  membership: null,
});

/** Someone other than the caller as the policy sees them (a person a teller asks to help). */
export const loadActorOf = (db: Queryable, accountId: string, initiativeId: string) =>
  loadActor(db, { id: accountId, isInstanceAdmin: false }, initiativeId);
