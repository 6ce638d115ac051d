import type { AuditAction, AuditEntry, AuditQuery } from '@mizug/domain';
import type { Queryable } from '../database';

export async function appendAudit(
  db: Queryable,
  entry: {
    action: AuditAction;
    actorId: string | null;
    initiativeId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.query(
    // Cast through text so both drivers send the same JSON string instead of serializing it twice.
    'INSERT INTO audit_log (action, actor_id, initiative_id, details) VALUES ($1, $2, $3, $4::text::jsonb)',
    [entry.action, entry.actorId, entry.initiativeId ?? null, JSON.stringify(entry.details ?? {})],
  );
}

/** An initiative's entries and its members' sign-ins, newest first; `before` pages backwards by id. */
export async function listAudit(
  db: Queryable,
  initiativeId: string,
  query: AuditQuery,
): Promise<AuditEntry[]> {
  const rows = await db.query<{
    id: number;
    at: Date;
    action: AuditEntry['action'];
    actor_id: string | null;
    actor_name: string | null;
    details: Record<string, unknown> | string;
  }>(
    `SELECT l.id, l.at, l.action, l.actor_id, a.display_name AS actor_name, l.details
     FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
     WHERE (l.initiative_id = $1
            -- Sign-ins belong to no initiative: show those of the initiative's members.
            OR (l.initiative_id IS NULL AND l.action LIKE 'session.%'
                AND l.actor_id IN (SELECT account_id FROM memberships WHERE initiative_id = $1)))
       AND ($2::text IS NULL OR l.action = $2)
       AND ($3::uuid IS NULL OR l.actor_id = $3)
       AND ($4::bigint IS NULL OR l.id < $4)
     ORDER BY l.id DESC LIMIT $5`,
    [initiativeId, query.action ?? null, query.actorId ?? null, query.before ?? null, query.limit],
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? '' } : null,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  }));
}
