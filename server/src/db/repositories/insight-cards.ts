import type { CardSource } from '@mizug/domain';
import type { Queryable } from '../database';
import { toBytes } from './collab-documents';

/** A card row: what was quoted where, by whom; what it shows of its source is read live. */
export interface StoredCard {
  id: string;
  initiativeId: string;
  spaceId: string;
  source: CardSource;
  /** The story a card of a story, a photo or a recording quotes (which outlives the last two). */
  storyId: string | null;
  quote: string;
  /** `Y.encodeRelativePosition` of the quote's start and end, for collaborative sources. */
  anchor: { start: Uint8Array; end: Uint8Array } | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  codeIds: string[];
  /** Its teller (or a post's author) withdrew this one quote. */
  quoteWithdrawnAt: Date | null;
  /** The teller's answer to the request to quote them (`quote_requests`), if any. */
  quoteDecision: 'approved' | 'declined' | null;
}

interface CardRow {
  id: string;
  initiative_id: string;
  space_id: string;
  source_kind: CardSource['kind'];
  story_id: string | null;
  canvas_id: string | null;
  post_id: string | null;
  release_id: string | null;
  release_item: number | null;
  photo_id: string | null;
  recording_id: string | null;
  quote: string;
  anchor_start: Uint8Array | null;
  anchor_end: Uint8Array | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  code_ids: string | string[] | null;
  quote_withdrawn_at: Date | null;
  quote_decision: 'approved' | 'declined' | null;
  [key: string]: unknown;
}

const selectCards = `
  SELECT c.*, a.display_name AS created_by_name,
    (SELECT coalesce(json_agg(g.code_id ORDER BY g.coded_at, g.code_id), '[]')::text
     FROM codings g WHERE g.card_id = c.id) AS code_ids,
    (SELECT q.decision FROM quote_requests q WHERE q.card_id = c.id) AS quote_decision
  FROM insight_cards c JOIN accounts a ON a.id = c.created_by`;

function sourceOf(row: CardRow): CardSource {
  switch (row.source_kind) {
    case 'story':
      return { kind: 'story', id: row.story_id! };
    case 'photo':
      return { kind: 'photo', id: row.photo_id! };
    case 'transcript':
      return { kind: 'transcript', id: row.recording_id! };
    case 'canvas':
      return { kind: 'canvas', id: row.canvas_id! };
    case 'post':
      return { kind: 'post', id: row.post_id! };
    case 'release':
      return { kind: 'release', id: row.release_id!, item: row.release_item! };
  }
}

const toCard = (row: CardRow): StoredCard => ({
  id: row.id,
  initiativeId: row.initiative_id,
  spaceId: row.space_id,
  source: sourceOf(row),
  storyId: row.story_id,
  quote: row.quote,
  anchor:
    row.anchor_start && row.anchor_end
      ? { start: toBytes(row.anchor_start), end: toBytes(row.anchor_end) }
      : null,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  codeIds: typeof row.code_ids === 'string' ? JSON.parse(row.code_ids) : (row.code_ids ?? []),
  quoteWithdrawnAt: row.quote_withdrawn_at,
  quoteDecision: row.quote_decision,
});

export async function insertCard(
  db: Queryable,
  card: Pick<
    StoredCard,
    'initiativeId' | 'spaceId' | 'source' | 'storyId' | 'quote' | 'anchor' | 'createdBy'
  >,
): Promise<string> {
  const { source } = card;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO insight_cards (initiative_id, space_id, source_kind, story_id, canvas_id,
       post_id, release_id, release_item, quote, anchor_start, anchor_end, created_by,
       photo_id, recording_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      card.initiativeId,
      card.spaceId,
      source.kind,
      card.storyId,
      source.kind === 'canvas' ? source.id : null,
      source.kind === 'post' ? source.id : null,
      source.kind === 'release' ? source.id : null,
      source.kind === 'release' ? source.item : null,
      card.quote,
      card.anchor?.start ?? null,
      card.anchor?.end ?? null,
      card.createdBy,
      source.kind === 'photo' ? source.id : null,
      source.kind === 'transcript' ? source.id : null,
    ],
  );
  return row!.id;
}

