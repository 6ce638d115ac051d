import type { Account, NewStory, Story, StoryChange } from '@mizug/domain';
import { findSpace } from '../../db/repositories/initiatives';
import * as stories from '../../db/repositories/stories';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { newStoryResource, spaceResource } from '../../policy/resources';
import { runCommand, type CommandDeps } from '../command';
import { storyFor } from './access';
import { auditStory } from './audit';
import { storyView } from './present';

/**
 * A new story, private to its teller until they share it: audited as made by "the teller", with
 * no title, and not announced, since nobody else reads it yet.
 */
export function createStory(
  deps: CommandDeps,
  account: Account,
  initiativeId: string,
  input: NewStory,
): Promise<Story> {
  return runCommand(deps, async ({ tx, audit }) => {
    const actor = await loadActor(tx, account, initiativeId);
    const space = await findSpace(tx, input.spaceId);
    if (!space || space.initiativeId !== initiativeId) throw new AppError('not_found');
    authorize(actor, 'read', spaceResource(space));
    authorize(actor, 'create', newStoryResource(space, account.id));
    const id = await stories.insertStory(tx, { ...input, initiativeId, tellerId: account.id });
    const story = { id, initiativeId, tellerId: account.id };
    await auditStory({ audit }, account, story, 'story.create', { spaceId: space.id });
    return storyView((await stories.findStory(tx, id))!, actor);
  });
}

/** Title, language or tags, by whoever may write the story. */
export function changeStory(
  deps: CommandDeps,
  account: Account,
  storyId: string,
  change: StoryChange,
): Promise<Story> {
  return runCommand(deps, async ({ tx, audit }) => {
    const { story, actor } = await storyFor(tx, account, storyId, 'write');
    await stories.updateStory(tx, storyId, change);
    // Which fields changed, never their values: a title can unmask its teller.
    await auditStory({ audit }, account, story, 'story.change', { fields: Object.keys(change) });
    return storyView((await stories.findStory(tx, storyId))!, actor);
  });
}
