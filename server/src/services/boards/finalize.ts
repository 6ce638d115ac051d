import type { Account, Finding } from '@mizug/domain';
import { cardsOfSpaceAmong } from '../../db/repositories/boards';
import * as findings from '../../db/repositories/findings';
import { AppError } from '../../errors';
import { readableCards } from '../cards/read';
import { runCommand, type CommandDeps } from '../command';
import { findingFor } from './context';
import { readBoardLayout } from './document';
import {
  askQuotedPeople,
  asksQuoteApproval,
  quotedCardsOf,
  requireQuotesApproved,
} from './quote-approvals';
import { readFinding } from './read';
import { decisionsOf, requireCitationsOnBoard, requireStatus } from './round';

/**
 * Makes a returned finding final, once every deciding group's standing decision this round is
 * approve (`finding_not_approved` otherwise) and, at the final co-writing, every person its
 * statement quotes approved their quote and its credit (asked here if they were not yet). Its
 * statement is frozen as the groups approved it, its characteristics and questions as they are
 * now, and its cards as they are placed; no transition follows.
 */
export async function finalizeFinding(
  deps: CommandDeps,
  account: Account,
  findingId: string,
): Promise<Finding> {
  const { db } = deps;
  const { finding, context } = await findingFor(db, account, findingId, 'write');
  requireStatus(finding, 'returned');
  const layout = await readBoardLayout(db, finding.boardId, [finding.id]);
  const live = layout.texts.get(finding.id)!;
  const final = {
    statement: (await findings.findRoundStatement(db, finding.id, finding.round)) ?? '',
    characteristics: live.characteristics,
    questions: live.questions,
  };
  await requireCitationsOnBoard(db, context, Object.values(final));
  const placed = [...layout.placements]
    .filter(([, placement]) => placement.finding === finding.id)
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([cardId]) => cardId);
  // A board's cards are the cards made in its space; a placement of any other id is ignored.
  const ofSpace = new Set(await cardsOfSpaceAmong(db, context.space.id, placed));
  const frozenCards = placed.filter((id) => ofSpace.has(id));

  const asks = asksQuoteApproval(context);
  const quoted = asks
    ? quotedCardsOf(
        final.statement,
        new Map(
          (await readableCards(db, account, context.actor, context.space)).map((entry) => [
            entry.card.id,
            entry,
          ]),
        ),
      )
    : [];
  if (asks) await askQuotedPeople(deps, account, finding, quoted);

  await runCommand(deps, async ({ tx, audit, emit }) => {
    // Decided inside the transaction, so a decision recorded meanwhile counts.
    const decisions = await decisionsOf(tx, context, finding);
    if (decisions.length === 0 || decisions.some(({ standing }) => standing !== 'approve'))
      throw new AppError('finding_not_approved');
    if (asks) await requireQuotesApproved(tx, finding.id, quoted);
    if (
      !(await findings.moveFinding(tx, finding.id, {
        round: finding.round,
        from: 'returned',
        to: 'final',
        final,
      }))
    )
      throw new AppError('finding_not_returned');
    await findings.insertFinalCards(tx, finding.id, frozenCards);
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
