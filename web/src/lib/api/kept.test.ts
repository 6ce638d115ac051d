import { describe, expect, it } from 'vitest';
import { nextShown } from './kept';
import type { Loaded } from './read';

const ready = (data: string): Loaded<string> => ({ state: 'ready', data });
const failed: Loaded<string> = { state: 'error', message: 'unreachable' };
const notFound: Loaded<string> = { state: 'not_found' };

describe('nextShown', () => {
  it('keeps the data shown when a reload cannot reach the server', () => {
    const first = nextShown(null, ready('v1'), 's1');
    expect(nextShown(first, failed, 's1').shown).toEqual(ready('v1'));
  });

  it('shows "not found" after data, and remembers what was shown', () => {
    const first = nextShown(null, ready('v1'), 's1');
    const gone = nextShown(first, notFound, 's1');
    expect(gone.shown).toEqual(notFound);
    expect(gone.lastReady).toBe('v1');
  });

  it('starts afresh for another address', () => {
    const first = nextShown(null, ready('v1'), 's1');
    const other = nextShown(first, failed, 's2');
    expect(other.shown).toEqual(failed);
    expect(other.lastReady).toBeNull();
  });

  it('shows a first failure as it is', () => {
    expect(nextShown(null, failed, 's1').shown).toEqual(failed);
  });
});
