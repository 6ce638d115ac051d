import type { MethodDefinition } from '@mizug/methods';
import type { Queryable } from '../../database';
import { json } from './json';

/** A run of a method in an initiative (not a sign-in: that is `repositories/sessions.ts`). */
export interface StoredMethodSession {
  id: string;
  initiativeId: string;
  title: string;
  method: MethodDefinition;
  ownerId: string | null;
  /** The owner's story attached as the material of the first stages. */
  ownerStoryId: string | null;
  startedBy: string;
  startedAt: Date;
  alertThreshold: number;
  openStageId: string | null;
  groups: { spaceId: string; facilitatorIds: string[]; representativeIds: string[] }[];
  /** The mixed writing team chosen in the session (MK-8), in the order they were chosen. */
  writingTeamIds: string[];
}

const selectSessions = `
  SELECT s.id, s.initiative_id, s.title, s.method::text AS method, s.owner_id, s.owner_story_id, s.started_by,
    s.started_at, s.alert_threshold,
    (SELECT st.stage_id FROM session_stages st
     WHERE st.session_id = s.id AND st.status = 'open') AS open_stage_id,
    (SELECT coalesce(json_agg(json_build_object(
        'spaceId', g.space_id,
        'facilitatorIds', array(SELECT f.account_id FROM session_facilitators f
                                WHERE f.session_id = g.session_id AND f.space_id = g.space_id),
        'representativeIds', array(SELECT r.account_id FROM session_representatives r
                                   WHERE r.session_id = g.session_id AND r.space_id = g.space_id
                                   ORDER BY r.named_at))), '[]')::text
     FROM session_groups g WHERE g.session_id = s.id) AS groups,
    array(SELECT w.account_id FROM session_writing_team w WHERE w.session_id = s.id
          ORDER BY w.chosen_at, w.account_id) AS writing_team_ids
  FROM method_sessions s`;

interface SessionRow {
  id: string;
  initiative_id: string;
  title: string;
  method: string;
  owner_id: string | null;
  owner_story_id: string | null;
  started_by: string;
  started_at: Date;
  alert_threshold: number;
  open_stage_id: string | null;
  groups: string;
  writing_team_ids: string[];
  [key: string]: unknown;
}

const toSession = (row: SessionRow): StoredMethodSession => ({
  id: row.id,
  initiativeId: row.initiative_id,
  title: row.title,
  method: json<MethodDefinition>(row.method),
  ownerId: row.owner_id,
  ownerStoryId: row.owner_story_id,
  startedBy: row.started_by,
  startedAt: row.started_at,
  alertThreshold: row.alert_threshold,
  openStageId: row.open_stage_id,
  groups: json<StoredMethodSession['groups']>(row.groups),
  writingTeamIds: row.writing_team_ids,
});

export async function findMethodSession(db: Queryable, id: string) {
  const [row] = await db.query<SessionRow>(`${selectSessions} WHERE s.id = $1`, [id]);
  return row && toSession(row);
}

export async function listMethodSessions(db: Queryable, initiativeId: string) {
  const rows = await db.query<SessionRow>(
    `${selectSessions} WHERE s.initiative_id = $1 ORDER BY s.started_at DESC`,
    [initiativeId],
  );
  return rows.map(toSession);
}

export async function insertMethodSession(
  db: Queryable,
  session: {
    initiativeId: string;
    title: string;
    method: MethodDefinition;
    ownerId: string | null;
    startedBy: string;
    groups: { spaceId: string; facilitatorIds: string[] }[];
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO method_sessions (initiative_id, title, method, owner_id, started_by)
     VALUES ($1, $2, $3::text::jsonb, $4, $5) RETURNING id`,
    [
      session.initiativeId,
      session.title,
      JSON.stringify(session.method),
      session.ownerId,
      session.startedBy,
    ],
  );
  const id = row!.id;
  for (const group of session.groups) {
    await db.query('INSERT INTO session_groups (session_id, space_id) VALUES ($1, $2)', [
      id,
      group.spaceId,
    ]);
    for (const facilitatorId of new Set(group.facilitatorIds))
      await db.query(
        'INSERT INTO session_facilitators (session_id, space_id, account_id) VALUES ($1, $2, $3)',
        [id, group.spaceId, facilitatorId],
      );
  }
  // Version 1 of the contract: Mizug's standard terms.
  await db.query(
    'INSERT INTO session_contracts (session_id, version, written_by) VALUES ($1, 1, $2)',
    [id, session.startedBy],
  );
  return id;
}

export async function updateAlertThreshold(db: Queryable, sessionId: string, percent: number) {
  await db.query('UPDATE method_sessions SET alert_threshold = $2 WHERE id = $1', [
    sessionId,
    percent,
  ]);
}

export async function setOwnerStory(db: Queryable, sessionId: string, storyId: string | null) {
  await db.query('UPDATE method_sessions SET owner_story_id = $2 WHERE id = $1', [
    sessionId,
    storyId,
  ]);
}
