import type { Account } from '@mizug/domain';
import { randomToken, sha256 } from '../auth/tokens';
import type { Database } from '../db/database';
import { countInstanceAdmins } from '../db/repositories/accounts';
import { AppError } from '../errors';
import { createInstanceAdmin } from './create-admin';
import { openSignIn, type NewSignIn } from './sign-in';

/**
 * On an instance with no admin yet, a fresh one-time token for the setup link (only its hash is
 * stored, so each start prints a new link); undefined once an admin exists.
 */
export async function issueSetupToken(db: Database): Promise<string | undefined> {
  if ((await countInstanceAdmins(db)) > 0) {
    await db.query('UPDATE instance SET setup_token_hash = NULL');
    return undefined;
  }
  const token = randomToken();
  await db.query('UPDATE instance SET setup_token_hash = $1', [sha256(token)]);
  return token;
}

/** Creates the first admin through the setup link; the link then stops working. */
export async function completeSetup(
  db: Database,
  input: { token: string; handle: string; displayName: string; passphrase: string },
): Promise<NewSignIn & { account: Account }> {
  const [claimed] = await db.query<{ id: string }>(
    'UPDATE instance SET setup_token_hash = NULL WHERE setup_token_hash = $1 RETURNING id',
    [sha256(input.token)],
  );
  if (!claimed || (await countInstanceAdmins(db)) > 0) throw new AppError('not_found');
  try {
    const account = await createInstanceAdmin(db, input);
    return await openSignIn(db, account);
  } catch (error) {
    // Keep the link usable when the form was refused (a taken handle, say).
    await db.query('UPDATE instance SET setup_token_hash = $1', [sha256(input.token)]);
    throw error;
  }
}
