import type { Account, Story } from '@mizug/domain';
import * as stories from '../../db/repositories/stories';
import { AppError } from '../../errors';
import { loadActorOf } from '../../policy/actor';
import { can } from '../../policy/policy';
import { storyResource } from '../../policy/story-resources';
import { runCommand, type CommandDeps } from '../command';
import { storyFor } from './access';
import { storyView } from './present';

/**
 * The teller asks someone to help write (a facilitator, or a peer from their own space), or
 * stops asking. A supporter reads and writes the story, so open documents and pages are told.
 */
export async function setSupporter(
  deps: CommandDeps,
  account: Account,
  storyId: string,
  supporterId: string,
  supporting: boolean,
): Promise<Story> {
  const { story, actor } = await storyFor(deps.db, account, storyId, 'manage');
  if (supporting) {
    const candidate = await loadActorOf(deps.db, supporterId, story.initiativeId);
    // Someone who may not be asked is answered as if unknown: the teller learns nobody's seat.
    if (!can(candidate, 'support', storyResource(story))) throw new AppError('not_found');
  }
  return runCommand(deps, async ({ tx, audit, emit }) => {
    if (supporting) await stories.addSupporter(tx, storyId, supporterId);
    else await stories.removeSupporter(tx, storyId, supporterId);
    await audit({
      action: supporting ? 'story.supporter_add' : 'story.supporter_remove',
      actorId: account.id,
      tellerOf: storyId,
      initiativeId: story.initiativeId,
      details: { storyId, supporterId },
    });
    emit('accessChanged', story.initiativeId);
    return storyView((await stories.findStory(tx, storyId))!, actor);
  });
}
