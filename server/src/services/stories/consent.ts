import type { Account, Consent, Story } from '@mizug/domain';
import * as stories from '../../db/repositories/stories';
import { AppError } from '../../errors';
import { announceQuotedChange } from '../cards/changed';
import { runCommand, type CommandDeps } from '../command';
import { storyFor } from './access';
import { storyView } from './present';
import { bodyText } from './read';

/**
 * The teller decides who reads the story and how they are credited. Who may read changes, so
 * open documents and pages are told (`accessChanged`) once it is stored.
 */
export async function changeConsent(
  deps: CommandDeps,
  account: Account,
  storyId: string,
  consent: Consent,
): Promise<Story> {
  const { story, actor } = await storyFor(deps.db, account, storyId, 'manage');
  // Sharing nothing is refused: a reader must find a story, not an empty page.
  if (consent.audience !== 'only_me' && (await bodyText(deps.db, storyId)).trim() === '') {
    throw new AppError('story_empty');
  }
  return runCommand(deps, async ({ tx, audit, emit }) => {
    await stories.updateConsent(tx, storyId, consent);
    await audit({
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
    emit('accessChanged', story.initiativeId);
    await announceQuotedChange({ tx, emit }, story.initiativeId, { storyId });
    return storyView((await stories.findStory(tx, storyId))!, actor);
  });
}

/** The teller takes the story back from every reader (or gives it back), at once. */
export async function setWithdrawn(
  deps: CommandDeps,
  account: Account,
  storyId: string,
  withdrawn: boolean,
): Promise<Story> {
  const { story, actor } = await storyFor(deps.db, account, storyId, 'manage');
  return runCommand(deps, async ({ tx, audit, emit }) => {
    await stories.setWithdrawn(tx, storyId, withdrawn);
    await audit({
      action: withdrawn ? 'story.withdraw' : 'story.restore',
      actorId: account.id,
      tellerOf: storyId,
      initiativeId: story.initiativeId,
      details: { storyId },
    });
    emit('accessChanged', story.initiativeId);
    await announceQuotedChange({ tx, emit }, story.initiativeId, { storyId });
    return storyView((await stories.findStory(tx, storyId))!, actor);
  });
}
