import type { FindingStatus, ValidationDecision } from '@mizug/domain';
import type { Queryable } from '../database';

/**
 * A finding row. Its texts live in the board document while it is drafted; `final` holds them
 * as they were made final (frozen, whatever the document says after).
 */
export interface StoredFinding {
  id: string;
  boardId: string;
  initiativeId: string;
  title: string;
  status: FindingStatus;
  round: number;
  position: number;
  final: { statement: string; characteristics: string; questions: string } | null;
  createdBy: string;
  createdAt: Date;
}

interface FindingRow {
  id: string;
  board_id: string;
  initiative_id: string;
  title: string;
  status: FindingStatus;
  round: number;
  position: number;
  final_statement: string | null;
  final_characteristics: string | null;
  final_questions: string | null;
  created_by: string;
  created_at: Date;
  [key: string]: unknown;
}

const toFinding = (row: FindingRow): StoredFinding => ({
  id: row.id,
  boardId: row.board_id,
  initiativeId: row.initiative_id,
  title: row.title,
  status: row.status,
  round: row.round,
  position: row.position,
  final:
    row.final_statement === null
      ? null
      : {
          statement: row.final_statement,
          characteristics: row.final_characteristics ?? '',
          questions: row.final_questions ?? '',
        },
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** A new finding, last on its board. */
export async function insertFinding(
  db: Queryable,
  finding: { boardId: string; initiativeId: string; title: string; createdBy: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO findings (board_id, initiative_id, title, position, created_by)
     VALUES ($1, $2, $3,
       (SELECT coalesce(max(position) + 1, 0) FROM findings WHERE board_id = $1), $4)
     RETURNING id`,
    [finding.boardId, finding.initiativeId, finding.title, finding.createdBy],
  );
  return row!.id;
}

export async function findFinding(db: Queryable, id: string): Promise<StoredFinding | undefined> {
  const [row] = await db.query<FindingRow>('SELECT * FROM findings WHERE id = $1', [id]);
  return row && toFinding(row);
}

/** A board's findings in their order. */
export async function listFindingsOfBoard(
  db: Queryable,
  boardId: string,
): Promise<StoredFinding[]> {
  const rows = await db.query<FindingRow>(
    'SELECT * FROM findings WHERE board_id = $1 ORDER BY position, created_at',
    [boardId],
  );
  return rows.map(toFinding);
}

/** Renames a finding unless it is final (its name is frozen with its text); false when final. */
export async function updateFindingTitle(db: Queryable, id: string, title: string) {
  const rows = await db.query(
    "UPDATE findings SET title = $2 WHERE id = $1 AND status <> 'final' RETURNING id",
    [id, title],
  );
  return rows.length === 1;
}

/**
 * Moves a finding from status `from` in `round` to `to` (opening the next round when
 * `nextRound`), only if it is still there: two people acting at once cannot both move it.
 * False when it was not.
 */
export async function moveFinding(
  db: Queryable,
  id: string,
  move: {
    from: FindingStatus;
    round: number;
    to: FindingStatus;
    nextRound?: boolean;
    final?: StoredFinding['final'];
  },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE findings SET status = $3, round = round + $4,
       final_statement = $5, final_characteristics = $6, final_questions = $7
     WHERE id = $1 AND status = $2 AND round = $8 RETURNING id`,
    [
      id,
      move.from,
      move.to,
      move.nextRound ? 1 : 0,
      move.final?.statement ?? null,
      move.final?.characteristics ?? null,
      move.final?.questions ?? null,
      move.round,
    ],
  );
  return rows.length === 1;
}

/** What the statement said when a round was returned. */
export async function insertRound(
  db: Queryable,
  round: { findingId: string; round: number; statement: string; returnedBy: string },
) {
  await db.query(
    `INSERT INTO finding_rounds (finding_id, round, statement, returned_by)
     VALUES ($1, $2, $3, $4)`,
    [round.findingId, round.round, round.statement, round.returnedBy],
  );
}

/** The statement returned in `round`, if it was. */
export async function findRoundStatement(
  db: Queryable,
  findingId: string,
  round: number,
): Promise<string | null> {
  const [row] = await db.query<{ statement: string }>(
    'SELECT statement FROM finding_rounds WHERE finding_id = $1 AND round = $2',
    [findingId, round],
  );
  return row?.statement ?? null;
}

export interface StoredDecision {
  spaceId: string;
  decision: ValidationDecision;
  comment: string;
  recordedBy: { id: string; displayName: string };
  recordedAt: Date;
}

/** A member's decision for their group this round; recording again replaces theirs. */
export async function recordDecision(
  db: Queryable,
  decision: {
    findingId: string;
    round: number;
    spaceId: string;
    decision: ValidationDecision;
    comment: string;
    recordedBy: string;
  },
) {
  await db.query(
    `INSERT INTO finding_decisions (finding_id, round, space_id, decision, comment, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (finding_id, round, space_id, recorded_by)
     DO UPDATE SET decision = EXCLUDED.decision, comment = EXCLUDED.comment,
       recorded_at = clock_timestamp()`,
    [
      decision.findingId,
      decision.round,
      decision.spaceId,
      decision.decision,
      decision.comment,
      decision.recordedBy,
    ],
  );
}

/** The decisions recorded in a round, oldest first. */
export async function listDecisions(
  db: Queryable,
  findingId: string,
  round: number,
): Promise<StoredDecision[]> {
  const rows = await db.query<{
    space_id: string;
    decision: ValidationDecision;
    comment: string;
    recorded_by: string;
    display_name: string;
    recorded_at: Date;
  }>(
    `SELECT d.space_id, d.decision, d.comment, d.recorded_by, a.display_name, d.recorded_at
     FROM finding_decisions d JOIN accounts a ON a.id = d.recorded_by
     WHERE d.finding_id = $1 AND d.round = $2 ORDER BY d.recorded_at, d.id`,
    [findingId, round],
  );
  return rows.map((row) => ({
    spaceId: row.space_id,
    decision: row.decision,
    comment: row.comment,
    recordedBy: { id: row.recorded_by, displayName: row.display_name },
    recordedAt: row.recorded_at,
  }));
}

export interface StoredDisagreement {
  id: string;
  spaceId: string;
  position: string;
  recordedBy: { id: string; displayName: string };
  recordedAt: Date;
}

export async function insertDisagreement(
  db: Queryable,
  entry: { findingId: string; spaceId: string; position: string; recordedBy: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO finding_disagreements (finding_id, space_id, position, recorded_by)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [entry.findingId, entry.spaceId, entry.position, entry.recordedBy],
  );
  return row!.id;
}

/** A finding's disagreement register, oldest first. */
export async function listDisagreements(
  db: Queryable,
  findingId: string,
): Promise<StoredDisagreement[]> {
  const rows = await db.query<{
    id: string;
    space_id: string;
    position: string;
    recorded_by: string;
    display_name: string;
    recorded_at: Date;
  }>(
    `SELECT d.id, d.space_id, d.position, d.recorded_by, a.display_name, d.recorded_at
     FROM finding_disagreements d JOIN accounts a ON a.id = d.recorded_by
     WHERE d.finding_id = $1 ORDER BY d.recorded_at, d.id`,
    [findingId],
  );
  return rows.map((row) => ({
    id: row.id,
    spaceId: row.space_id,
    position: row.position,
    recordedBy: { id: row.recorded_by, displayName: row.display_name },
    recordedAt: row.recorded_at,
  }));
}

/** Keeps a finding's cards, in their order, as they were placed when it was made final. */
export async function insertFinalCards(
  db: Queryable,
  findingId: string,
  cardIds: readonly string[],
) {
  for (const [position, cardId] of cardIds.entries())
    await db.query(
      'INSERT INTO finding_final_cards (finding_id, card_id, position) VALUES ($1, $2, $3)',
      [findingId, cardId, position],
    );
}

/** The cards of final findings, in their order, by finding id. */
export async function listFinalCards(
  db: Queryable,
  findingIds: readonly string[],
): Promise<Map<string, string[]>> {
  const cards = new Map<string, string[]>();
  if (findingIds.length === 0) return cards;
  const rows = await db.query<{ finding_id: string; card_id: string }>(
    `SELECT finding_id, card_id FROM finding_final_cards WHERE finding_id = ANY($1::uuid[])
     ORDER BY finding_id, position`,
    [findingIds],
  );
  for (const row of rows)
    cards.set(row.finding_id, [...(cards.get(row.finding_id) ?? []), row.card_id]);
  return cards;
}

/** When each round of a finding was returned to its groups, oldest first. */
export async function listRounds(
  db: Queryable,
  findingId: string,
): Promise<{ round: number; returnedAt: Date }[]> {
  const rows = await db.query<{ round: number; returned_at: Date }>(
    'SELECT round, returned_at FROM finding_rounds WHERE finding_id = $1 ORDER BY round',
    [findingId],
  );
  return rows.map((row) => ({ round: row.round, returnedAt: row.returned_at }));
}
