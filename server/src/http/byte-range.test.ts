import { describe, expect, it } from 'vitest';
import { requestedRange } from './byte-range';

describe('requestedRange', () => {
  it('reads the ranges players ask for', () => {
    expect(requestedRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(requestedRange('bytes=0-1', 100)).toEqual({ start: 0, end: 1 });
    expect(requestedRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(requestedRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
  });

  it('sends everything without a usable header, and refuses a range past the end', () => {
    expect(requestedRange(undefined, 100)).toBeUndefined();
    expect(requestedRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(requestedRange('items=0-1', 100)).toBeUndefined();
    expect(requestedRange('bytes=100-', 100)).toBeNull();
    expect(requestedRange('bytes=9-3', 100)).toBeNull();
  });
});
