import { describe, expect, it } from 'vitest';
import { moveTargets } from './board-view';

describe('moveTargets', () => {
  it('offers the unsorted pile and every finding but the final ones', () => {
    const targets = moveTargets([
      { id: 'a', title: 'Draft', status: 'draft' },
      { id: 'b', title: 'Approved', status: 'final' },
      { id: 'c', title: 'Back with the groups', status: 'returned' },
    ]);
    expect(targets.map((target) => target.finding)).toEqual([null, 'a', 'c']);
  });
});
