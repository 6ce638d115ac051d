import { searchWords, storyBodyDocName, type Account, type Story } from '@mizug/domain';
import * as Y from 'yjs';
import { CollabPersistence } from '../../collab/persistence';
import { searchTextOf } from '../../collab/search-text';
import { storedText } from '../../collab/stored-text';
import type { Database } from '../../db/database';
import {
  storySearchCandidates,
  writeSearchBody,
  writeSearchLabel,
} from '../../db/repositories/search-texts';
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
  const mayRead = (story: StoredStory) => can(actor, 'read', storyResource(story));
  const words = query ? searchWords(query) : [];
  if (words.length === 0)
    return (await stories.listStories(db, initiativeId))
      .filter(mayRead)
      .map((story) => storyView(story, actor));
  // The index narrows the stories down; access is decided on each of them exactly as without a
  // query, and only then is any story's document read.
  const { matched, stale } = await storySearchCandidates(db, initiativeId, words);
  const staleIds = [...stale].flatMap((docName) => storyIdOfBody.exec(docName)?.[1] ?? []);
  const candidates = await stories.listStoriesAmong(db, initiativeId, [
    ...new Set([...matched, ...staleIds]),
  ]);
  const found = await matching(db, candidates.filter(mayRead), stale, words);
  return found.map((story) => storyView(story, actor));
}

/**
 * A story's title, tags and stored text in searchable form, read from its document; also written
 * to the index, so a story the index missed (restored from a backup, stored before it existed)
 * is found through it from then on. The body is recorded with the sequence number it was read
 * up to: compaction's newer text is never replaced, and updates after it keep it stale.
 */
async function reindexed(db: Database, story: StoredStory): Promise<string> {
  const docName = storyBodyDocName(story.id);
  const { state, lastSeq } = await new CollabPersistence(db).load(docName);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const body = searchTextOf(docName, doc) ?? '';
  doc.destroy();
  const label = stories.storySearchLabel(story);
  await writeSearchLabel(db, docName, label, true);
  await writeSearchBody(db, docName, body, lastSeq);
  return `${label}\n${body}`;
}

const storyIdOfBody = /^story\.([0-9a-f-]{36})\.body$/;

/**
 * Of readable candidates, those whose title, tags or text contain every word (in searchable form:
 * any case, with or without niqqud or harakat): as the index found them, or, for a story whose
 * entry lags behind its stored document (edited since its last compaction, not indexed yet), as
 * read from the document, so results always match what is stored.
 */
async function matching(
  db: Database,
  candidates: StoredStory[],
  stale: Set<string>,
  words: string[],
) {
  const found: StoredStory[] = [];
  for (const story of candidates) {
    if (!stale.has(storyBodyDocName(story.id))) {
      found.push(story);
      continue;
    }
    const haystack = await reindexed(db, story);
    if (words.every((word) => haystack.includes(word))) found.push(story);
  }
  return found;
}
