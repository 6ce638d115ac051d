import type { Account, NewInitiative } from '@mizug/domain';
import { insertInitiative, insertSpace } from '../db/repositories/initiatives';
import { insertMembership } from '../db/repositories/memberships';
import { instanceActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { runCommand, type CommandDeps } from './command';

/**
 * A new initiative with its spaces (lived experience, practitioners, any extra peer spaces and
 * the one synthesis space); the creator becomes its admin.
 */
export async function createInitiative(
  deps: CommandDeps,
  creator: Account,
  input: NewInitiative,
): Promise<string> {
  authorize(instanceActor(creator), 'create', { kind: 'instance' });
  return runCommand(deps, async ({ tx, audit }) => {
    const initiativeId = await insertInitiative(tx, { ...input, createdBy: creator.id });
    await insertSpace(tx, { initiativeId, kind: 'lived_experience' });
    await insertSpace(tx, { initiativeId, kind: 'practitioners' });
    for (const extra of input.extraPeerSpaces)
      await insertSpace(tx, {
        initiativeId,
        kind: 'peer',
        ...(typeof extra === 'string' ? { name: extra } : extra),
      });
    await insertSpace(tx, { initiativeId, kind: 'synthesis' });
    await insertMembership(tx, {
      initiativeId,
      accountId: creator.id,
      role: 'admin',
      sector: input.creatorSector,
    });
    await audit({
      action: 'initiative.create',
      actorId: creator.id,
      initiativeId,
      details: { name: input.name },
    });
    return initiativeId;
  });
}
