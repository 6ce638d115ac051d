import type { Account, Finding } from '@mizug/domain';
import * as findings from '../../db/repositories/findings';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { findingFor } from './context';
import { readBoardLayout } from './document';
import { readableCards } from '../cards/read';
import { askQuotedPeople, asksQuoteApproval, quotedCardsOf } from './quote-approvals';
import { readFinding } from './read';
import { requireCitationsOnBoard, requireStatus } from './round';

/**
 * Returns a drafted finding to the groups that decide on it: the next round opens with the
 * statement as it is now kept, so next round's groups see what changed. Refused while it cites a
 * card that is not on its board. At the final co-writing, each person the statement quotes is
 * then asked to approve their quote and its credit (finalize asks again any that are missing).
 */
export async function returnFinding(
  deps: CommandDeps,
  account: Account,
  findingId: string,
): Promise<Finding> {
  const { finding, context } = await findingFor(deps.db, account, findingId, 'write');
  requireStatus(finding, 'draft');
  const texts = (await readBoardLayout(deps.db, finding.boardId, [finding.id])).texts.get(
    finding.id,
  )!;
  await requireCitationsOnBoard(deps.db, context, Object.values(texts));
  const round = finding.round + 1;
  await runCommand(deps, async ({ tx, audit, emit }) => {
    // Moved only from draft: whoever returns it at the same moment is refused.
    if (
      !(await findings.moveFinding(tx, finding.id, {
        round: finding.round,
        from: 'draft',
        to: 'returned',
        nextRound: true,
      }))
    )
      throw new AppError('finding_already_returned');
    await findings.insertRound(tx, {
      findingId: finding.id,
      round,
      statement: texts.statement,
      returnedBy: account.id,
    });
    await audit({
      action: 'finding.return',
      actorId: account.id,
      initiativeId: finding.initiativeId,
      details: { boardId: finding.boardId, findingId: finding.id, round },
    });
    emit('boardChanged', finding.initiativeId, finding.boardId);
  });
  if (asksQuoteApproval(context)) {
    const cards = await readableCards(deps.db, account, context.actor, context.space);
    const onBoard = new Map(cards.map((entry) => [entry.card.id, entry]));
    await askQuotedPeople(deps, account, finding, quotedCardsOf(texts.statement, onBoard));
  }
  return readFinding(deps.db, account, findingId);
}
