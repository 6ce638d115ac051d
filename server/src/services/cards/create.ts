import type { Account, InsightCard, NewCard } from '@mizug/domain';
import * as cards from '../../db/repositories/insight-cards';
import { findSpace } from '../../db/repositories/initiatives';
import { insertQuoteRequest } from '../../db/repositories/quote-requests';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import {
  cardSourceReaches,
  cardSourceReadResource,
  cardSourceWithdrawn,
} from '../../policy/card-sources';
import { spaceResource } from '../../policy/resources';
import type { Queryable } from '../../db/database';
import { runCommand, type CommandDeps, type CommandScope } from '../command';
import { checkAnchor } from './anchor';
import { cardResource } from './present';
import { readCard } from './read';
import { requireCardSource, sourceText, type LoadedSource } from './sources';

/**
 * Quotes a passage of a source in a space. Refused, with nothing stored, unless the caller
 * writes in the space, reads the source, the source reaches that space and is not withdrawn,
 * and the quote is in the source's current text (and the anchor, if any, points at it).
 */
export async function createCard(
  deps: CommandDeps,
  account: Account,
  spaceId: string,
  input: NewCard,
): Promise<InsightCard> {
  const { db } = deps;
  const space = await findSpace(db, spaceId);
  if (!space) throw new AppError('not_found');
  const actor = await loadActor(db, account, space.initiativeId);
  authorize(actor, 'write', spaceResource(space));
  const source = await requireCardSource(db, account, actor, input.source, space.initiativeId);
  // The policy decides; these say which of its rules refused, in the caller's language.
  authorize(actor, 'read', cardSourceReadResource(source.resource));
  if (!cardSourceReaches(source.resource, space)) throw new AppError('source_not_shared_here');
  if (cardSourceWithdrawn(source.resource)) throw new AppError('source_withdrawn');
  const newCard = { initiativeId: space.initiativeId, spaceId, createdBy: null };
  authorize(actor, 'create', cardResource(newCard, space, source));

  if (!(await sourceText(db, source)).includes(input.quote))
    throw new AppError('quote_not_in_source');
  let anchor = null;
  if (input.anchor) {
    if (!source.docName) throw new AppError('validation_failed', { anchor: 'validation_failed' });
    anchor = await checkAnchor(db, source.docName, input.anchor, input.quote);
  }

  const cardId = await runCommand(deps, async ({ tx, audit, emit }) => {
    // Decided again inside the transaction: a withdrawal in between refuses the card.
    const now = await requireCardSource(tx, account, actor, input.source, space.initiativeId);
    authorize(actor, 'create', cardResource(newCard, space, now));
    const id = await cards.insertCard(tx, {
      initiativeId: space.initiativeId,
      spaceId,
      source: input.source,
      storyId: now.story?.id ?? null,
      quote: input.quote,
      anchor,
      createdBy: account.id,
    });
    // Never the quote, never who told it: a teller quoting their own story shows as "the teller".
    await audit({
      action: 'card.create',
      actorId: account.id,
      initiativeId: space.initiativeId,
      details: { cardId: id, spaceId, source: input.source },
      tellerOf: now.story?.tellerId === account.id ? now.story.id : undefined,
    });
    await askTeller(audit, tx, now, id, account.id);
    emit('cardsChanged', space.initiativeId, spaceId);
    return id;
  });
  return readCard(db, account, cardId);
}

/**
 * A story whose quoting is "ask me first": the card asks its teller (answered already when the
 * teller quotes themselves). The entry names the story, never the teller.
 */
async function askTeller(
  audit: CommandScope['audit'],
  tx: Queryable,
  source: LoadedSource,
  cardId: string,
  makerId: string,
) {
  const { story } = source;
  if (story?.consent.quoting !== 'ask_first') return;
  const byTeller = story.tellerId === makerId;
  await insertQuoteRequest(tx, {
    cardId,
    storyId: story.id,
    decision: byTeller ? 'approved' : null,
  });
  await audit({
    action: 'quote.request',
    actorId: makerId,
    initiativeId: story.initiativeId,
    details: { cardId, storyId: story.id },
    tellerOf: byTeller ? story.id : undefined,
  });
}
