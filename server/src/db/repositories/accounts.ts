import type { Account } from '@mizug/domain';
import type { Queryable } from '../database';

export interface AccountRow {
  id: string;
  handle: string;
  display_name: string;
  email: string | null;
  is_instance_admin: boolean;
  passphrase_hash?: string;
  [key: string]: unknown;
}

export const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  handle: row.handle,
  displayName: row.display_name,
  email: row.email,
  isInstanceAdmin: row.is_instance_admin,
});

export async function insertAccount(
  db: Queryable,
  account: {
    handle: string;
    displayName: string;
    email?: string | null;
    passphraseHash: string;
    isInstanceAdmin?: boolean;
  },
): Promise<Account> {
  const [row] = await db.query<AccountRow>(
    `INSERT INTO accounts (handle, display_name, email, passphrase_hash, is_instance_admin)
     VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [
      account.handle,
      account.displayName,
      account.email ?? null,
      account.passphraseHash,
      account.isInstanceAdmin ?? false,
    ],
  );
  return toAccount(row!);
}

export async function findAccountForSignIn(db: Queryable, handle: string) {
  const [row] = await db.query<AccountRow>('SELECT * FROM accounts WHERE handle = $1', [handle]);
  return row ? { account: toAccount(row), passphraseHash: row.passphrase_hash! } : undefined;
}

export async function handleExists(db: Queryable, handle: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM accounts WHERE handle = $1', [handle]);
  return rows.length > 0;
}

export async function countInstanceAdmins(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM accounts WHERE is_instance_admin',
  );
  return row!.n;
}

export async function findAccountById(db: Queryable, id: string): Promise<Account | undefined> {
  const [row] = await db.query<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]);
  return row && toAccount(row);
}
