import { describe, expect, it } from 'vitest';
import { creditText, shortQuote } from './board-labels';

const group = { spaceId: '00000000-0000-4000-8000-000000000001', kind: 'practitioners' } as const;

describe('creditText', () => {
  it('credits a card as the API gives it: a name, a pseudonym marked as one, or no one', () => {
    const card = (credit: 'name' | 'pseudonym' | 'anonymous', name: string | null) => ({
      credit: { credit, name },
      group: { ...group, name: null },
    });
    expect(creditText(card('name', 'Dana'))).toBe('Dana');
    expect(creditText(card('pseudonym', 'Vered'))).toBe('Vered (pseudonym)');
    expect(creditText(card('anonymous', null))).toBe('Anonymous');
  });

  it('credits a group by its own name, or a built-in group by the name the UI gives it', () => {
    const credit = { credit: 'group', name: null } as const;
    expect(creditText({ credit, group: { ...group, name: 'Nurses' } })).toBe('Nurses');
    expect(creditText({ credit, group: { ...group, name: null } })).not.toBe('');
  });
});

describe('shortQuote', () => {
  it('keeps a short quote whole and cuts a long one at the limit with an ellipsis', () => {
    expect(shortQuote({ quote: 'the  evenings\nare long', withdrawn: false })).toBe(
      'the evenings are long',
    );
    const long = shortQuote({ quote: 'word '.repeat(40), withdrawn: false }, 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith('…')).toBe(true);
  });

  it('never shows the quote of a withdrawn card', () => {
    expect(shortQuote({ quote: 'secret', withdrawn: true })).toBe('withdrawn');
    expect(shortQuote({ quote: null, withdrawn: true })).toBe('withdrawn');
  });
});
