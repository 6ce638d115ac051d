import { randomToken, sha256 } from '../auth/tokens';
import type { Database } from '../db/database';
import { countInstanceAdmins } from '../db/repositories/accounts';
import { AppError } from '../errors';
import { runCommand, type CommandDeps } from './command';
import { addInstanceAdmin } from './create-admin';
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

/**
 * Creates the first admin through the setup link and signs them in; the link then stops working.
 * One command: a refused form (a taken handle, say) rolls the claim back and the link stays usable.
 */
export function completeSetup(
  deps: CommandDeps,
  input: { token: string; handle: string; displayName: string; passphrase: string },
): Promise<NewSignIn> {
  return runCommand(deps, async (scope) => {
    const [claimed] = await scope.tx.query<{ id: string }>(
      'UPDATE instance SET setup_token_hash = NULL WHERE setup_token_hash = $1 RETURNING id',
      [sha256(input.token)],
    );
    if (!claimed || (await countInstanceAdmins(scope.tx)) > 0) throw new AppError('not_found');
    return openSignIn(scope.tx, await addInstanceAdmin(scope, input));
  });
}
