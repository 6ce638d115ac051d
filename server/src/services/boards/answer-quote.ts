import type { Account, FinalQuoteApproval, QuoteConsentDecision } from '@mizug/domain';
import * as approvals from '../../db/repositories/finding-quotes';
import { findFinding } from '../../db/repositories/findings';
import { decideQuoteRequest } from '../../db/repositories/quote-requests';
import { AppError } from '../../errors';
import { creditOf } from '../cards/present';
import { ownQuote } from '../cards/quote-consent';
import { runCommand, type CommandDeps } from '../command';

/**
 * The person a finding's statement quotes answers the request to approve their quote in its
 * final text, with the credit it will carry. Only they may (`manage` of the quote: 403
 * `not_the_teller` to anyone else who reads the card, 404 to anyone who does not). Approving a
 * quote of an "ask me first" story not yet answered approves the card's quoting too: the final
 * text is where it is quoted.
 */
export async function answerFinalQuote(
  deps: CommandDeps,
  account: Account,
  findingId: string,
  cardId: string,
  { approve }: QuoteConsentDecision,
): Promise<FinalQuoteApproval> {
  const { card, source } = await ownQuote(deps, account, cardId);
  const request = (await approvals.listQuoteApprovals(deps.db, findingId)).find(
    (row) => row.cardId === card.id,
  );
  if (!request || request.personId !== account.id) throw new AppError('quote_approval_not_asked');
  const finding = await findFinding(deps.db, findingId);
  if (finding?.status === 'final') throw new AppError('finding_final');
  const decision = approve ? 'approved' : 'declined';
  const story = source.story;
  // The credit the words carry now: the one the person sees when answering.
  const shown = creditOf(source);
  const credit =
    shown.credit === 'group' ? request.credit : { credit: shown.credit, name: shown.name };
  await runCommand(deps, async ({ tx, audit, emit }) => {
    await approvals.decideQuoteApproval(tx, { findingId, cardId: card.id, credit, decision });
    if (approve && story?.consent.quoting === 'ask_first' && card.quoteDecision === null)
      await decideQuoteRequest(tx, { cardId: card.id, storyId: story.id, decision });
    await audit({
      action: 'finding.quote_decide',
      actorId: account.id,
      initiativeId: card.initiativeId,
      details: { findingId, cardId: card.id, decision },
      tellerOf: story?.id,
    });
    emit('boardChanged', card.initiativeId, finding!.boardId);
    emit('cardsChanged', card.initiativeId, card.spaceId);
  });
  return { credit, decision };
}
