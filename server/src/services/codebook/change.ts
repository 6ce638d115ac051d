import type { Account, Code, CodeChange } from '@mizug/domain';
import { findCode, updateCode } from '../../db/repositories/codes';
import { runCommand, type CommandDeps } from '../command';
import { authorizedCode, checkLanguages, codeOfSameInitiative, refuseCycle } from './access';

/**
 * Renames, describes, recolours or moves a code. Its codings are rows keyed by the code's id,
 * so a new name or place changes nothing about what it codes.
 */
export async function changeCode(
  deps: CommandDeps,
  account: Account,
  codeId: string,
  change: CodeChange,
): Promise<Code> {
  const before = await authorizedCode(deps.db, account, codeId, 'write');
  await checkLanguages(deps.db, account, before.initiativeId, change);
  return runCommand(deps, async ({ tx, audit, emit }) => {
    if (change.parentId) {
      await codeOfSameInitiative(tx, before.initiativeId, change.parentId, 'parentId');
      await refuseCycle(tx, codeId, change.parentId);
    }
    // Moving a code where it already is does not send it to the end of its siblings.
    const moves = change.parentId !== undefined && change.parentId !== before.parentId;
    await updateCode(tx, codeId, { ...change, parentId: moves ? change.parentId : undefined });
    const changed = Object.keys(change).filter(
      (key) => change[key as keyof CodeChange] !== undefined,
    );
    await audit({
      action: 'code.change',
      actorId: account.id,
      initiativeId: before.initiativeId,
      details: {
        codeId,
        changed,
        name: change.name ?? before.name,
        ...(change.name ? { previousName: before.name } : {}),
        ...(moves ? { previousParentId: before.parentId, parentId: change.parentId } : {}),
      },
    });
    emit('codebookChanged', before.initiativeId);
    return (await findCode(tx, codeId))!;
  });
}
