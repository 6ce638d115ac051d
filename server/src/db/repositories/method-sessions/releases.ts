import type { Queryable } from '../../database';
import { json } from './json';

export interface StoredRelease {
  id: string;
  stageId: string;
  spaceId: string;
  decidedBy: string;
  decidedAt: Date;
  items: { sourceStageId: string; text: string }[];
}

export async function insertRelease(
  db: Queryable,
  sessionId: string,
  release: Omit<StoredRelease, 'id' | 'decidedAt'>,
) {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO stage_releases (session_id, stage_id, space_id, decided_by)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [sessionId, release.stageId, release.spaceId, release.decidedBy],
  );
  for (const [position, item] of release.items.entries())
    await db.query(
      `INSERT INTO stage_release_items (release_id, position, source_stage_id, text)
       VALUES ($1, $2, $3, $4)`,
      [row!.id, position, item.sourceStageId, item.text],
    );
}

export async function listReleases(db: Queryable, sessionId: string) {
  const rows = await db.query<{
    id: string;
    stage_id: string;
    space_id: string;
    decided_by: string;
    decided_at: Date;
    items: string;
  }>(
    `SELECT r.id, r.stage_id, r.space_id, r.decided_by, r.decided_at,
       (SELECT coalesce(json_agg(json_build_object('sourceStageId', i.source_stage_id, 'text', i.text)
                                 ORDER BY i.position), '[]')::text
        FROM stage_release_items i WHERE i.release_id = r.id) AS items
     FROM stage_releases r WHERE r.session_id = $1 ORDER BY r.decided_at`,
    [sessionId],
  );
  return rows.map((row): StoredRelease => ({
    id: row.id,
    stageId: row.stage_id,
    spaceId: row.space_id,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    items: json(row.items),
  }));
}

/** One release with its session, for quoting what it let cross. */
export async function findRelease(db: Queryable, id: string) {
  const [row] = await db.query<{ session_id: string }>(
    'SELECT session_id FROM stage_releases WHERE id = $1',
    [id],
  );
  if (!row) return undefined;
  const release = (await listReleases(db, row.session_id)).find((r) => r.id === id);
  return release && { sessionId: row.session_id, ...release };
}
