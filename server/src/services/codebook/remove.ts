import type { Account } from '@mizug/domain';
import { deleteCode, findCode, moveChildren } from '../../db/repositories/codes';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { authorizedCode } from './access';

/**
 * Deletes a code that codes nothing; its sub-codes move up to its parent. A code still carried
 * by cards is refused (`code_in_use`): merging it keeps what it codes.
 */
export async function removeCode(deps: CommandDeps, account: Account, codeId: string) {
  const code = await authorizedCode(deps.db, account, codeId, 'write');
  await runCommand(deps, async ({ tx, audit, emit }) => {
    // Counted again inside the transaction: a card may have been coded since.
    const current = await findCode(tx, codeId);
    if (!current) throw new AppError('not_found');
    if (current.cardCount > 0) throw new AppError('code_in_use');
    await moveChildren(tx, codeId, code.parentId);
    await deleteCode(tx, codeId);
    await audit({
      action: 'code.delete',
      actorId: account.id,
      initiativeId: code.initiativeId,
      details: { codeId, name: code.name },
    });
    emit('codebookChanged', code.initiativeId);
  });
}
