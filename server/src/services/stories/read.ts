import { storyBodyDocName, type Account, type Story } from '@mizug/domain';
import { storedText } from '../../collab/stored-text';
import type { Database } from '../../db/database';
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

/** Stories whose title, tags or text contain every word of `query`, in any case. */
async function matching(db: Database, candidates: StoredStory[], query: string) {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const found: StoredStory[] = [];
  for (const story of candidates) {
    const haystack = [story.title, ...story.tags, await bodyText(db, story.id)]
      .join('\n')
      .toLocaleLowerCase();
    if (words.every((word) => haystack.includes(word))) found.push(story);
  }
  return found;
}