export async function findCard(db: Queryable, id: string): Promise<StoredCard | undefined> {
  const [row] = await db.query<CardRow>(`${selectCards} WHERE c.id = $1`, [id]);
  return row && toCard(row);
}

/** The cards made in a space, oldest first. */
export async function listCardsInSpace(db: Queryable, spaceId: string): Promise<StoredCard[]> {
  const rows = await db.query<CardRow>(
    `${selectCards} WHERE c.space_id = $1 ORDER BY c.created_at, c.id`,
    [spaceId],
  );
  return rows.map(toCard);
}

/** The cards quoting any of these stories or posts, oldest first. */
export async function listCardsQuoting(
  db: Queryable,
  sources: { storyIds: readonly string[]; postIds: readonly string[] },
): Promise<StoredCard[]> {
  if (sources.storyIds.length === 0 && sources.postIds.length === 0) return [];
  const rows = await db.query<CardRow>(
    `${selectCards} WHERE c.story_id = ANY($1::uuid[]) OR c.post_id = ANY($2::uuid[])
     ORDER BY c.created_at, c.id`,
    [sources.storyIds, sources.postIds],
  );
  return rows.map(toCard);
}

/** The cards of an initiative quoting posts `authorId` wrote, oldest first. */
export async function listCardsQuotingPostsBy(
  db: Queryable,
  initiativeId: string,
  authorId: string,
): Promise<StoredCard[]> {
  const rows = await db.query<CardRow>(
    `${selectCards} WHERE c.initiative_id = $1
       AND c.post_id IN (SELECT p.id FROM stage_contributions p WHERE p.author_id = $2)
     ORDER BY c.created_at, c.id`,
    [initiativeId, authorId],
  );
  return rows.map(toCard);
}

/** Marks one quote withdrawn by the person it quotes; the row stays so the card shows it. */
export async function withdrawQuote(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE insight_cards SET quote_withdrawn_at = clock_timestamp() WHERE id = $1', [
    id,
  ]);
}

export async function deleteCard(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM insight_cards WHERE id = $1', [id]);
}

/** Of `codeIds`, those that are codes of the initiative. */
export async function codesOfInitiative(
  db: Queryable,
  initiativeId: string,
  codeIds: readonly string[],
): Promise<string[]> {
  if (codeIds.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM codes WHERE initiative_id = $1 AND id = ANY($2::uuid[])',
    [initiativeId, codeIds],
  );
  return rows.map((row) => row.id);
}

/** Makes the card carry exactly `codeIds`, keeping who coded the ones it already had. */
export async function replaceCardCodes(
  db: Queryable,
  cardId: string,
  codeIds: readonly string[],
  codedBy: string,
): Promise<void> {
  await db.query('DELETE FROM codings WHERE card_id = $1 AND NOT (code_id = ANY($2::uuid[]))', [
    cardId,
    codeIds,
  ]);
  for (const codeId of codeIds)
    await db.query(
      `INSERT INTO codings (code_id, card_id, coded_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [codeId, cardId, codedBy],
    );
}

/**
 * The spaces holding cards that quote a story (its body, photos or recordings) or a post: told
 * when it is withdrawn or reaches elsewhere.
 */
export async function spacesQuoting(
  db: Queryable,
  quoted: { storyId: string } | { postId: string },
): Promise<string[]> {
  const [column, id] =
    'storyId' in quoted ? ['story_id', quoted.storyId] : ['post_id', quoted.postId];
  const rows = await db.query<{ space_id: string }>(
    `SELECT DISTINCT space_id FROM insight_cards WHERE ${column} = $1`,
    [id],
  );
  return rows.map((row) => row.space_id);
}
