import type { CommandDeps } from '../services/command';
import { runCommand } from '../services/command';
import { findAccountById } from '../db/repositories/accounts';
import { AppError } from '../errors';
import { openSignIn, type NewSignIn } from '../services/sign-in';
import { findDemoAccountId } from './demo-store';

/**
 * "Continue as" one of the demo's people, without a passphrase: only in demo mode (the route
 * exists only then) and only for the demo initiative's own people, never anyone else's account.
 */
export async function continueAsDemoPerson(
  deps: CommandDeps,
  { handle, address }: { handle: string; address: string },
): Promise<NewSignIn> {
  const accountId = await findDemoAccountId(deps.db, handle);
  const account = accountId && (await findAccountById(deps.db, accountId));
  if (!account) throw new AppError('not_found');
  return runCommand(deps, async ({ tx, audit }) => {
    await audit({ action: 'session.login', actorId: account.id, details: { address, demo: true } });
    return openSignIn(tx, account);
  });
}
