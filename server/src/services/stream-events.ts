import { createHash } from 'node:crypto';
import type { Account } from '@mizug/domain';
import type { Database } from '../db/database';
import { findSpace } from '../db/repositories/initiatives';
import { findMethodSession } from '../db/repositories/method-sessions';
import { findMembership } from '../db/repositories/memberships';
import { listStories } from '../db/repositories/stories';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import { loadActor } from '../policy/actor';
import { can } from '../policy/policy';
import { spaceResource } from '../policy/resources';
import { storyResource } from '../policy/story-resources';
import { sessionResource } from './sessions/resources';
import { photosSeenBy } from './stories/photos';
import { storyView } from './stories/present';

/**
 * One server-sent event for an initiative's open pages: `changed`, `session` with its id,
 * `cards` with the id of the space whose cards changed, or `codebook`.
 */
export interface StreamEvent {
  event: 'changed' | 'session' | 'cards' | 'codebook';
  data: string;
}

/**
 * A digest of what the policy lets this person see that open pages show and reload on
 * `changed`: their own membership (role, spaces, working group), and every story and photo
 * they may read as they see it (byline, consent if theirs, whether they may write).
 */
async function visibleState(db: Database, account: Account, initiativeId: string) {
  const actor = await loadActor(db, account, initiativeId);
  if (!can(actor, 'read', { kind: 'initiative', initiativeId })) return 'outside';
  const membership = await findMembership(db, initiativeId, account.id);
  const seen: unknown[] = [
    membership && {
      ...membership,
      spaceIds: [...membership.spaceIds].sort(),
      guaranteedSpaceIds: [...membership.guaranteedSpaceIds].sort(),
    },
  ];
  for (const story of await listStories(db, initiativeId)) {
    if (!can(actor, 'read', storyResource(story))) continue;
    seen.push(storyView(story, actor), await photosSeenBy(db, story, actor));
  }
  return createHash('sha256').update(JSON.stringify(seen)).digest('base64');
}

async function maySeeSession(db: Database, account: Account, sessionId: string) {
  const session = await findMethodSession(db, sessionId);
  if (!session) return false;
  const actor = await loadActor(db, account, session.initiativeId);
  return can(actor, 'read', sessionResource(session));
}

async function mayReadSpace(db: Database, account: Account, spaceId: string) {
  const space = await findSpace(db, spaceId);
  if (!space) return false;
  const actor = await loadActor(db, account, space.initiativeId);
  return can(actor, 'read', spaceResource(space));
}

async function mayReadCodebook(db: Database, account: Account, initiativeId: string) {
  const actor = await loadActor(db, account, initiativeId);
  return can(actor, 'read', { kind: 'code', initiativeId });
}

/**
 * One person's feed of an initiative's events, each filtered by the policy for them: `changed`
 * only when what they may see changed (a story shared with them, withdrawn from them, their own
 * role or spaces), `session` only for a session they may read, `cards` only for a space they read,
 * `codebook` only while they read the initiative's codebook. Events are decided in the order
 * they happen, against storage as it is then; a burst of changes is decided once.
 *
 * Resolves once what the person sees now is known, so a change made after the stream opened is
 * never taken for the starting point. Events wait until `deliver` names where they go.
 */
export async function subscribeToInitiative(
  deps: { db: Database; events: EventBus; logger: Logger },
  account: Account,
  initiativeId: string,
) {
  const { db, events, logger } = deps;
  let send: ((event: StreamEvent) => void) | null = null;
  const early: StreamEvent[] = [];
  const emit = (event: StreamEvent) => (send ? send(event) : early.push(event));
  let seen = '';
  let accessChecks = 0;
  let queue = visibleState(db, account, initiativeId).then((state) => {
    seen = state;
  });
  const then = (step: () => Promise<void>) => {
    queue = queue
      .then(step)
      .catch((error: unknown) => logger.error({ err: error }, 'could not filter a stream event'));
  };

  const onAccess = (changed: string) => {
    if (changed !== initiativeId) return;
    accessChecks++;
    then(async () => {
      // A later check is queued already: it decides this change too.
      if (--accessChecks > 0) return;
      const now = await visibleState(db, account, initiativeId);
      if (now === seen) return;
      seen = now;
      emit({ event: 'changed', data: '' });
    });
  };
  const onSession = (changed: string, sessionId: string) => {
    if (changed !== initiativeId) return;
    then(async () => {
      if (await maySeeSession(db, account, sessionId)) emit({ event: 'session', data: sessionId });
    });
  };
  const onCards = (changed: string, spaceId: string) => {
    if (changed !== initiativeId) return;
    then(async () => {
      if (await mayReadSpace(db, account, spaceId)) emit({ event: 'cards', data: spaceId });
    });
  };
  const onCodebook = (changed: string) => {
    if (changed !== initiativeId) return;
    then(async () => {
      if (await mayReadCodebook(db, account, initiativeId)) emit({ event: 'codebook', data: '' });
    });
  };
  events.on('accessChanged', onAccess);
  events.on('sessionChanged', onSession);
  events.on('cardsChanged', onCards);
  events.on('codebookChanged', onCodebook);
  await queue;

  return {
    /** Sends what was decided so far, then every further event, through `to`. */
    deliver(to: (event: StreamEvent) => void) {
      send = to;
      for (const event of early.splice(0)) to(event);
    },
    close() {
      events.off('accessChanged', onAccess);
      events.off('sessionChanged', onSession);
      events.off('cardsChanged', onCards);
      events.off('codebookChanged', onCodebook);
    },
  };
}
