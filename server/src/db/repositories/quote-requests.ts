import type { Queryable } from '../database';

/** Asks the teller of `storyId` about the card; `approved` when the teller made it themselves. */
export async function insertQuoteRequest(
  db: Queryable,
  request: { cardId: string; storyId: string; decision: 'approved' | null },
): Promise<void> {
  await db.query(
    `INSERT INTO quote_requests (card_id, story_id, decision, decided_at)
     VALUES ($1, $2, $3, CASE WHEN $3::text IS NULL THEN NULL ELSE clock_timestamp() END)`,
    [request.cardId, request.storyId, request.decision],
  );
}

/**
 * Stores the teller's answer. A card made while the story's quoting was `yes` has no request
 * yet; it gets one with the answer.
 */
export async function decideQuoteRequest(
  db: Queryable,
  request: { cardId: string; storyId: string; decision: 'approved' | 'declined' },
): Promise<void> {
  await db.query(
    `INSERT INTO quote_requests (card_id, story_id, decision, decided_at)
     VALUES ($1, $2, $3, clock_timestamp())
     ON CONFLICT (card_id) DO UPDATE SET decision = $3, decided_at = clock_timestamp()`,
    [request.cardId, request.storyId, request.decision],
  );
}
