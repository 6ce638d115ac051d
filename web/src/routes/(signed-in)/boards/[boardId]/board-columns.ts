import type { InsightCard } from '@mizug/domain';
import type { Placement } from '@mizug/editor/board';

/** A card as a column lists it: `id` is what svelte-dnd-action keys items by. */
export interface PlacedCard {
  id: string;
  card: InsightCard;
  /** Where it sorts in its column; an unplaced card sorts by when it was made. */
  order: number;
}

export interface Column {
  /** The finding's id, or null for the unsorted pile. */
  finding: string | null;
  cards: PlacedCard[];
}

/**
 * The board's columns: the unsorted pile first, then one per finding in the findings' order.
 * Only the board's own cards count; a placement naming a finding that is gone leaves its card
 * unsorted. Ties sort by card id, so every browser shows the same order. Given the columns
 * derived before, it returns the ones (and the cards) that did not change as they were, so a
 * move among 500 cards redraws the two lists it touched, not every list.
 */
export function deriveColumns(
  cards: readonly InsightCard[],
  placements: ReadonlyMap<string, Placement>,
  findingIds: readonly string[],
  previous: readonly Column[] = [],
): Column[] {
  const before = new Map(previous.flatMap((column) => column.cards.map((item) => [item.id, item])));
  const byFinding = new Map<string | null, PlacedCard[]>([[null, []]]);
  for (const id of findingIds) byFinding.set(id, []);
  for (const card of cards) {
    const placement = placements.get(card.id);
    const column = placement && byFinding.has(placement.finding) ? placement.finding : null;
    const order = placement && column !== null ? placement.order : unsortedOrder(card, placement);
    const kept = before.get(card.id);
    byFinding
      .get(column)!
      .push(kept?.card === card && kept.order === order ? kept : { id: card.id, card, order });
  }
  return [...byFinding].map(([finding, placed]) => {
    placed.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // A column whose cards did not change stays the same object: its list is not drawn again.
    const same = previous.find((column) => column.finding === finding);
    if (
      same &&
      same.cards.length === placed.length &&
      same.cards.every((item, i) => item === placed[i])
    )
      return same;
    return { finding, cards: placed };
  });
}

/** In the unsorted pile, a card never moved sorts by its making, one moved there by its order. */
function unsortedOrder(card: InsightCard, placement: Placement | undefined) {
  return placement?.finding === null ? placement.order : Date.parse(card.createdAt);
}

/**
 * The order for a card dropped at `index` of a column whose cards (without it) are `others`:
 * halfway between its neighbours, or one step beyond the only one.
 */
export function orderAt(others: readonly { order: number }[], index: number): number {
  const before = others[index - 1]?.order;
  const after = others[index]?.order;
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/** The order that puts a card at the end of a column (the "move to…" menu). */
export const orderAtEnd = (column: Column) => orderAt(column.cards, column.cards.length);

/**
 * How many cards a column draws at first, and how many more each "show more" adds: a pile of
 * 500 cards stays quick to open and to redraw. The outline view lists every card.
 */
export const CARDS_PER_PAGE = 50;

/**
 * The order for card `id` dropped at `index` of the cards a column draws (`shown`, with it):
 * the cards it does not draw yet follow the drawn ones, so one dropped last goes between the
 * last drawn card and the first hidden one, as it was shown.
 */
export function orderAtShown(
  shown: readonly PlacedCard[],
  cards: readonly PlacedCard[],
  id: string,
  index: number,
): number {
  const drawn = new Set(shown.map((item) => item.id));
  const others = shown.filter((item) => item.id !== id);
  const hidden = cards.filter((item) => !drawn.has(item.id) && item.id !== id);
  return orderAt([...others, ...hidden], index);
}
