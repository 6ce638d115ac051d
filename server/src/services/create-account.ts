import type { Account } from '@mizug/domain';
import { hashPassphrase } from '../auth/passphrase';
import type { Queryable } from '../db/database';
import { handleExists, insertAccount } from '../db/repositories/accounts';
import { AppError } from '../errors';

/** A new account; a taken handle is a 409 on the `handle` field, and nothing is stored. */
export async function createAccount(
  db: Queryable,
  input: {
    handle: string;
    displayName: string;
    passphrase: string;
    email?: string | null;
    isInstanceAdmin?: boolean;
  },
): Promise<Account> {
  if (await handleExists(db, input.handle))
    throw new AppError('handle_taken', { handle: 'handle_taken' });
  return insertAccount(db, {
    handle: input.handle,
    displayName: input.displayName,
    email: input.email ?? null,
    passphraseHash: await hashPassphrase(input.passphrase),
    isInstanceAdmin: input.isInstanceAdmin ?? false,
  });
}
