import type { InsightCard } from '@mizug/domain';
import type { Placement } from '@mizug/editor/board';
import { describe, expect, it } from 'vitest';
import { deriveColumns, orderAt, orderAtEnd, orderAtShown } from './board-columns';

const findingA = '00000000-0000-4000-8000-00000000000a';
const findingB = '00000000-0000-4000-8000-00000000000b';

function card(id: string, createdAt = '2026-12-01T10:00:00.000Z'): InsightCard {
  return {
    id,
    spaceId: '00000000-0000-4000-8000-000000000001',
    quote: `quote ${id}`,
    source: { kind: 'post', id: '00000000-0000-4000-8000-000000000002' },
    anchor: null,
    group: { spaceId: '00000000-0000-4000-8000-000000000001', kind: 'practitioners', name: null },
    knowledgeType: 'practice',
    credit: { credit: 'name', name: 'Dana' },
    codeIds: [],
    withdrawn: false,
    quoteConsent: 'not_needed',
    exportable: true,
    createdAt,
    createdBy: null,
    isMine: false,
    canCode: false,
    evidence: null,
  };
}

const ids = (cards: { id: string }[]) => cards.map((entry) => entry.id);

describe('deriveColumns', () => {
  it('puts every card never moved in the unsorted pile, oldest first, then one column per finding', () => {
    const columns = deriveColumns(
      [card('c2', '2026-12-01T10:00:02.000Z'), card('c1', '2026-12-01T10:00:01.000Z')],
      new Map(),
      [findingA, findingB],
    );
    expect(columns.map((column) => column.finding)).toEqual([null, findingA, findingB]);
    expect(ids(columns[0]!.cards)).toEqual(['c1', 'c2']);
    expect(columns[1]!.cards).toEqual([]);
  });

  it('sorts a finding’s cards by their order, ties by id, the same in every browser', () => {
    const placements = new Map<string, Placement>([
      ['c1', { finding: findingA, order: 2 }],
      ['c3', { finding: findingA, order: 1 }],
      ['c2', { finding: findingA, order: 1 }],
    ]);
    const [, a] = deriveColumns([card('c1'), card('c2'), card('c3')], placements, [findingA]);
    expect(ids(a!.cards)).toEqual(['c2', 'c3', 'c1']);
  });

  it('ignores placements of cards that are not the board’s, and unsorts cards of a finding that is gone', () => {
    const placements = new Map<string, Placement>([
      ['elsewhere', { finding: findingA, order: 0 }],
      ['c1', { finding: findingB, order: 0 }],
    ]);
    const [unsorted, a] = deriveColumns([card('c1')], placements, [findingA]);
    expect(ids(unsorted!.cards)).toEqual(['c1']);
    expect(a!.cards).toEqual([]);
  });

  it('keeps a card moved back to the unsorted pile where it was dropped among the others', () => {
    const older = card('c1', '2026-12-01T10:00:01.000Z');
    const newer = card('c2', '2026-12-01T10:00:03.000Z');
    const between = (Date.parse(older.createdAt) + Date.parse(newer.createdAt)) / 2;
    const placements = new Map<string, Placement>([['c3', { finding: null, order: between }]]);
    const [unsorted] = deriveColumns([newer, card('c3'), older], placements, []);
    expect(ids(unsorted!.cards)).toEqual(['c1', 'c3', 'c2']);
  });

  it('keeps the columns a move did not touch, so only the lists it changed are drawn again', () => {
    const cards = [card('c1'), card('c2')];
    const first = deriveColumns(cards, new Map(), [findingA, findingB]);
    const moved = deriveColumns(
      cards,
      new Map([['c1', { finding: findingA, order: 0 }]]),
      [findingA, findingB],
      first,
    );
    expect(moved[2]).toBe(first[2]);
    expect(moved[0]).not.toBe(first[0]);
    expect(moved[0]!.cards[0]).toBe(first[0]!.cards[1]);
    expect(ids(moved[1]!.cards)).toEqual(['c1']);
  });
});

describe('orderAt', () => {
  const others = [{ order: 1 }, { order: 2 }];

  it('gives a card dropped between two cards an order between theirs', () => {
    expect(orderAt(others, 1)).toBe(1.5);
  });

  it('gives a card dropped first or last an order beyond its only neighbour', () => {
    expect(orderAt(others, 0)).toBe(0);
    expect(orderAt(others, 2)).toBe(3);
    expect(orderAt([], 0)).toBe(0);
  });

  it('puts a card moved by the menu after the last card of the column', () => {
    const [, a] = deriveColumns([card('c1')], new Map([['c1', { finding: findingA, order: 7 }]]), [
      findingA,
    ]);
    expect(orderAtEnd(a!)).toBe(8);
  });
});

describe('orderAtShown', () => {
  const placed = (id: string, order: number) => ({ id, card: card(id), order });
  const cards = [placed('c1', 1), placed('c2', 2), placed('c3', 3), placed('c4', 4)];

  it('drops a card last of the cards drawn before the first card not drawn yet', () => {
    const shown = [cards[0]!, cards[1]!, placed('new', 0)];
    const order = orderAtShown(shown, cards, 'new', 2);
    expect(order).toBe(2.5);
    expect(order).toBeLessThan(cards[2]!.order);
  });

  it('moves a drawn card within the drawn ones as dropped', () => {
    const shown = [cards[1]!, cards[0]!];
    expect(orderAtShown(shown, cards, 'c2', 0)).toBe(0);
  });
});
