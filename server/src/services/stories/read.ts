import { searchable, searchWords, storyBodyDocName, type Account, type Story } from '@mizug/domain';
import { storedText } from '../../collab/stored-text';
import type { Database } from '../../db/database';
import { docsNotIndexed, docsWithWords } from '../../db/repositories/search-texts';
import * as stories from '../../db/repositories/stories';
import type { StoredStory } from '../../db/repositories/stories';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { can } from '../../policy/policy';
import { storyResource } from '../../policy/story-resources';
import { storyFor } from './access';
import { storyView } from './present';

/** The stored text of a story's body, as its readers would read it. */
export const bodyText = (db: Database, storyId: string) =>
  storedText(db, storyBodyDocName(storyId));

export async function readStory(db: Database, account: Account, storyId: string): Promise<Story> {
  const { story, actor } = await storyFor(db, account, storyId, 'read');
  return storyView(story, actor);
}

/** The initiative's stories this reader may see; the others are not even counted. */
export async function listReadableStories(
  db: Database,
  account: Account,
  initiativeId: string,
  query?: string,
): Promise<Story[]> {
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'read', { kind: 'initiative', initiativeId });
  // Access first, then the search: what the reader may not read is never even looked into.
  const readable = (await stories.listStories(db, initiativeId)).filter((story) =>
    can(actor, 'read', storyResource(story)),
  );
  const found = query ? await matching(db, readable, query) : readable;
  return found.map((story) => storyView(story, actor));
}

/**
 * Stories whose title, tags or text contain every word of `query`, in searchable form (any case,
 * with or without niqqud or harakat). Read from the search index; a story whose entry lags
 * behind its stored document (edited since its last compaction, or not indexed yet) is read from
 * the document instead, so results always match what is stored.
 */
async function matching(db: Database, candidates: StoredStory[], query: string) {
  const words = searchWords(query);
  if (words.length === 0) return candidates;
  const docNames = candidates.map((story) => storyBodyDocName(story.id));
  const [indexed, notIndexed] = await Promise.all([
    docsWithWords(db, docNames, words),
    docsNotIndexed(db, docNames),
  ]);
  const stale = new Set(notIndexed);
  const found = new Set(indexed.filter((docName) => !stale.has(docName)));
  for (const story of candidates) {
    if (!stale.has(storyBodyDocName(story.id))) continue;
    const haystack = searchable(
      [story.title, ...story.tags, await bodyText(db, story.id)].join('\n'),
    );
    if (words.every((word) => haystack.includes(word))) found.add(storyBodyDocName(story.id));
  }
  return candidates.filter((story) => found.has(storyBodyDocName(story.id)));
}
