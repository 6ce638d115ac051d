import type { Queryable } from '../database';

/** The credit a quote will carry in a final text: a person's, never a group's. */
export interface PersonCredit {
  credit: 'name' | 'pseudonym' | 'anonymous';
  name: string | null;
}

/** A request to the quoted person to approve a quote in a finding's final text. */
export interface StoredQuoteApproval {
  findingId: string;
  cardId: string;
  personId: string;
  credit: PersonCredit;
  decision: 'approved' | 'declined' | null;
}

interface ApprovalRow {
  finding_id: string;
  card_id: string;
  person_id: string;
  credit: PersonCredit['credit'];
  credit_name: string | null;
  decision: 'approved' | 'declined' | null;
  [key: string]: unknown;
}

const toApproval = (row: ApprovalRow): StoredQuoteApproval => ({
  findingId: row.finding_id,
  cardId: row.card_id,
  personId: row.person_id,
  credit: { credit: row.credit, name: row.credit_name },
  decision: row.decision,
});

/**
 * Asks `personId` about the card's quote in the finding with this credit. A request already
 * asked about the same person and credit keeps its answer; one about another credit (the story's
 * attribution changed) is asked again. True when something was asked.
 */
export async function requestQuoteApproval(
  db: Queryable,
  request: { findingId: string; cardId: string; personId: string; credit: PersonCredit },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO finding_quote_approvals (finding_id, card_id, person_id, credit, credit_name)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (finding_id, card_id) DO UPDATE
       SET person_id = EXCLUDED.person_id, credit = EXCLUDED.credit,
         credit_name = EXCLUDED.credit_name, decision = NULL, decided_at = NULL,
         requested_at = clock_timestamp()
       WHERE finding_quote_approvals.person_id <> EXCLUDED.person_id
         OR finding_quote_approvals.credit <> EXCLUDED.credit
         OR finding_quote_approvals.credit_name IS DISTINCT FROM EXCLUDED.credit_name
     RETURNING card_id`,
    [
      request.findingId,
      request.cardId,
      request.personId,
      request.credit.credit,
      request.credit.name,
    ],
  );
  return rows.length === 1;
}

/** The requests of one finding. */
export async function listQuoteApprovals(
  db: Queryable,
  findingId: string,
): Promise<StoredQuoteApproval[]> {
  const rows = await db.query<ApprovalRow>(
    'SELECT * FROM finding_quote_approvals WHERE finding_id = $1 ORDER BY requested_at, card_id',
    [findingId],
  );
  return rows.map(toApproval);
}

/** The requests about these cards, in any finding. */
export async function listQuoteApprovalsOfCards(
  db: Queryable,
  cardIds: readonly string[],
): Promise<StoredQuoteApproval[]> {
  if (cardIds.length === 0) return [];
  const rows = await db.query<ApprovalRow>(
    'SELECT * FROM finding_quote_approvals WHERE card_id = ANY($1::uuid[])',
    [cardIds],
  );
  return rows.map(toApproval);
}

/**
 * Stores the quoted person's answer about the credit they were shown (the one the words carry
 * now); false when nothing was asked of them.
 */
export async function decideQuoteApproval(
  db: Queryable,
  answer: {
    findingId: string;
    cardId: string;
    credit: PersonCredit;
    decision: 'approved' | 'declined';
  },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE finding_quote_approvals SET decision = $3, decided_at = clock_timestamp(),
       credit = $4, credit_name = $5
     WHERE finding_id = $1 AND card_id = $2 RETURNING card_id`,
    [answer.findingId, answer.cardId, answer.decision, answer.credit.credit, answer.credit.name],
  );
  return rows.length === 1;
}
