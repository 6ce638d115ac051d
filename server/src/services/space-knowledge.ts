import type { Account, Space, SpaceKnowledgeChange } from '@mizug/domain';
import { findSpace, updateSpaceKnowledge } from '../db/repositories/initiatives';
import { AppError } from '../errors';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { spaceResource } from '../policy/resources';
import { runCommand, type CommandDeps } from './command';

/**
 * An admin says which knowledge a named peer space carries (lived experience, practice,
 * academic, or its own named group): every card quoting its words shows it, at once.
 */
export async function changeSpaceKnowledge(
  deps: CommandDeps,
  account: Account,
  spaceId: string,
  { knowledge }: SpaceKnowledgeChange,
): Promise<Space> {
  const space = await findSpace(deps.db, spaceId);
  if (!space) throw new AppError('not_found');
  const actor = await loadActor(deps.db, account, space.initiativeId);
  authorize(actor, 'manage', spaceResource(space));
  await runCommand(deps, async ({ tx, audit, emit }) => {
    await updateSpaceKnowledge(tx, spaceId, knowledge);
    await audit({
      action: 'space.knowledge',
      actorId: account.id,
      initiativeId: space.initiativeId,
      details: { spaceId, knowledge },
    });
    // Open pages (spaces, cards, boards) read the space's knowledge again.
    emit('accessChanged', space.initiativeId);
  });
  return { ...space, knowledge };
}
