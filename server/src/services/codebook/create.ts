import type { Account, Code, NewCode } from '@mizug/domain';
import { findCode, insertCode } from '../../db/repositories/codes';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { runCommand, type CommandDeps } from '../command';
import { checkLanguages, codeOfSameInitiative } from './access';

/** Adds a code to the initiative's codebook, under a theme of the same initiative or at the top. */
export async function createCode(
  deps: CommandDeps,
  account: Account,
  initiativeId: string,
  input: NewCode,
): Promise<Code> {
  const actor = await loadActor(deps.db, account, initiativeId);
  authorize(actor, 'create', { kind: 'code', initiativeId });
  await checkLanguages(deps.db, account, initiativeId, input);
  return runCommand(deps, async ({ tx, audit, emit }) => {
    if (input.parentId) await codeOfSameInitiative(tx, initiativeId, input.parentId, 'parentId');
    const id = await insertCode(tx, { ...input, initiativeId, createdBy: account.id });
    await audit({
      action: 'code.create',
      actorId: account.id,
      initiativeId,
      details: { codeId: id, name: input.name, parentId: input.parentId },
    });
    emit('codebookChanged', initiativeId);
    return (await findCode(tx, id))!;
  });
}
