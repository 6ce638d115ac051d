import type {
  ContractTerms,
  ContributionKind,
  DependencyRelation,
  NewContribution,
  ValidationDecision,
} from '@mizug/domain';
import type { MethodDefinition } from '@mizug/methods';
import type { Queryable } from '../database';

// jsonb comes back as an object from one driver and a string from the other: select it as text.
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export interface StoredSession {
  id: string;
  initiativeId: string;
  title: string;
  method: MethodDefinition;
  ownerId: string | null;
  startedBy: string;
  startedAt: Date;
  alertThreshold: number;
  openStageId: string | null;
  groups: { spaceId: string; facilitatorIds: string[]; representativeIds: string[] }[];
}

const selectSessions = `
  SELECT s.id, s.initiative_id, s.title, s.method::text AS method, s.owner_id, s.started_by,
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
     FROM session_groups g WHERE g.session_id = s.id) AS groups
  FROM method_sessions s`;

interface SessionRow {
  id: string;
  initiative_id: string;
  title: string;
  method: string;
  owner_id: string | null;
  started_by: string;
  started_at: Date;
  alert_threshold: number;
  open_stage_id: string | null;
  groups: string;
  [key: string]: unknown;
}

const toSession = (row: SessionRow): StoredSession => ({
  id: row.id,
  initiativeId: row.initiative_id,
  title: row.title,
  method: json<MethodDefinition>(row.method),
  ownerId: row.owner_id,
  startedBy: row.started_by,
  startedAt: row.started_at,
  alertThreshold: row.alert_threshold,
  openStageId: row.open_stage_id,
  groups: json<StoredSession['groups']>(row.groups),
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

export async function replaceRepresentatives(
  db: Queryable,
  sessionId: string,
  spaceId: string,
  accountIds: string[],
  namedBy: string,
) {
  await db.query('DELETE FROM session_representatives WHERE session_id = $1 AND space_id = $2', [
    sessionId,
    spaceId,
  ]);
  for (const accountId of new Set(accountIds))
    await db.query(
      `INSERT INTO session_representatives (session_id, space_id, account_id, named_by)
       VALUES ($1, $2, $3, $4)`,
      [sessionId, spaceId, accountId, namedBy],
    );
}

// Stages

export interface StoredStageState {
  stageId: string;
  status: 'open' | 'closed';
  round: number;
  timerEndsAt: Date | null;
}

export async function listStageStates(db: Queryable, sessionId: string) {
  const rows = await db.query<{
    stage_id: string;
    status: 'open' | 'closed';
    round: number;
    timer_ends_at: Date | null;
  }>('SELECT stage_id, status, round, timer_ends_at FROM session_stages WHERE session_id = $1', [
    sessionId,
  ]);
  return rows.map((row): StoredStageState => ({
    stageId: row.stage_id,
    status: row.status,
    round: row.round,
    timerEndsAt: row.timer_ends_at,
  }));
}

/** Opens a stage for the first time, or again in a new round. */
export async function openStage(db: Queryable, sessionId: string, stageId: string) {
  await db.query(
    `INSERT INTO session_stages (session_id, stage_id, status) VALUES ($1, $2, 'open')
     ON CONFLICT (session_id, stage_id)
     DO UPDATE SET status = 'open', round = session_stages.round + 1, timer_ends_at = NULL,
       changed_at = now()`,
    [sessionId, stageId],
  );
}

export async function closeStage(db: Queryable, sessionId: string, stageId: string) {
  await db.query(
    `UPDATE session_stages SET status = 'closed', timer_ends_at = NULL, changed_at = now()
     WHERE session_id = $1 AND stage_id = $2`,
    [sessionId, stageId],
  );
}

export async function setStageTimer(
  db: Queryable,
  sessionId: string,
  stageId: string,
  endsAt: Date | null,
) {
  await db.query(
    'UPDATE session_stages SET timer_ends_at = $3 WHERE session_id = $1 AND stage_id = $2',
    [sessionId, stageId, endsAt],
  );
}

export async function recordStageEvent(
  db: Queryable,
  event: {
    sessionId: string;
    stageId: string;
    action: 'opened' | 'closed' | 'reopened';
    actorId: string;
    overrideReason?: string;
  },
) {
  await db.query(
    `INSERT INTO session_stage_events (session_id, stage_id, action, actor_id, override_reason)
     VALUES ($1, $2, $3, $4, $5)`,
    [event.sessionId, event.stageId, event.action, event.actorId, event.overrideReason ?? null],
  );
}

export async function listStageEvents(db: Queryable, sessionId: string) {
  const rows = await db.query<{
    stage_id: string;
    action: 'opened' | 'closed' | 'reopened';
    override_reason: string | null;
    actor_id: string;
    at: Date;
  }>(
    `SELECT stage_id, action, override_reason, actor_id, at FROM session_stage_events
     WHERE session_id = $1 ORDER BY at`,
    [sessionId],
  );
  return rows.map((row) => ({
    stageId: row.stage_id,
    action: row.action,
    overrideReason: row.override_reason,
    actorId: row.actor_id,
    at: row.at,
  }));
}

// Canvases

export interface StoredCanvas {
  id: string;
  sessionId: string;
  stageId: string;
  spaceId: string | null;
  purpose: 'work' | 'facilitator_notes';
}

const toCanvas = (row: {
  id: string;
  session_id: string;
  stage_id: string;
  space_id: string | null;
  purpose: StoredCanvas['purpose'];
}): StoredCanvas => ({
  id: row.id,
  sessionId: row.session_id,
  stageId: row.stage_id,
  spaceId: row.space_id,
  purpose: row.purpose,
});

export async function ensureCanvas(
  db: Queryable,
  canvas: Omit<StoredCanvas, 'id'>,
): Promise<StoredCanvas> {
  await db.query(
    `INSERT INTO stage_canvases (session_id, stage_id, space_id, purpose) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [canvas.sessionId, canvas.stageId, canvas.spaceId, canvas.purpose],
  );
  const [row] = await db.query<Parameters<typeof toCanvas>[0]>(
    `SELECT * FROM stage_canvases WHERE session_id = $1 AND stage_id = $2
       AND space_id IS NOT DISTINCT FROM $3 AND purpose = $4`,
    [canvas.sessionId, canvas.stageId, canvas.spaceId, canvas.purpose],
  );
  return toCanvas(row!);
}

export async function findCanvas(db: Queryable, id: string) {
  const [row] = await db.query<Parameters<typeof toCanvas>[0]>(
    'SELECT * FROM stage_canvases WHERE id = $1',
    [id],
  );
  return row && toCanvas(row);
}

export async function listCanvases(db: Queryable, sessionId: string) {
  const rows = await db.query<Parameters<typeof toCanvas>[0]>(
    'SELECT * FROM stage_canvases WHERE session_id = $1',
    [sessionId],
  );
  return rows.map(toCanvas);
}

// Validations, releases, owner confirmations

export interface StoredValidation {
  stageId: string;
  spaceId: string;
  round: number;
  decision: ValidationDecision;
  comment: string;
  decidedBy: string;
  decidedAt: Date;
}

export async function insertValidation(
  db: Queryable,
  sessionId: string,
  validation: Omit<StoredValidation, 'decidedAt'>,
) {
  await db.query(
    `INSERT INTO stage_validations (session_id, stage_id, space_id, round, decision, comment, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      sessionId,
      validation.stageId,
      validation.spaceId,
      validation.round,
      validation.decision,
      validation.comment,
      validation.decidedBy,
    ],
  );
}

export async function listValidations(db: Queryable, sessionId: string) {
  const rows = await db.query<{
    stage_id: string;
    space_id: string;
    round: number;
    decision: ValidationDecision;
    comment: string;
    decided_by: string;
    decided_at: Date;
  }>(
    `SELECT stage_id, space_id, round, decision, comment, decided_by, decided_at
     FROM stage_validations WHERE session_id = $1 ORDER BY decided_at`,
    [sessionId],
  );
  return rows.map((row): StoredValidation => ({
    stageId: row.stage_id,
    spaceId: row.space_id,
    round: row.round,
    decision: row.decision,
    comment: row.comment,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  }));
}

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

export async function insertOwnerConfirmation(
  db: Queryable,
  sessionId: string,
  stageId: string,
  round: number,
  confirmedBy: string,
) {
  await db.query(
    `INSERT INTO stage_owner_confirmations (session_id, stage_id, round, confirmed_by)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [sessionId, stageId, round, confirmedBy],
  );
}

export async function listOwnerConfirmations(db: Queryable, sessionId: string) {
  const rows = await db.query<{ stage_id: string; round: number; confirmed_at: Date }>(
    `SELECT stage_id, round, confirmed_at FROM stage_owner_confirmations WHERE session_id = $1`,
    [sessionId],
  );
  return rows.map((row) => ({
    stageId: row.stage_id,
    round: row.round,
    confirmedAt: row.confirmed_at,
  }));
}

// Contributions

export interface StoredContribution {
  id: string;
  stageId: string;
  spaceId: string;
  authorId: string;
  authorGroupId: string | null;
  onBehalfOf: boolean;
  kind: ContributionKind;
  body: string;
  parentId: string | null;
  sourceTags: NewContribution['sourceTags'];
  confidence: NonNullable<NewContribution['confidence']> | null;
  stance: NonNullable<NewContribution['stance']> | null;
  createdAt: Date;
}

export async function insertContribution(
  db: Queryable,
  sessionId: string,
  contribution: Omit<StoredContribution, 'id' | 'createdAt'>,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO stage_contributions (session_id, stage_id, space_id, author_id, author_group_id,
       on_behalf_of, kind, body, parent_id, source_tags, confidence, stance)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      sessionId,
      contribution.stageId,
      contribution.spaceId,
      contribution.authorId,
      contribution.authorGroupId,
      contribution.onBehalfOf,
      contribution.kind,
      contribution.body,
      contribution.parentId,
      contribution.sourceTags,
      contribution.confidence ?? null,
      contribution.stance ?? null,
    ],
  );
  return row!.id;
}

type ContributionRow = {
  id: string;
  stage_id: string;
  space_id: string;
  author_id: string;
  author_group_id: string | null;
  on_behalf_of: boolean;
  kind: ContributionKind;
  body: string;
  parent_id: string | null;
  source_tags: StoredContribution['sourceTags'];
  confidence: StoredContribution['confidence'];
  stance: StoredContribution['stance'];
  created_at: Date;
};

const toContribution = (row: ContributionRow): StoredContribution => ({
  id: row.id,
  stageId: row.stage_id,
  spaceId: row.space_id,
  authorId: row.author_id,
  authorGroupId: row.author_group_id,
  onBehalfOf: row.on_behalf_of,
  kind: row.kind,
  body: row.body,
  parentId: row.parent_id,
  sourceTags: row.source_tags,
  confidence: row.confidence,
  stance: row.stance,
  createdAt: row.created_at,
});

export async function listContributions(db: Queryable, sessionId: string) {
  const rows = await db.query<ContributionRow>(
    'SELECT * FROM stage_contributions WHERE session_id = $1 ORDER BY created_at',
    [sessionId],
  );
  return rows.map(toContribution);
}

export async function findContribution(db: Queryable, sessionId: string, id: string) {
  const [row] = await db.query<ContributionRow>(
    'SELECT * FROM stage_contributions WHERE session_id = $1 AND id = $2',
    [sessionId, id],
  );
  return row && toContribution(row);
}

/** Who edited a session's canvases, and when last (the collaboration service records it). */
export async function listCanvasEditors(db: Queryable, sessionId: string) {
  const rows = await db.query<{ canvas_id: string; account_id: string; last_edit_at: Date }>(
    `SELECT c.id AS canvas_id, cc.account_id, cc.last_edit_at
     FROM stage_canvases c JOIN collab_contributors cc ON cc.doc_name = 'stage.' || c.id || '.body'
     WHERE c.session_id = $1`,
    [sessionId],
  );
  return rows.map((row) => ({
    canvasId: row.canvas_id,
    accountId: row.account_id,
    lastEditAt: row.last_edit_at,
  }));
}

// Contract

export async function currentContract(db: Queryable, sessionId: string) {
  const [row] = await db.query<{ version: number; terms: string | null }>(
    `SELECT version, terms::text AS terms FROM session_contracts WHERE session_id = $1
     ORDER BY version DESC LIMIT 1`,
    [sessionId],
  );
  return { version: row!.version, terms: row!.terms ? json<ContractTerms>(row!.terms) : null };
}

export async function insertContractVersion(
  db: Queryable,
  sessionId: string,
  terms: ContractTerms,
  writtenBy: string,
): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    `INSERT INTO session_contracts (session_id, version, terms, written_by)
     SELECT $1, max(version) + 1, $2::text::jsonb, $3 FROM session_contracts WHERE session_id = $1
     RETURNING version`,
    [sessionId, JSON.stringify(terms), writtenBy],
  );
  return row!.version;
}

export async function acceptContract(
  db: Queryable,
  sessionId: string,
  version: number,
  accountId: string,
) {
  await db.query(
    `INSERT INTO contract_acceptances (session_id, version, account_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [sessionId, version, accountId],
  );
}

export async function listContractAcceptors(db: Queryable, sessionId: string, version: number) {
  const rows = await db.query<{ account_id: string }>(
    'SELECT account_id FROM contract_acceptances WHERE session_id = $1 AND version = $2',
    [sessionId, version],
  );
  return new Set(rows.map((row) => row.account_id));
}

// Dependencies

export async function upsertDependency(
  db: Queryable,
  declaration: {
    initiativeId: string;
    declaredBy: string;
    otherId: string;
    relation: DependencyRelation;
  },
) {
  await db.query(
    `INSERT INTO dependency_declarations (initiative_id, declared_by, other_id, relation)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (initiative_id, declared_by, other_id) DO UPDATE SET relation = $4,
       declared_at = now()`,
    [declaration.initiativeId, declaration.declaredBy, declaration.otherId, declaration.relation],
  );
}

export async function listDependencies(db: Queryable, initiativeId: string) {
  const rows = await db.query<{
    declared_by: string;
    other_id: string;
    relation: DependencyRelation;
  }>(
    'SELECT declared_by, other_id, relation FROM dependency_declarations WHERE initiative_id = $1',
    [initiativeId],
  );
  return rows.map((row) => ({
    declaredBy: row.declared_by,
    otherId: row.other_id,
    relation: row.relation,
  }));
}

// Adapted methods

export async function insertInitiativeMethod(
  db: Queryable,
  initiativeId: string,
  definition: MethodDefinition,
  createdBy: string,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO initiative_methods (initiative_id, definition, created_by)
     VALUES ($1, $2::text::jsonb, $3) RETURNING id`,
    [initiativeId, JSON.stringify(definition), createdBy],
  );
  return row!.id;
}

export async function updateInitiativeMethod(
  db: Queryable,
  id: string,
  definition: MethodDefinition,
) {
  await db.query(
    `UPDATE initiative_methods SET definition = $2::text::jsonb, updated_at = now() WHERE id = $1`,
    [id, JSON.stringify(definition)],
  );
}

export async function listInitiativeMethods(db: Queryable, initiativeId: string) {
  const rows = await db.query<{ id: string; initiative_id: string; definition: string }>(
    `SELECT id, initiative_id, definition::text AS definition FROM initiative_methods
     WHERE initiative_id = $1 ORDER BY created_at`,
    [initiativeId],
  );
  return rows.map((row) => ({
    id: row.id,
    initiativeId: row.initiative_id,
    definition: json<MethodDefinition>(row.definition),
  }));
}

export async function findInitiativeMethod(db: Queryable, id: string) {
  const [row] = await db.query<{ id: string; initiative_id: string; definition: string }>(
    `SELECT id, initiative_id, definition::text AS definition FROM initiative_methods WHERE id = $1`,
    [id],
  );
  return (
    row && {
      id: row.id,
      initiativeId: row.initiative_id,
      definition: json<MethodDefinition>(row.definition),
    }
  );
}

export async function updateAlertThreshold(db: Queryable, sessionId: string, percent: number) {
  await db.query('UPDATE method_sessions SET alert_threshold = $2 WHERE id = $1', [
    sessionId,
    percent,
  ]);
}
