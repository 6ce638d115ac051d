import type { Account } from '@mizug/domain';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit';
import { createAccount } from './create-account';

/** An instance admin: may create initiatives. Used by `pnpm mizug create-admin` and the setup link. */
export async function createInstanceAdmin(
  db: Database,
  input: { handle: string; displayName: string; passphrase: string },
): Promise<Account> {
  return db.transaction(async (tx) => {
    const account = await createAccount(tx, { ...input, isInstanceAdmin: true });
    await appendAudit(tx, {
      action: 'membership.add',
      actorId: account.id,
      details: { instanceAdmin: true },
    });
    return account;
  });
}
