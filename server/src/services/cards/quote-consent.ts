import type { Account, InsightCard, QuoteConsentDecision } from '@mizug/domain';
import { withdrawQuote as storeWithdrawal } from '../../db/repositories/insight-cards';
import { decideQuoteRequest } from '../../db/repositories/quote-requests';
import { AppError } from '../../errors';
import { can } from '../../policy/policy';
import { runCommand, type CommandDeps } from '../command';
import { authorize } from '../../policy/authorize';
import { cardView } from './present';
import { loadCard } from './read';

/**
 * A card and its source, for the person whose words it quotes (`manage` of the quote), even
 * where they do not read the card's space. Anyone else who reads the card is told it is not
 * theirs to decide (403); anyone who does not is told nothing (404).
 */
export async function ownQuote(deps: CommandDeps, account: Account, cardId: string) {
  const found = await loadCard(deps.db, account, cardId);
  const { card, actor, source } = found;
  const quote = {
    kind: 'quote',
    initiativeId: card.initiativeId,
    source: source.resource,
  } as const;
  if (can(actor, 'manage', quote)) return found;
  authorize(actor, 'read', found.resource);
  throw new AppError('not_the_teller');
}

/** The card as the person it quotes sees it once they acted. */
async function viewOwn(deps: CommandDeps, account: Account, cardId: string) {
  const { card, source, spaces, actor } = await loadCard(deps.db, account, cardId);
  return cardView(card, source, spaces, actor);
}

/** The teller answers a request to quote their story; only "ask me first" stories ask. */
export async function decideQuote(
  deps: CommandDeps,
  account: Account,
  cardId: string,
  { approve }: QuoteConsentDecision,
): Promise<InsightCard> {
  const { card, source } = await ownQuote(deps, account, cardId);
  const story = source.story;
  if (!story || story.consent.quoting !== 'ask_first')
    throw new AppError('quote_consent_not_asked');
  const decision = approve ? 'approved' : 'declined';
  await runCommand(deps, async ({ tx, audit, emit }) => {
    await decideQuoteRequest(tx, { cardId: card.id, storyId: story.id, decision });
    await audit({
      action: 'quote.decide',
      actorId: account.id,
      initiativeId: card.initiativeId,
      details: { cardId: card.id, storyId: story.id, decision },
      tellerOf: story.id,
    });
    emit('cardsChanged', card.initiativeId, card.spaceId);
  });
  return viewOwn(deps, account, cardId);
}

/**
 * The teller of the quoted story, or the author of the quoted post, withdraws this one quote:
 * the card shows withdrawn everywhere from now on.
 */
export async function withdrawQuote(
  deps: CommandDeps,
  account: Account,
  cardId: string,
): Promise<InsightCard> {
  const { card, source } = await ownQuote(deps, account, cardId);
  if (card.quoteWithdrawnAt === null)
    await runCommand(deps, async ({ tx, audit, emit }) => {
      await storeWithdrawal(tx, card.id);
      await audit({
        action: 'quote.withdraw',
        actorId: account.id,
        initiativeId: card.initiativeId,
        details: { cardId: card.id, spaceId: card.spaceId, source: card.source },
        tellerOf: source.story?.id,
      });
      emit('cardsChanged', card.initiativeId, card.spaceId);
    });
  return viewOwn(deps, account, cardId);
}
