import type { Account, Finding } from '@mizug/domain';
import * as findings from '../../db/repositories/findings';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { findingFor } from './context';
import { readBoardLayout } from './document';
import { readFinding } from './read';
import { decisionsOf, requireCitationsOnBoard, requireStatus } from './round';

/**
 * Makes a returned finding final, once every deciding group's standing decision this round is
 * approve (`finding_not_approved` otherwise). Its statement is frozen as the groups approved it,
 * its characteristics and questions as they are now; no transition follows.
 */
export async function finalizeFinding(
  deps: CommandDeps,
  account: Account,
  findingId: string,
): Promise<Finding> {
  const { db } = deps;
  const { finding, context } = await findingFor(db, account, findingId, 'write');
  requireStatus(finding, 'returned');
  const live = (await readBoardLayout(db, finding.boardId, [finding.id])).texts.get(finding.id)!;
  const final = {
    statement: (await findings.findRoundStatement(db, finding.id, finding.round)) ?? '',
    characteristics: live.characteristics,
    questions: live.questions,
  };
  await requireCitationsOnBoard(db, context, Object.values(final));
  await runCommand(deps, async ({ tx, audit, emit }) => {
    // Decided inside the transaction, so a decision recorded meanwhile counts.
    const decisions = await decisionsOf(tx, context, finding);
    if (decisions.length === 0 || decisions.some(({ standing }) => standing !== 'approve'))
      throw new AppError('finding_not_approved');
    if (
      !(await findings.moveFinding(tx, finding.id, {
        round: finding.round,
        from: 'returned',
        to: 'final',
        final,
      }))
    )
      throw new AppError('finding_not_returned');
    await audit({
      action: 'finding.finalize',
      actorId: account.id,
      initiativeId: finding.initiativeId,
      details: { boardId: finding.boardId, findingId: finding.id, round: finding.round },
    });
    emit('boardChanged', finding.initiativeId, finding.boardId);
  });
  return readFinding(db, account, findingId);
}
