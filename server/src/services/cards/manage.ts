import type { Account, CardCodes, InsightCard } from '@mizug/domain';
import * as cards from '../../db/repositories/insight-cards';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { cardFor, readCard } from './read';
import type { LoadedSource } from './sources';

/** A teller acting on a card quoting their own story is shown in the audit log as "the teller". */
const tellerOf = (source: LoadedSource, accountId: string) =>
  source.story?.tellerId === accountId ? source.story.id : undefined;

/** Deletes a card its maker no longer wants; its codings go with it. */
export async function deleteCard(
  deps: CommandDeps,
  account: Account,
  cardId: string,
): Promise<void> {
  const { card, source } = await cardFor(deps.db, account, cardId, 'manage');
  await runCommand(deps, async ({ tx, audit, emit }) => {
    await cards.deleteCard(tx, card.id);
    await audit({
      action: 'card.delete',
      actorId: account.id,
      initiativeId: card.initiativeId,
      details: { cardId: card.id, spaceId: card.spaceId, source: card.source },
      tellerOf: tellerOf(source, account.id),
    });
    emit('cardsChanged', card.initiativeId, card.spaceId);
  });
}

/** Makes the card carry exactly these codes of its initiative's codebook. */
export async function setCardCodes(
  deps: CommandDeps,
  account: Account,
  cardId: string,
  { codeIds }: CardCodes,
): Promise<InsightCard> {
  const { card, source } = await cardFor(deps.db, account, cardId, 'write');
  const wanted = [...new Set(codeIds)];
  const known = new Set(await cards.codesOfInitiative(deps.db, card.initiativeId, wanted));
  const unknown = codeIds.findIndex((id) => !known.has(id));
  // The codebook's own refusal: a code of another initiative (or none) is not this card's to carry.
  if (unknown >= 0)
    throw new AppError('code_not_in_initiative', {
      [`codeIds.${unknown}`]: 'code_not_in_initiative',
    });
  await runCommand(deps, async ({ tx, audit, emit }) => {
    await cards.replaceCardCodes(tx, card.id, wanted, account.id);
    await audit({
      action: 'card.code',
      actorId: account.id,
      initiativeId: card.initiativeId,
      details: { cardId: card.id, codeIds: wanted },
      tellerOf: tellerOf(source, account.id),
    });
    emit('cardsChanged', card.initiativeId, card.spaceId);
  });
  return readCard(deps.db, account, cardId);
}
