import { describe, expect, it } from 'vitest';
import { creditBlock, type CreditedCard } from './credit-block';

const lived = {
  spaceId: '00000000-0000-4000-8000-000000000001',
  kind: 'lived_experience',
  name: null,
} as const;
const practice = {
  spaceId: '00000000-0000-4000-8000-000000000002',
  kind: 'practitioners',
  name: 'עובדות סוציאליות',
} as const;
const card = (
  credit: CreditedCard['credit'],
  person: string | null,
  extra: Partial<CreditedCard> = {},
): CreditedCard => ({
  credit,
  group: lived,
  usable: true,
  person,
  ...extra,
});

describe('creditBlock', () => {
  it('credits each person as they chose, counts the anonymous and names groups', () => {
    expect(
      creditBlock([
        card({ credit: 'pseudonym', name: 'ורד' }, 'miriam'),
        card({ credit: 'pseudonym', name: 'ורד' }, 'miriam'),
        card({ credit: 'name', name: 'סלמה' }, 'salma'),
        card({ credit: 'anonymous', name: null }, 'dalia'),
        card({ credit: 'anonymous', name: null }, 'dalia'),
        card({ credit: 'anonymous', name: null }, 'noa'),
        card({ credit: 'group', name: null }, null, { group: practice }),
        card({ credit: 'group', name: null }, null, { group: practice }),
      ]),
    ).toEqual({
      people: [
        { credit: 'pseudonym', name: 'ורד' },
        { credit: 'name', name: 'סלמה' },
      ],
      anonymous: 2,
      groups: [practice],
    });
  });

  it('credits nobody for words that may not be used (withdrawn, pending, declined or no)', () => {
    expect(
      creditBlock([
        card({ credit: 'pseudonym', name: null }, 'miriam', { usable: false }),
        card({ credit: 'name', name: 'סלמה' }, 'salma', { usable: false }),
        card({ credit: 'anonymous', name: null }, 'dalia', { usable: false }),
        card({ credit: 'group', name: null }, null, { group: practice, usable: false }),
      ]),
    ).toEqual({ people: [], anonymous: 0, groups: [] });
  });
});
