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
 * unsorted. Ties sort by card id, so every browser shows the same order.
 */
export function deriveColumns(
  cards: readonly InsightCard[],
  placements: ReadonlyMap<string, Placement>,
  findingIds: readonly string[],
): Column[] {
  const byFinding = new Map<string | null, PlacedCard[]>([[null, []]]);
  for (const id of findingIds) byFinding.set(id, []);
  for (const card of cards) {
    const placement = placements.get(card.id);
    const column = placement && byFinding.has(placement.finding) ? placement.finding : null;
    const order = placement && column !== null ? placement.order : unsortedOrder(card, placement);
    byFinding.get(column)!.push({ id: card.id, card, order });
  }
  return [...byFinding].map(([finding, placed]) => ({
    finding,
    cards: placed.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }));
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
