import type { CardCredit, CreditBlock, InsightCard } from '@mizug/domain';
import type { ReadableCard } from '../cards/read';

/** A finding's card as the credit block reads it. */
export interface CreditedCard {
  credit: CardCredit;
  group: InsightCard['group'];
  /**
   * Its quote may be used: not withdrawn, and its person's consent not needed or given (not
   * pending, declined or `no`). Only such cards credit anyone.
   */
  usable: boolean;
  /**
   * Who the words are by (a teller's or an author's account, never shown): anonymous people are
   * counted once each however many of their cards there are. Null for a group's work.
   */
  person: string | null;
}

/**
 * The credits of a finding's cards, following each person's attribution choice for each
 * contribution: a name or pseudonym once, anonymous people counted and never named, groups by
 * name. Words that may not be used (withdrawn, or their consent pending, declined or `no`) credit
 * nobody.
 */
export function creditBlock(cards: readonly CreditedCard[]): CreditBlock {
  const people = new Map<string, CreditBlock['people'][number]>();
  const anonymous = new Set<string>();
  const groups = new Map<string, CreditBlock['groups'][number]>();
  for (const card of cards) {
    if (!card.usable) continue;
    const { credit, name } = card.credit;
    if (credit === 'group') groups.set(card.group.spaceId, card.group);
    else if ((credit === 'name' || credit === 'pseudonym') && name)
      people.set(`${credit}:${name}`, { credit, name });
    // Without a person to count by, each such card counts once.
    else anonymous.add(card.person ?? `card:${anonymous.size}`);
  }
  return { people: [...people.values()], anonymous: anonymous.size, groups: [...groups.values()] };
}

/** A card of a board as its reader sees it; only a story's teller may choose anonymity. */
export const creditedCard = ({ view, source }: ReadableCard): CreditedCard => ({
  credit: view.credit,
  group: view.group,
  usable: view.exportable,
  person: source.story?.tellerId ?? null,
});
