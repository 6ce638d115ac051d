import type { AuditAction, AuditEntry, AuditQuery } from '@mizug/domain';
import type { Queryable } from '../database';

export async function appendAudit(
  db: Queryable,
  entry: {
    action: AuditAction;
    actorId: string | null;
    initiativeId?: string | null;
    details?: Record<string, unknown>;
    /** The story whose teller is acting as its teller: shown as "the teller" to anyone else. */
    tellerOf?: string;
  },
): Promise<void> {
  await db.query(
    // Cast through text so both drivers send the same JSON string instead of serializing it twice.
    `INSERT INTO audit_log (action, actor_id, initiative_id, details, teller_of)
     VALUES ($1, $2, $3, $4::text::jsonb, $5)`,
    [
      entry.action,
      entry.actorId,
      entry.initiativeId ?? null,
      JSON.stringify(entry.details ?? {}),
      entry.tellerOf ?? null,
    ],
  );
}

/** An entry as stored, before it is presented to a reader (`services/audit-log.ts`). */
export interface StoredAuditEntry extends Omit<AuditEntry, 'teller'> {
  /** The story whose teller acted, or null. */
  tellerOf: string | null;
}

/**
 * An initiative's entries and its members' sign-ins, newest first; `before` pages backwards by
 * id. `viewerId` decides the actor filter: a teller's actions on their stories match an account
 * only for that teller, so filtering by a person never tells who told what.
 */
export async function listAudit(
  db: Queryable,
  initiativeId: string,
  query: AuditQuery,
  viewerId: string,
): Promise<StoredAuditEntry[]> {
  const rows = await db.query<{
    id: number;
    at: Date;
    action: AuditEntry['action'];
    actor_id: string | null;
    actor_name: string | null;
    teller_of: string | null;
    details: Record<string, unknown> | string;
  }>(
    `SELECT l.id, l.at, l.action, l.actor_id, a.display_name AS actor_name, l.teller_of, l.details
     FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
     WHERE (l.initiative_id = $1
            -- Sign-ins belong to no initiative: show those of the initiative's members.
            OR (l.initiative_id IS NULL AND l.action LIKE 'session.%'
                AND l.actor_id IN (SELECT account_id FROM memberships WHERE initiative_id = $1)))
       AND ($2::text IS NULL OR l.action = $2)
       AND ($3::uuid IS NULL OR (l.actor_id = $3 AND (l.teller_of IS NULL OR l.actor_id = $6)))
       AND ($4::bigint IS NULL OR l.id < $4)
       AND (NOT $7::boolean OR l.teller_of IS NOT NULL)
     ORDER BY l.id DESC LIMIT $5`,
    [
      initiativeId,
      query.action ?? null,
      query.actorId ?? null,
      query.before ?? null,
      query.limit,
      viewerId,
      query.byTeller === 'true',
    ],
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? '' } : null,
    tellerOf: row.teller_of,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  }));
}
