import type { CodeNode } from '@mizug/domain';
import { overwriteGetLocale } from '@mizug/i18n/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { filled, flatten, optionLabel, pick, selfAndBelow } from './codebook';

let made = 0;
const node = (he: string, children: CodeNode[] = []): CodeNode => ({
  id: `code-${++made}`,
  initiativeId: 'initiative-1',
  parentId: null,
  name: { he },
  description: {},
  colour: '#000000',
  position: 0,
  cardCount: 0,
  children,
});

describe('the codebook page', () => {
  beforeAll(() => overwriteGetLocale(() => 'ar'));

  const building = node('בניין');
  const neighbours = node('שכנים', [building]);
  const loneliness = node('בדידות', [node('משפחה'), neighbours]);
  const tree = [loneliness, node('בריאות')];

  it('lists the tree in reading order with each code’s depth', () => {
    expect(flatten(tree).map(({ code, depth }) => `${depth}:${code.name.he}`)).toEqual([
      '0:בדידות',
      '1:משפחה',
      '1:שכנים',
      '2:בניין',
      '0:בריאות',
    ]);
  });

  it('never offers a code, or what is below it, as its own new parent', () => {
    const excluded = selfAndBelow(neighbours);
    expect([...excluded]).toEqual([neighbours.id, building.id]);
    expect(excluded.has(loneliness.id)).toBe(false);
  });

  it('indents a choice by its depth and isolates the name written in it', () => {
    expect(optionLabel({ code: building, depth: 2 })).toBe(
      '\u00a0\u00a0\u00a0\u00a0– \u2068בניין\u2069',
    );
  });

  it('shows the page’s language first, else the first language the code has', () => {
    expect(pick({ he: 'בדידות', ar: 'الوحدة' })).toEqual({ text: 'الوحدة', lang: 'ar' });
    expect(pick({ en: 'Loneliness', he: 'בדידות' })).toEqual({ text: 'בדידות', lang: 'he' });
    expect(pick({})).toEqual({ text: '' });
  });

  it('sends only the languages filled in', () => {
    expect(filled({ he: ' בדידות ', ar: '  ', en: '' })).toEqual({ he: 'בדידות' });
  });
});
