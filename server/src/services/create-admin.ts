import type { Account } from '@mizug/domain';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit';
import type { CommandScope } from './command';
import { createAccount } from './create-account';

type AdminForm = { handle: string; displayName: string; passphrase: string };

/** The admin's account and its audit entry, inside a command that is already running. */
export async function addInstanceAdmin(
  { tx, audit }: Pick<CommandScope, 'tx' | 'audit'>,
  input: AdminForm,
): Promise<Account> {
  const account = await createAccount(tx, { ...input, isInstanceAdmin: true });
  await audit({ action: 'membership.add', actorId: account.id, details: { instanceAdmin: true } });
  return account;
}

/**
 * An instance admin: may create initiatives. Used by `pnpm mizug create-admin`, which has no
 * event bus (nothing listens to a new admin), hence a plain transaction; the setup link adds its
 * admin inside its own command.
 */
export function createInstanceAdmin(db: Database, input: AdminForm): Promise<Account> {
  return db.transaction((tx) => addInstanceAdmin({ tx, audit: (e) => appendAudit(tx, e) }, input));
}
