import type { Account } from '@mizug/domain';
import { decoyHash, verifyPassphrase } from '../auth/passphrase';
import { randomToken, sha256 } from '../auth/tokens';
import type { Database, Queryable } from '../db/database';
import { findAccountForSignIn } from '../db/repositories/accounts';
import { appendAudit } from '../db/repositories/audit';
import { countRecentFailures, recordLoginAttempt } from '../db/repositories/login-attempts';
import { deleteSession, insertSession } from '../db/repositories/sessions';
import { AppError } from '../errors';

/** Sessions last two weeks from sign-in. */
export const SESSION_DAYS = 14;
/** Failed sign-ins tolerated per handle and per address within the window, then 429. */
export const LOGIN_LIMITS = { perHandle: 5, perAddress: 20, windowMinutes: 15 };

export interface NewSession {
  account: Account;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a session for an account that has just proven who it is (sign-in or join). */
export async function openSession(db: Queryable, account: Account): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await insertSession(db, {
    tokenHash: sha256(token),
    accountId: account.id,
    csrfToken,
    expiresAt,
  });
  return { account, token, csrfToken, expiresAt };
}

export async function signIn(
  db: Database,
  { handle, passphrase, address }: { handle: string; passphrase: string; address: string },
): Promise<NewSession> {
  const failures = await countRecentFailures(db, {
    handle,
    address,
    windowMinutes: LOGIN_LIMITS.windowMinutes,
  });
  if (
    failures.byHandle >= LOGIN_LIMITS.perHandle ||
    failures.byAddress >= LOGIN_LIMITS.perAddress
  ) {
    throw new AppError('rate_limited');
  }
  const found = await findAccountForSignIn(db, handle);
  // Verify against a decoy when the handle is unknown, so timing does not tell which handles exist.
  const valid = await verifyPassphrase(passphrase, found?.passphraseHash ?? (await decoyHash));
  if (!found || !valid) {
    await recordLoginAttempt(db, { handle, address, succeeded: false });
    await appendAudit(db, {
      action: 'session.login_failed',
      actorId: found?.account.id ?? null,
      details: { handle, address },
    });
    throw new AppError('invalid_credentials');
  }
  return db.transaction(async (tx) => {
    await recordLoginAttempt(tx, { handle, address, succeeded: true });
    await appendAudit(tx, {
      action: 'session.login',
      actorId: found.account.id,
      details: { address },
    });
    return openSession(tx, found.account);
  });
}

/** Ends the session; returns its token hash, which names the sign-in to live connections. */
export async function signOut(db: Database, token: string, account: Account): Promise<string> {
  const tokenHash = sha256(token);
  await db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await appendAudit(tx, { action: 'session.logout', actorId: account.id });
  });
  return tokenHash;
}
