import type { ContributionKind, NewContribution } from '@mizug/domain';
import type { Queryable } from '../../database';

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
  /** The proposition (a finding on a group's board) a response answers. */
  findingId: string | null;
  sourceTags: NewContribution['sourceTags'];
  confidence: NonNullable<NewContribution['confidence']> | null;
  stance: NonNullable<NewContribution['stance']> | null;
  createdAt: Date;
  /** Its author withdrew it; null while it stands. */
  withdrawnAt: Date | null;
}

export async function insertContribution(
  db: Queryable,
  sessionId: string,
  contribution: Omit<StoredContribution, 'id' | 'createdAt' | 'withdrawnAt'>,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO stage_contributions (session_id, stage_id, space_id, author_id, author_group_id,
       on_behalf_of, kind, body, parent_id, finding_id, source_tags, confidence, stance)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
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
      contribution.findingId,
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
  finding_id: string | null;
  source_tags: StoredContribution['sourceTags'];
  confidence: StoredContribution['confidence'];
  stance: StoredContribution['stance'];
  created_at: Date;
  withdrawn_at: Date | null;
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
  findingId: row.finding_id,
  sourceTags: row.source_tags,
  confidence: row.confidence,
  stance: row.stance,
  createdAt: row.created_at,
  withdrawnAt: row.withdrawn_at,
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

/** A post by its id alone, with its session (a card quoting it names only the post). */
export async function findContributionById(db: Queryable, id: string) {
  const [row] = await db.query<ContributionRow & { session_id: string }>(
    'SELECT * FROM stage_contributions WHERE id = $1',
    [id],
  );
  return row && { sessionId: row.session_id, ...toContribution(row) };
}

/** Marks a post withdrawn by its author, or (with `withdrawn` false) standing again. */
export async function setContributionWithdrawn(db: Queryable, id: string, withdrawn: boolean) {
  await db.query(
    `UPDATE stage_contributions
     SET withdrawn_at = CASE WHEN $2 THEN coalesce(withdrawn_at, clock_timestamp()) END
     WHERE id = $1`,
    [id, withdrawn],
  );
}
