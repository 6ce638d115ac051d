import type { Account, Finding } from '@mizug/domain';
import * as findings from '../../db/repositories/findings';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { findingFor } from './context';
import { readFinding } from './read';
import { requireStatus } from './round';

/**
 * Takes a returned finding back to draft (a group asked for changes): its writers revise it,
 * and its next return opens the next round.
 */
export async function reviseFinding(
  deps: CommandDeps,
  account: Account,
  findingId: string,
): Promise<Finding> {
  const { finding } = await findingFor(deps.db, account, findingId, 'write');
  requireStatus(finding, 'returned');
  await runCommand(deps, async ({ tx, audit, emit }) => {
    if (
      !(await findings.moveFinding(tx, finding.id, {
        round: finding.round,
        from: 'returned',
        to: 'draft',
      }))
    )
      throw new AppError('finding_not_returned');
    await audit({
      action: 'finding.revise',
      actorId: account.id,
      initiativeId: finding.initiativeId,
      details: { boardId: finding.boardId, findingId: finding.id, round: finding.round },
    });
    emit('boardChanged', finding.initiativeId, finding.boardId);
  });
  return readFinding(deps.db, account, findingId);
}
