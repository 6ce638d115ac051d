import {
  storyBodyDocName,
  type Account,
  type Byline,
  type Consent,
  type NewStory,
  type Story,
  type StoryChange,
} from '@mizug/domain';
import { storedText } from '../collab/stored-text';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit';
import { findSpace } from '../db/repositories/initiatives';
import { findMembership } from '../db/repositories/memberships';
import * as stories from '../db/repositories/stories';
import type { StoredStory } from '../db/repositories/stories';
import { AppError } from '../errors';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { can, type Actor, type Resource } from '../policy/policy';
import { newStoryResource, spaceResource } from '../policy/resources';

export function storyResource(story: StoredStory): Extract<Resource, { kind: 'story' }> {
  return {
    kind: 'story',
    initiativeId: story.initiativeId,
    spaceId: story.spaceId,
    tellerId: story.tellerId,
    audience: story.consent.audience,
    withdrawn: story.withdrawnAt !== null,
    supporterIds: new Set(story.supporters.map((s) => s.accountId)),
  };
}

/** How readers see who told it: the teller's name, their pseudonym, or nobody. */
export function bylineOf(consent: Consent, tellerName: string): Byline {
  const name =
    consent.credit === 'name'
      ? tellerName
      : consent.credit === 'pseudonym'
        ? consent.pseudonym
        : null;
  return { credit: consent.credit, name };
}

/** The story as this reader may see it: who told it only as the teller chose to be credited. */
export function storyView(story: StoredStory, actor: Actor): Story {
  const { consent } = story;
  const isMine = story.tellerId === actor.accountId;
  const seesTeller = isMine || story.supporters.some((s) => s.accountId === actor.accountId);
  return {
    id: story.id,
    initiativeId: story.initiativeId,
    spaceId: story.spaceId,
    title: story.title,
    language: story.language,
    tags: story.tags,
    byline: bylineOf(consent, story.tellerName),
    quoting: consent.quoting,
    withdrawnAt: story.withdrawnAt?.toISOString() ?? null,
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
    bodyDoc: storyBodyDocName(story.id),
    isMine,
    canWrite: can(actor, 'write', storyResource(story)),
    teller: seesTeller ? { consent, supporters: story.supporters } : null,
  };
}

/**
 * A story and the caller as the policy sees them, after checking the caller may `action` it;
 * every service about a story or what hangs off it (photos, recordings, versions) starts here.
 */
export async function storyFor(
  db: Database,
  account: Account,
  storyId: string,
  action: 'read' | 'write' | 'manage',
) {
  const story = await stories.findStory(db, storyId);
  if (!story) throw new AppError('not_found');
  const actor = await loadActor(db, account, story.initiativeId);
  authorize(actor, action, storyResource(story));
  return { story, actor };
}

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

export async function createStory(
  db: Database,
  account: Account,
  initiativeId: string,
  input: NewStory,
): Promise<Story> {
  const actor = await loadActor(db, account, initiativeId);
  const space = await findSpace(db, input.spaceId);
  if (!space || space.initiativeId !== initiativeId) throw new AppError('not_found');
  authorize(actor, 'read', spaceResource(space));
  authorize(actor, 'create', newStoryResource(space, account.id));
  const id = await stories.insertStory(db, { ...input, initiativeId, tellerId: account.id });
  return storyView((await stories.findStory(db, id))!, actor);
}

export async function changeStory(
  db: Database,
  account: Account,
  storyId: string,
  change: StoryChange,
): Promise<Story> {
  const { actor } = await storyFor(db, account, storyId, 'write');
  await stories.updateStory(db, storyId, change);
  return storyView((await stories.findStory(db, storyId))!, actor);
}

/** The stored text of a story's body, as its readers would read it. */
const bodyText = (db: Database, storyId: string) => storedText(db, storyBodyDocName(storyId));

export async function changeConsent(
  db: Database,
  account: Account,
  storyId: string,
  consent: Consent,
): Promise<Story> {
  const { story, actor } = await storyFor(db, account, storyId, 'manage');
  // Sharing nothing is refused: a reader must find a story, not an empty page.
  if (consent.audience !== 'only_me' && (await bodyText(db, storyId)).trim() === '') {
    throw new AppError('story_empty');
  }
  await db.transaction(async (tx) => {
    await stories.updateConsent(tx, storyId, consent);
    await appendAudit(tx, {
      action: 'story.consent',
      actorId: account.id,
      tellerOf: storyId,
      initiativeId: story.initiativeId,
      // The pseudonym stays out of the log: facilitators read it, and it would unmask the teller.
      details: {
        storyId,
        audience: consent.audience,
        credit: consent.credit,
        quoting: consent.quoting,
      },
    });
  });
  return storyView((await stories.findStory(db, storyId))!, actor);
}

export async function setWithdrawn(
  db: Database,
  account: Account,
  storyId: string,
  withdrawn: boolean,
): Promise<Story> {
  const { story, actor } = await storyFor(db, account, storyId, 'manage');
  await db.transaction(async (tx) => {
    await stories.setWithdrawn(tx, storyId, withdrawn);
    await appendAudit(tx, {
      action: withdrawn ? 'story.withdraw' : 'story.restore',
      actorId: account.id,
      tellerOf: storyId,
      initiativeId: story.initiativeId,
      details: { storyId },
    });
  });
  return storyView((await stories.findStory(db, storyId))!, actor);
}

/**
 * The teller asks someone to help write (a facilitator, or a peer from their own space), or
 * stops asking. Only members who may already read the teller's peer space can be asked.
 */
export async function setSupporter(
  db: Database,
  account: Account,
  storyId: string,
  supporterId: string,
  supporting: boolean,
): Promise<Story> {
  const { story, actor } = await storyFor(db, account, storyId, 'manage');
  if (supporting) {
    const member = await findMembership(db, story.initiativeId, supporterId);
    const inSpace =
      member &&
      member.accountId !== account.id &&
      (member.spaceIds.includes(story.spaceId) ||
        (member.role === 'facilitator' && member.guaranteedSpaceIds.includes(story.spaceId)));
    if (!inSpace) throw new AppError('not_found');
  }
  await db.transaction(async (tx) => {
    if (supporting) await stories.addSupporter(tx, storyId, supporterId);
    else await stories.removeSupporter(tx, storyId, supporterId);
    await appendAudit(tx, {
      action: supporting ? 'story.supporter_add' : 'story.supporter_remove',
      actorId: account.id,
      tellerOf: storyId,
      initiativeId: story.initiativeId,
      details: { storyId, supporterId },
    });
  });
  return storyView((await stories.findStory(db, storyId))!, actor);
}
