import type { Account } from '@mizug/domain';
import { decoyHash, verifyPassphrase } from '../auth/passphrase';
import { randomToken, sha256 } from '../auth/tokens';
import type { Queryable } from '../db/database';
import { findAccountForSignIn } from '../db/repositories/accounts';
import {
  countRecentFailures,
  recordLoginAttempt,
  type FailureCount,
} from '../db/repositories/login-attempts';
import { deleteSignIn, insertSignIn } from '../db/repositories/sign-ins';
import { AppError } from '../errors';
import { runCommand, type CommandDeps } from './command';

/** A sign-in lasts two weeks. */
export const SIGN_IN_DAYS = 14;
/**
 * Failed sign-ins earn growing waits (429 with `retryAfter`), never a lockout, so guessing stays
 * slow and no one can keep another person out:
 * - a handle from one address: `freePerPair` failures, then 30 s after the latest, doubling up to
 *   `maxWaitSeconds`; a success from there starts it again;
 * - a handle from any address, and any handle from one address: `freeWide` failures, then the same
 *   growth. Both are waived where the handle signed in from that address within `trustDays`, so a
 *   guesser elsewhere, or behind the same address, does not keep its owner out.
 * Failures count within `windowMinutes`.
 */
export const LOGIN_THROTTLE = {
  freePerPair: 5,
  freeWide: 20,
  firstWaitSeconds: 30,
  maxWaitSeconds: 15 * 60,
  windowMinutes: 60,
  trustDays: 90,
};

/** Seconds still to wait after `failures`, when `free` of them are tolerated. */
function waitAfter({ count, lastAt }: FailureCount, free: number, now: number): number {
  if (count < free || lastAt === null) return 0;
  const wait = Math.min(
    LOGIN_THROTTLE.firstWaitSeconds * 2 ** (count - free),
    LOGIN_THROTTLE.maxWaitSeconds,
  );
  return Math.max(0, Math.ceil(lastAt + wait - now));
}

export interface NewSignIn {
  account: Account;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a sign-in for an account that has just proven who it is (sign-in or join). */
export async function openSignIn(db: Queryable, account: Account): Promise<NewSignIn> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SIGN_IN_DAYS * 24 * 3600 * 1000);
  await insertSignIn(db, {
    tokenHash: sha256(token),
    accountId: account.id,
    csrfToken,
    expiresAt,
  });
  return { account, token, csrfToken, expiresAt };
}

/** Checks the passphrase (after any wait the throttle asks for) and opens a sign-in. */
export async function signIn(
  deps: CommandDeps,
  { handle, passphrase, address }: { handle: string; passphrase: string; address: string },
): Promise<NewSignIn> {
  const { db } = deps;
  const failures = await countRecentFailures(db, {
    handle,
    address,
    windowMinutes: LOGIN_THROTTLE.windowMinutes,
    trustDays: LOGIN_THROTTLE.trustDays,
  });
  const retryAfter = Math.max(
    waitAfter(failures.pair, LOGIN_THROTTLE.freePerPair, failures.now),
    ...(failures.knownAddress
      ? []
      : [
          waitAfter(failures.handle, LOGIN_THROTTLE.freeWide, failures.now),
          waitAfter(failures.address, LOGIN_THROTTLE.freeWide, failures.now),
        ]),
  );
  if (retryAfter > 0) throw new AppError('rate_limited', undefined, { retryAfter });
  const found = await findAccountForSignIn(db, handle);
  // Verify against a decoy when the handle is unknown, so timing does not tell which handles exist.
  const valid = await verifyPassphrase(passphrase, found?.passphraseHash ?? (await decoyHash));
  if (!found || !valid) {
    // The failure is stored (it counts towards the throttle) before it is answered.
    await runCommand(deps, async ({ tx, audit }) => {
      await recordLoginAttempt(tx, { handle, address, succeeded: false });
      await audit({
        action: 'session.login_failed',
        actorId: found?.account.id ?? null,
        details: { handle, address },
      });
    });
    throw new AppError('invalid_credentials');
  }
  return runCommand(deps, async ({ tx, audit }) => {
    await recordLoginAttempt(tx, { handle, address, succeeded: true });
    await audit({
      action: 'session.login',
      actorId: found.account.id,
      details: { address },
    });
    return openSignIn(tx, found.account);
  });
}

/**
 * Ends the sign-in. Its open collaboration sockets and event streams close too, on every
 * instance: `signInEnded` names it by its token hash, all that storage keeps of it.
 */
export async function signOut(deps: CommandDeps, token: string, account: Account): Promise<void> {
  const tokenHash = sha256(token);
  await runCommand(deps, async ({ tx, audit, emit }) => {
    await deleteSignIn(tx, tokenHash);
    await audit({ action: 'session.logout', actorId: account.id });
    emit('signInEnded', tokenHash);
  });
}
