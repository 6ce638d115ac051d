import type { Account } from '@mizug/domain';
import type { Queryable } from '../database';
import { toAccount, type AccountRow } from './accounts';

export interface StoredSignIn {
  account: Account;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Sign-ins live in the `sessions` table (its name predates method sessions); only the SHA-256 of
 * the cookie's token is stored.
 */
export async function insertSignIn(
  db: Queryable,
  signIn: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)',
    [signIn.tokenHash, signIn.accountId, signIn.csrfToken, signIn.expiresAt],
  );
}

/** The live sign-in with this token hash; expired sign-ins are not found. */
export async function findSignIn(
  db: Queryable,
  tokenHash: string,
): Promise<StoredSignIn | undefined> {
  const [row] = await db.query<AccountRow & { csrf_token: string; expires_at: Date }>(
    `SELECT a.id, a.handle, a.display_name, a.email, a.is_instance_admin, s.csrf_token, s.expires_at
     FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash],
  );
  if (!row) return undefined;
  return {
    account: toAccount(row),
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
  };
}

export async function deleteSignIn(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1 OR expires_at < now()', [tokenHash]);
}

/** Which of these sign-ins are still live (not signed out, not expired), by token hash. */
export async function liveSignInHashes(db: Queryable, tokenHashes: string[]): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const rows = await db.query<{ token_hash: string }>(
    'SELECT token_hash FROM sessions WHERE token_hash = ANY($1::text[]) AND expires_at > now()',
    [tokenHashes],
  );
  return new Set(rows.map((row) => row.token_hash));
}
