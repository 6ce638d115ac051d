import type { Loaded } from './read';

/** What a page shows of one thing across reloads, and what it remembers to do so. */
export interface Shown<T> {
  shown: Loaded<T>;
  /** The data shown last for this address, kept when it is gone (then: "no longer shared"). */
  lastReady: T | null;
  key: string;
}

/**
 * What to show when a load answers `loaded` for the address `key`. A reload that could not
 * reach the server keeps the data shown; "not found" replaces it (withdrawn, or no longer
 * shared with this reader). Another address starts afresh.
 */
export function nextShown<T>(before: Shown<T> | null, loaded: Loaded<T>, key: string): Shown<T> {
  const same = before?.key === key;
  const lastReady = same ? before.lastReady : null;
  if (loaded.state === 'ready') return { shown: loaded, lastReady: loaded.data, key };
  if (loaded.state === 'error' && same && before.shown.state === 'ready') return before;
  return { shown: loaded, lastReady, key };
}
