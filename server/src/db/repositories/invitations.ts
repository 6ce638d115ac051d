import type { Invitation, Role, Sector } from '@mizug/domain';
import type { Queryable } from '../database';

interface InvitationRow {
  id: string;
  initiative_id: string;
  role: Role;
  sector: Sector;
  space_id: string | null;
  expires_at: Date;
  max_uses: number;
  uses: number;
  revoked_at: Date | null;
  created_by_name: string;
  [key: string]: unknown;
}

const selectInvitations = `
  SELECT i.*, a.display_name AS created_by_name FROM invitations i JOIN accounts a ON a.id = i.created_by`;

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  initiativeId: row.initiative_id,
  role: row.role,
  sector: row.sector,
  spaceId: row.space_id,
  expiresAt: row.expires_at.toISOString(),
  maxUses: row.max_uses,
  uses: row.uses,
  revoked: row.revoked_at !== null,
  createdBy: row.created_by_name,
});

export async function insertInvitation(
  db: Queryable,
  invitation: {
    initiativeId: string;
    codeHash: string;
    role: Role;
    sector: Sector;
    spaceId: string | null;
    createdBy: string;
    expiresInDays: number;
    maxUses: number;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO invitations (initiative_id, code_hash, role, sector, space_id, created_by, expires_at, max_uses)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7::int), $8) RETURNING id`,
    [
      invitation.initiativeId,
      invitation.codeHash,
      invitation.role,
      invitation.sector,
      invitation.spaceId,
      invitation.createdBy,
      invitation.expiresInDays,
      invitation.maxUses,
    ],
  );
  return row!.id;
}

export async function findInvitation(db: Queryable, id: string): Promise<Invitation | undefined> {
  const [row] = await db.query<InvitationRow>(`${selectInvitations} WHERE i.id = $1`, [id]);
  return row && toInvitation(row);
}

/** Locks the row, so two people joining with the last use of a code cannot both succeed. */
export async function findInvitationByCodeForUpdate(db: Queryable, codeHash: string) {
  const [row] = await db.query<InvitationRow & { expired: boolean }>(
    `${selectInvitations.replace('SELECT i.*', 'SELECT i.*, i.expires_at <= now() AS expired')}
     WHERE i.code_hash = $1 FOR UPDATE OF i`,
    [codeHash],
  );
  return row && { ...toInvitation(row), expired: row.expired };
}

export async function findInvitationByCode(db: Queryable, codeHash: string) {
  const [row] = await db.query<InvitationRow & { expired: boolean; initiative_name: string }>(
    `SELECT i.*, i.expires_at <= now() AS expired, a.display_name AS created_by_name, n.name AS initiative_name
     FROM invitations i JOIN accounts a ON a.id = i.created_by JOIN initiatives n ON n.id = i.initiative_id
     WHERE i.code_hash = $1`,
    [codeHash],
  );
  return row && { ...toInvitation(row), expired: row.expired, initiativeName: row.initiative_name };
}

export async function listInvitations(db: Queryable, initiativeId: string): Promise<Invitation[]> {
  const rows = await db.query<InvitationRow>(
    `${selectInvitations} WHERE i.initiative_id = $1 ORDER BY i.created_at DESC`,
    [initiativeId],
  );
  return rows.map(toInvitation);
}

export async function useInvitation(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE invitations SET uses = uses + 1 WHERE id = $1', [id]);
}

export async function revokeInvitation(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE invitations SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [
    id,
  ]);
}
