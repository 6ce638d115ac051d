import type { Account, CardSource, Space } from '@mizug/domain';
import type { Database } from '../../db/database';
import { listSpaces } from '../../db/repositories/initiatives';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { cardSourceReadResource } from '../../policy/card-sources';
import { can } from '../../policy/policy';
import { cardResource } from './present';
import { requireCardSource } from './sources';

/**
 * The spaces where the caller may make a card of this source, as the policy decides it for
 * `createCard`: where they write, the source reaches, and it is not withdrawn.
 */
export async function cardTargets(
  db: Database,
  account: Account,
  initiativeId: string,
  input: CardSource,
): Promise<Space[]> {
  const actor = await loadActor(db, account, initiativeId);
  const source = await requireCardSource(db, account, actor, input, initiativeId);
  authorize(actor, 'read', cardSourceReadResource(source.resource));
  const newCard = { initiativeId: source.initiativeId, createdBy: null };
  return (await listSpaces(db, source.initiativeId)).filter((space) =>
    can(actor, 'create', cardResource({ ...newCard, spaceId: space.id }, space, source)),
  );
}
