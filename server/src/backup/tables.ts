import type { DocumentKind } from '@mizug/domain';

/**
 * Which tables an initiative's backup holds, in the order restore inserts them (every table after
 * the tables its foreign keys point at; tests/backup-tables.test.ts checks both that order and
 * that every table of the schema is listed here or in `excludedTables`).
 *
 * `scope` is a WHERE clause over the table aliased `t`, with `$1` the initiative id.
 */
export interface BackupTable {
  name: string;
  scope: string;
  /** Left out of the rows: stored as a media entry of its own (`media/<table>/<id>`). */
  mediaColumn?: string;
  /** Left out of the rows entirely (see docs/BACKUP.md for why). */
  omitColumns?: string[];
  /** A column pointing at the same table: rows are written parents first. */
  parentColumn?: string;
  /** Overrides the canonical row order (content order) when the order itself carries meaning. */
  orderBy?: string;
}

const ofInitiative = 't.initiative_id = $1';
const ofSpaces = 't.space_id IN (SELECT id FROM spaces WHERE initiative_id = $1)';
const ofStories = 't.story_id IN (SELECT id FROM stories WHERE initiative_id = $1)';
const ofSessions = 't.session_id IN (SELECT id FROM method_sessions WHERE initiative_id = $1)';
const ofFindings = 't.finding_id IN (SELECT id FROM findings WHERE initiative_id = $1)';

/**
 * The resources whose collaborative documents (`<kind>.<resource id>.<slot>`) are the
 * initiative's, one query per document kind: a new kind does not compile until it is here.
 */
const documentResources: Record<DocumentKind, string> = {
  space: 'SELECT id FROM spaces WHERE initiative_id = $1',
  story: 'SELECT id FROM stories WHERE initiative_id = $1',
  stage: `SELECT c.id FROM stage_canvases c
    JOIN method_sessions s ON s.id = c.session_id WHERE s.initiative_id = $1`,
  board: 'SELECT id FROM boards WHERE initiative_id = $1',
};

export const ofDocuments = `(${Object.entries(documentResources)
  .map(
    ([kind, resources]) =>
      `(split_part(t.doc_name, '.', 1) = '${kind}'
        AND split_part(t.doc_name, '.', 2) IN (SELECT id::text FROM (${resources}) r))`,
  )
  .join(' OR ')})`;

export const backupTables: BackupTable[] = [
  { name: 'initiatives', scope: 't.id = $1' },
  { name: 'spaces', scope: ofInitiative },
  { name: 'memberships', scope: ofInitiative },
  { name: 'space_members', scope: ofSpaces },
  { name: 'invitations', scope: ofInitiative },
  { name: 'stories', scope: ofInitiative },
  { name: 'story_supporters', scope: ofStories },
  { name: 'story_photos', scope: ofStories, mediaColumn: 'bytes' },
  { name: 'story_recordings', scope: ofStories, mediaColumn: 'bytes' },
  { name: 'initiative_methods', scope: ofInitiative },
  { name: 'method_sessions', scope: ofInitiative },
  // Before the contributions: a PW-9 response names the finding it answers.
  { name: 'boards', scope: ofInitiative },
  { name: 'findings', scope: ofInitiative },
  { name: 'session_groups', scope: ofSessions },
  { name: 'session_facilitators', scope: ofSessions },
  { name: 'session_representatives', scope: ofSessions },
  { name: 'session_stages', scope: ofSessions },
  { name: 'session_stage_events', scope: ofSessions },
  { name: 'stage_canvases', scope: ofSessions },
  { name: 'stage_validations', scope: ofSessions },
  { name: 'stage_releases', scope: ofSessions },
  {
    name: 'stage_release_items',
    scope: `t.release_id IN (SELECT r.id FROM stage_releases r
      JOIN method_sessions s ON s.id = r.session_id WHERE s.initiative_id = $1)`,
  },
  { name: 'stage_contributions', scope: ofSessions, parentColumn: 'parent_id' },
  { name: 'stage_owner_confirmations', scope: ofSessions },
  { name: 'session_contracts', scope: ofSessions },
  { name: 'contract_acceptances', scope: ofSessions },
  { name: 'session_writing_team', scope: ofSessions },
  { name: 'dependency_declarations', scope: ofInitiative },
  { name: 'codes', scope: ofInitiative, parentColumn: 'parent_id' },
  { name: 'insight_cards', scope: ofInitiative },
  {
    name: 'codings',
    scope: 't.code_id IN (SELECT id FROM codes WHERE initiative_id = $1)',
  },
  { name: 'quote_requests', scope: ofStories },
  { name: 'finding_rounds', scope: ofFindings },
  { name: 'finding_decisions', scope: ofFindings },
  { name: 'finding_disagreements', scope: ofFindings },
  { name: 'finding_quote_approvals', scope: ofFindings },
  { name: 'finding_final_cards', scope: ofFindings },
  // The id is the instance's running number: the restored entries get the target's next ones,
  // in the same order.
  { name: 'audit_log', scope: ofInitiative, omitColumns: ['id'], orderBy: 't.id' },
  { name: 'collab_contributors', scope: ofDocuments },
  { name: 'document_versions', scope: ofDocuments },
];

/**
 * People are written first (`rows/accounts.ndjson`): every account a row of the initiative
 * points at. Being an instance admin belongs to the instance, not to the person, so it stays
 * behind.
 */
export const accountsTable = { name: 'accounts', omitColumns: ['is_instance_admin'] };

/** A document's snapshot and pending updates become ONE Yjs state: `documents/<name>.yjs`. */
export const documentTables = ['collab_snapshots', 'collab_updates'];

/** Tables that are not an initiative's, and why. */
export const excludedTables: Record<string, string> = {
  instance: "the instance's own identity and setup link",
  schema_migrations: "the target instance's own migration record",
  sessions: 'sign-in sessions: a restored person signs in again on the new instance',
  login_attempts: 'sign-in throttling of this instance, not tied to an initiative',
  demo_people:
    "who the sign-in page of this instance's demo offers; an initiative restored elsewhere is not a demo",
  search_texts:
    'derived from stories and documents: the first search that meets a restored story rebuilds its entry',
};
