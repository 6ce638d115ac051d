import type { Membership, Role, Sector, SpaceStanding } from '@mizug/domain';
import type { Queryable } from '../database';

interface MembershipRow {
  account_id: string;
  display_name: string;
  handle: string;
  role: Role;
  sector: Sector;
  in_working_group: boolean;
  space_ids: string[] | null;
  guaranteed_space_ids: string[] | null;
  pending_space_ids: string[] | null;
  [key: string]: unknown;
}

const spacesAs = (kind: SpaceStanding) => `
    array(SELECT sm.space_id FROM space_members sm JOIN spaces s ON s.id = sm.space_id
          WHERE sm.account_id = m.account_id AND s.initiative_id = m.initiative_id AND sm.kind = '${kind}')`;

// Only 'member' and 'guarantor' rows give access; 'pending' ones are listed apart.
const selectMemberships = `
  SELECT m.account_id, a.display_name, a.handle, m.role, m.sector, m.in_working_group,
    ${spacesAs('member')} AS space_ids,
    ${spacesAs('guarantor')} AS guaranteed_space_ids,
    ${spacesAs('pending')} AS pending_space_ids
  FROM memberships m JOIN accounts a ON a.id = m.account_id`;

const toMembership = (row: MembershipRow): Membership => ({
  accountId: row.account_id,
  displayName: row.display_name,
  handle: row.handle,
  role: row.role,
  sector: row.sector,
  inWorkingGroup: row.in_working_group,
  spaceIds: row.space_ids ?? [],
  guaranteedSpaceIds: row.guaranteed_space_ids ?? [],
  pendingSpaceIds: row.pending_space_ids ?? [],
});

export async function findMembership(
  db: Queryable,
  initiativeId: string,
  accountId: string,
): Promise<Membership | undefined> {
  const [row] = await db.query<MembershipRow>(
    `${selectMemberships} WHERE m.initiative_id = $1 AND m.account_id = $2`,
    [initiativeId, accountId],
  );
  return row && toMembership(row);
}

export async function listMemberships(db: Queryable, initiativeId: string): Promise<Membership[]> {
  const rows = await db.query<MembershipRow>(
    `${selectMemberships} WHERE m.initiative_id = $1 ORDER BY m.joined_at`,
    [initiativeId],
  );
  return rows.map(toMembership);
}

export async function insertMembership(
  db: Queryable,
  membership: { initiativeId: string; accountId: string; role: Role; sector: Sector },
): Promise<void> {
  await db.query(
    'INSERT INTO memberships (initiative_id, account_id, role, sector) VALUES ($1, $2, $3, $4)',
    [membership.initiativeId, membership.accountId, membership.role, membership.sector],
  );
}

export async function updateMembership(
  db: Queryable,
  initiativeId: string,
  accountId: string,
  changes: { role?: Role; sector?: Sector; inWorkingGroup?: boolean },
): Promise<void> {
  await db.query(
    `UPDATE memberships SET role = coalesce($3, role), sector = coalesce($4, sector),
       in_working_group = coalesce($5, in_working_group)
     WHERE initiative_id = $1 AND account_id = $2`,
    [
      initiativeId,
      accountId,
      changes.role ?? null,
      changes.sector ?? null,
      changes.inWorkingGroup ?? null,
    ],
  );
}

export async function deleteMembership(
  db: Queryable,
  initiativeId: string,
  accountId: string,
): Promise<void> {
  await db.query(
    `DELETE FROM space_members WHERE account_id = $2 AND space_id IN (SELECT id FROM spaces WHERE initiative_id = $1)`,
    [initiativeId, accountId],
  );
  await db.query('DELETE FROM memberships WHERE initiative_id = $1 AND account_id = $2', [
    initiativeId,
    accountId,
  ]);
}

export async function putSpaceMember(
  db: Queryable,
  entry: { spaceId: string; accountId: string; kind: SpaceStanding },
): Promise<void> {
  await db.query(
    `INSERT INTO space_members (space_id, account_id, kind) VALUES ($1, $2, $3)
     ON CONFLICT (space_id, account_id) DO UPDATE SET kind = excluded.kind`,
    [entry.spaceId, entry.accountId, entry.kind],
  );
}

export async function deleteSpaceMember(
  db: Queryable,
  spaceId: string,
  accountId: string,
): Promise<void> {
  await db.query('DELETE FROM space_members WHERE space_id = $1 AND account_id = $2', [
    spaceId,
    accountId,
  ]);
}

/** Where the person stands in the space, if anywhere. */
export async function findSpaceStanding(
  db: Queryable,
  spaceId: string,
  accountId: string,
): Promise<SpaceStanding | undefined> {
  const [row] = await db.query<{ kind: SpaceStanding }>(
    'SELECT kind FROM space_members WHERE space_id = $1 AND account_id = $2',
    [spaceId, accountId],
  );
  return row?.kind;
}

/** Whether the space has members (not counting guarantors or people waiting). */
export async function hasSpaceMembers(db: Queryable, spaceId: string): Promise<boolean> {
  const rows = await db.query(
    "SELECT 1 FROM space_members WHERE space_id = $1 AND kind = 'member' LIMIT 1",
    [spaceId],
  );
  return rows.length > 0;
}

/**
 * Settles a pending request: the person becomes a member, or the request is dropped. False when
 * there was no pending request (already decided by someone else, or never made).
 */
export async function settleJoinRequest(
  db: Queryable,
  spaceId: string,
  accountId: string,
  accept: boolean,
): Promise<boolean> {
  const rows = await db.query(
    accept
      ? "UPDATE space_members SET kind = 'member' WHERE space_id = $1 AND account_id = $2 AND kind = 'pending' RETURNING account_id"
      : "DELETE FROM space_members WHERE space_id = $1 AND account_id = $2 AND kind = 'pending' RETURNING account_id",
    [spaceId, accountId],
  );
  return rows.length > 0;
}
