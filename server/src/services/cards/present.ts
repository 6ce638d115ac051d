import type { CardCredit, InsightCard, KnowledgeType, QuoteConsent, Space } from '@mizug/domain';
import type { StoredCard } from '../../db/repositories/insight-cards';
import { cardSourceReaches, cardSourceWithdrawn } from '../../policy/card-sources';
import { can, type Actor, type Resource } from '../../policy/policy';
import { bylineOf, seesTeller } from '../stories/present';
import { toBase64 } from './anchor';
import type { LoadedSource } from './sources';

export type CardResource = Extract<Resource, { kind: 'card' }>;

/** A card as the policy sees it: where it is, who made it, and its source as it is now. */
export const cardResource = (
  card: Pick<StoredCard, 'initiativeId' | 'spaceId'> & { createdBy: string | null },
  space: Pick<Space, 'id' | 'kind'>,
  source: LoadedSource,
): CardResource => ({
  kind: 'card',
  initiativeId: card.initiativeId,
  space: { id: space.id, kind: space.kind },
  createdBy: card.createdBy,
  source: source.resource,
});

/** The kind of knowledge a group's words carry: as its space says (set for named peer spaces). */
const knowledgeOf = (group: Space): KnowledgeType => group.knowledge;

/**
 * A story's teller as the story credits them (the one byline rule), a post's author as the
 * session shows them; a group's work, or a post on its behalf: the group.
 */
export function creditOf(source: LoadedSource): CardCredit {
  if (source.story) return bylineOf(source.story.consent, source.story.tellerName);
  if (source.author) return { credit: 'name', name: source.author.name };
  return { credit: 'group', name: null };
}

/**
 * Withdrawn: its source was withdrawn or no longer reaches the card's space, or the person it
 * quotes withdrew this one quote. The one rule for every place a card shows.
 */
export const cardWithdrawn = (
  card: Pick<StoredCard, 'quoteWithdrawnAt'>,
  source: LoadedSource,
  space: Pick<Space, 'id' | 'kind'>,
) =>
  card.quoteWithdrawnAt !== null ||
  cardSourceWithdrawn(source.resource) ||
  !cardSourceReaches(source.resource, space);

/** Whether the quoted teller let the words leave the initiative, by the story's quoting now. */
export function quoteConsentOf(
  card: Pick<StoredCard, 'quoteDecision'>,
  source: LoadedSource,
): QuoteConsent {
  if (!source.story) return 'not_needed';
  switch (source.story.consent.quoting) {
    case 'yes':
      return 'not_needed';
    case 'no':
      return 'never';
    case 'ask_first':
      return card.quoteDecision ?? 'pending';
  }
}

/** Only words nobody withdrew, whose teller needs no asking or approved, may be exported. */
export const isExportable = (withdrawn: boolean, consent: QuoteConsent) =>
  !withdrawn && (consent === 'not_needed' || consent === 'approved');

/**
 * The card as this reader may see it. Whether it is withdrawn and its quote consent are read
 * from the source now; a withdrawn card shows no quote, anchor or credited name.
 */
export function cardView(
  card: StoredCard,
  source: LoadedSource,
  spaces: ReadonlyMap<string, Space>,
  actor: Actor,
): InsightCard {
  const space = spaces.get(card.spaceId)!;
  const group = spaces.get(source.groupSpaceId)!;
  const resource = cardResource(card, space, source);
  const withdrawn = cardWithdrawn(card, source, space);
  const quoteConsent = quoteConsentOf(card, source);
  const { story } = source;
  // Made by the teller from their own story: naming the maker would name the teller.
  const hidesMaker =
    story !== null && card.createdBy === story.tellerId && !seesTeller(story, actor.accountId);
  return {
    id: card.id,
    spaceId: card.spaceId,
    quote: withdrawn ? null : card.quote,
    source: card.source,
    anchor:
      withdrawn || !card.anchor
        ? null
        : { start: toBase64(card.anchor.start), end: toBase64(card.anchor.end) },
    group: { spaceId: group.id, kind: group.kind, name: group.name },
    knowledgeType: knowledgeOf(group),
    // Withdrawn words name nobody any more.
    credit: withdrawn ? { ...creditOf(source), name: null } : creditOf(source),
    codeIds: card.codeIds,
    evidence: withdrawn ? null : source.evidence,
    withdrawn,
    quoteConsent,
    exportable: isExportable(withdrawn, quoteConsent),
    createdAt: card.createdAt.toISOString(),
    createdBy: hidesMaker ? null : { id: card.createdBy, displayName: card.createdByName },
    isMine: card.createdBy === actor.accountId,
    canCode: can(actor, 'write', resource),
  };
}
