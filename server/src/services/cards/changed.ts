import { spacesQuoting } from '../../db/repositories/insight-cards';
import type { CommandScope } from '../command';

/**
 * After a change to what a story or post lets its cards show (withdrawn, restored, shared
 * differently, a photo or recording removed): the spaces holding such cards reload them.
 */
export async function announceQuotedChange(
  { tx, emit }: Pick<CommandScope, 'tx' | 'emit'>,
  initiativeId: string,
  quoted: { storyId: string } | { postId: string },
) {
  for (const spaceId of await spacesQuoting(tx, quoted))
    emit('cardsChanged', initiativeId, spaceId);
}
