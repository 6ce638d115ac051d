import type { Account, NewInitiative } from '@mizug/domain';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit';
import { insertInitiative, insertSpace } from '../db/repositories/initiatives';
import { insertMembership } from '../db/repositories/memberships';
import { instanceActor } from '../policy/actor';
import { authorize } from '../policy/authorize';

/**
 * A new initiative with its spaces (lived experience, practitioners, any extra peer spaces and
 * the one synthesis space); the creator becomes its admin.
 */
export async function createInitiative(
  db: Database,
  creator: Account,
  input: NewInitiative,
): Promise<string> {
  authorize(instanceActor(creator), 'create', { kind: 'instance' });
  return db.transaction(async (tx) => {
    const initiativeId = await insertInitiative(tx, { ...input, createdBy: creator.id });
    await insertSpace(tx, { initiativeId, kind: 'lived_experience' });
    await insertSpace(tx, { initiativeId, kind: 'practitioners' });
    for (const name of input.extraPeerSpaces)
      await insertSpace(tx, { initiativeId, kind: 'peer', name });
    await insertSpace(tx, { initiativeId, kind: 'synthesis' });
    await insertMembership(tx, {
      initiativeId,
      accountId: creator.id,
      role: 'admin',
      sector: input.creatorSector,
    });
    await appendAudit(tx, {
      action: 'initiative.create',
      actorId: creator.id,
      initiativeId,
      details: { name: input.name },
    });
    return initiativeId;
  });
}
