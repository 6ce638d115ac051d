import type { Account, OwnerStory, SessionView } from '@mizug/domain';
import type { Queryable } from '../../db/database';
import * as sessions from '../../db/repositories/method-sessions';
import { findStory } from '../../db/repositories/stories';
import { AppError } from '../../errors';
import { can } from '../../policy/policy';
import { storyResource } from '../../policy/story-resources';
import { runCommand, type CommandDeps } from '../command';
import { announceChange, loadSessionContext, type SessionContext } from './context';

/**
 * The owner of a success attaches one of their own stories as the material of its first stages
 * (or takes it off with null). The story must reach the owner's circle: told in one of the
 * session's groups and shared with it, so the circle reads it and may quote it in cards.
 */
export async function attachOwnerStory(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  { storyId }: OwnerStory,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'read');
  const { session } = context;
  if (session.ownerId !== account.id) throw new AppError('owner_only');
  if (storyId) {
    const story = await findStory(deps.db, storyId);
    // Another's story, or one of another initiative, is as unknown here as a missing one.
    if (!story || story.tellerId !== account.id || story.initiativeId !== session.initiativeId)
      throw new AppError('not_found', { storyId: 'not_found' });
    if (story.withdrawnAt) throw new AppError('source_withdrawn', { storyId: 'source_withdrawn' });
    const reaches =
      story.consent.audience !== 'only_me' &&
      session.groups.some((group) => group.spaceId === story.spaceId);
    if (!reaches)
      throw new AppError('story_not_shared_with_group', {
        storyId: 'story_not_shared_with_group',
      });
  }
  const previous = session.ownerStoryId;
  await runCommand(deps, async (scope) => {
    await sessions.setOwnerStory(scope.tx, session.id, storyId);
    // By ids only; the teller shows as "the teller", as in every entry about their story.
    await scope.audit({
      action: 'session.owner_story',
      actorId: account.id,
      initiativeId: session.initiativeId,
      details: { sessionId: session.id, storyId },
      tellerOf: storyId ?? previous ?? undefined,
    });
    announceChange(scope, session);
  });
}

/** The attached story as the caller may see it: only while they may read it. */
export async function ownerStoryOf(
  db: Queryable,
  context: SessionContext,
): Promise<SessionView['ownerStory']> {
  const id = context.session.ownerStoryId;
  const story = id ? await findStory(db, id) : undefined;
  if (!story || story.withdrawnAt || !can(context.actor, 'read', storyResource(story))) return null;
  return { id: story.id, title: story.title };
}
