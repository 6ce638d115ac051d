import type { Account, AuditEntry, AuditQuery } from '@mizug/domain';
import type { Database } from '../db/database';
import { listAudit, type StoredAuditEntry } from '../db/repositories/audit';
import { listStories, type StoredStory } from '../db/repositories/stories';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { can, type Actor } from '../policy/policy';
import { storyResource } from '../policy/story-resources';
import { bylineOf } from './stories/present';

/**
 * An entry as this reader may see it. What a teller did on their story reads as made by "the
 * teller": their account and name stay with the teller, and anyone else sees at most the credit
 * the story shows them (a pseudonym, or the name the teller chose), as if reading the story.
 */
export function presentAuditEntry(
  entry: StoredAuditEntry,
  reader: Actor,
  story: StoredStory | undefined,
): AuditEntry {
  const { tellerOf, ...rest } = entry;
  if (!tellerOf) return { ...rest, teller: null };
  const readable = story && can(reader, 'read', storyResource(story));
  const teller = {
    storyId: tellerOf,
    name: readable ? bylineOf(story.consent, story.tellerName).name : null,
  };
  const isTeller = entry.actor !== null && entry.actor.id === reader.accountId;
  return { ...rest, actor: isTeller ? entry.actor : null, teller };
}

/** The initiative's audit log for those who may read it (admins, facilitators), newest first. */
export async function readAuditLog(
  db: Database,
  account: Account,
  initiativeId: string,
  query: AuditQuery,
): Promise<AuditEntry[]> {
  const reader = await loadActor(db, account, initiativeId);
  authorize(reader, 'read', { kind: 'initiative', initiativeId });
  authorize(reader, 'read', { kind: 'audit', initiativeId });
  const entries = await listAudit(db, initiativeId, query, account.id);
  const stories = entries.some((entry) => entry.tellerOf)
    ? new Map((await listStories(db, initiativeId)).map((story) => [story.id, story]))
    : new Map<string, StoredStory>();
  return entries.map((entry) =>
    presentAuditEntry(entry, reader, entry.tellerOf ? stories.get(entry.tellerOf) : undefined),
  );
}
