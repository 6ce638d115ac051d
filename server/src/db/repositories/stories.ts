import {
  searchable,
  storyBodyDocName,
  type Consent,
  type NewStory,
  type StoryAudience,
  type StoryChange,
} from '@mizug/domain';
import type { Queryable } from '../database';
import { writeSearchLabel } from './search-texts';

/** A story row with what the policy and the API need about it. */
export interface StoredStory {
  id: string;
  initiativeId: string;
  spaceId: string;
  tellerId: string;
  tellerName: string;
  title: string;
  language: string;
  tags: string[];
  consent: Consent;
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  supporters: { accountId: string; displayName: string }[];
}

interface StoryRow {
  id: string;
  initiative_id: string;
  space_id: string;
  teller_id: string;
  teller_name: string;
  title: string;
  language: string;
  tags: string[];
  audience: StoryAudience;
  credit: Consent['credit'];
  pseudonym: string | null;
  quoting: Consent['quoting'];
  withdrawn_at: Date | null;
  created_at: Date;
  updated_at: Date;
  supporters: string | { account_id: string; display_name: string }[] | null;
  [key: string]: unknown;
}

const selectStories = `
  SELECT s.*, a.display_name AS teller_name,
    (SELECT coalesce(json_agg(json_build_object('account_id', ss.account_id, 'display_name', sa.display_name)
                              ORDER BY ss.added_at), '[]')::text
     FROM story_supporters ss JOIN accounts sa ON sa.id = ss.account_id
     WHERE ss.story_id = s.id) AS supporters
  FROM stories s JOIN accounts a ON a.id = s.teller_id`;

function toConsent(row: StoryRow): Consent {
  const base = { audience: row.audience, quoting: row.quoting };
  if (row.credit === 'pseudonym')
    return { ...base, credit: 'pseudonym', pseudonym: row.pseudonym! };
  return { ...base, credit: row.credit };
}

function toStory(row: StoryRow): StoredStory {
  const supporters = (
    typeof row.supporters === 'string' ? JSON.parse(row.supporters) : (row.supporters ?? [])
  ) as { account_id: string; display_name: string }[];
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    spaceId: row.space_id,
    tellerId: row.teller_id,
    tellerName: row.teller_name,
    title: row.title,
    language: row.language,
    tags: row.tags,
    consent: toConsent(row),
    withdrawnAt: row.withdrawn_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    supporters: supporters.map((s) => ({ accountId: s.account_id, displayName: s.display_name })),
  };
}

export async function findStory(db: Queryable, id: string): Promise<StoredStory | undefined> {
  const [row] = await db.query<StoryRow>(`${selectStories} WHERE s.id = $1`, [id]);
  return row && toStory(row);
}

/** These stories of an initiative (others are left out), newest first. */
export async function listStoriesAmong(
  db: Queryable,
  initiativeId: string,
  ids: string[],
): Promise<StoredStory[]> {
  const rows = await db.query<StoryRow>(
    `${selectStories} WHERE s.initiative_id = $1 AND s.id = ANY($2::uuid[]) ORDER BY s.created_at DESC`,
    [initiativeId, ids],
  );
  return rows.map(toStory);
}

/** Every story of an initiative, newest first; the caller filters by what the reader may see. */
export async function listStories(db: Queryable, initiativeId: string): Promise<StoredStory[]> {
  const rows = await db.query<StoryRow>(
    `${selectStories} WHERE s.initiative_id = $1 ORDER BY s.created_at DESC`,
    [initiativeId],
  );
  return rows.map(toStory);
}

export async function insertStory(
  db: Queryable,
  story: NewStory & { initiativeId: string; tellerId: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO stories (initiative_id, space_id, teller_id, title, language, tags)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [story.initiativeId, story.spaceId, story.tellerId, story.title, story.language, story.tags],
  );
  const id = row!.id;
  // The body has no document yet: nothing stored, so its searchable text is empty.
  await db.query(
    `INSERT INTO search_texts (doc_name, label, body, body_seq) VALUES ($1, $2, '', 0)`,
    [storyBodyDocName(id), storySearchLabel(story)],
  );
  return id;
}

/** What search reads of a story besides its body: its title and tags. */
export const storySearchLabel = (story: { title: string; tags: string[] }) =>
  searchable([story.title, ...story.tags].join('\n'));

export async function updateStory(db: Queryable, id: string, change: StoryChange): Promise<void> {
  const [row] = await db.query<{ title: string; tags: string[] }>(
    `UPDATE stories SET title = coalesce($2, title), language = coalesce($3, language),
       tags = coalesce($4, tags), updated_at = now()
     WHERE id = $1 RETURNING title, tags`,
    [id, change.title ?? null, change.language ?? null, change.tags ?? null],
  );
  if (row) await writeSearchLabel(db, storyBodyDocName(id), storySearchLabel(row));
}

export async function updateConsent(db: Queryable, id: string, consent: Consent): Promise<void> {
  await db.query(
    `UPDATE stories SET audience = $2, credit = $3, pseudonym = $4, quoting = $5, updated_at = now()
     WHERE id = $1`,
    [
      id,
      consent.audience,
      consent.credit,
      consent.credit === 'pseudonym' ? consent.pseudonym : null,
      consent.quoting,
    ],
  );
}

export async function setWithdrawn(db: Queryable, id: string, withdrawn: boolean): Promise<void> {
  await db.query(
    `UPDATE stories SET withdrawn_at = CASE WHEN $2 THEN now() END, updated_at = now() WHERE id = $1`,
    [id, withdrawn],
  );
}

export async function addSupporter(db: Queryable, storyId: string, accountId: string) {
  await db.query(
    'INSERT INTO story_supporters (story_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [storyId, accountId],
  );
}

export async function removeSupporter(db: Queryable, storyId: string, accountId: string) {
  await db.query('DELETE FROM story_supporters WHERE story_id = $1 AND account_id = $2', [
    storyId,
    accountId,
  ]);
}
