import type { Account, Code } from '@mizug/domain';
import {
  copyCodings,
  deleteCode,
  findCode,
  isSameOrAncestor,
  moveChildren,
  updateCode,
} from '../../db/repositories/codes';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { authorizedCode, codeOfSameInitiative } from './access';

/**
 * Merges code A into B: every card coded with A is coded with B (once), A's sub-codes move
 * under B, and A is removed. When B sat below A, B first takes A's place, so the tree keeps no
 * cycle. Audited with both names, as the log must say what was merged after A is gone.
 */
export async function mergeCode(
  deps: CommandDeps,
  account: Account,
  codeId: string,
  intoId: string,
): Promise<Code> {
  const from = await authorizedCode(deps.db, account, codeId, 'write');
  if (intoId === codeId)
    throw new AppError('code_merge_into_itself', { into: 'code_merge_into_itself' });
  return runCommand(deps, async ({ tx, audit, emit }) => {
    const into = await codeOfSameInitiative(tx, from.initiativeId, intoId, 'into');
    if (await isSameOrAncestor(tx, codeId, intoId))
      await updateCode(tx, intoId, { parentId: from.parentId });
    const codingsMoved = await copyCodings(tx, codeId, intoId);
    await moveChildren(tx, codeId, intoId);
    await deleteCode(tx, codeId);
    await audit({
      action: 'code.merge',
      actorId: account.id,
      initiativeId: from.initiativeId,
      details: {
        codeId,
        name: from.name,
        intoId,
        intoName: into.name,
        codingsMoved,
      },
    });
    emit('codebookChanged', from.initiativeId);
    return (await findCode(tx, intoId))!;
  });
}
