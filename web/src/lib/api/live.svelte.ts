import { nextShown, type Shown } from './kept';
import type { Loaded } from './read';

/**
 * A page's data from its `load`, kept on screen while it reloads: a reload (an `invalidate` after
 * a server-sent change) that cannot reach the server leaves the data shown, and what a change
 * answered is shown at once, until the next load.
 */
export class LiveData<T> {
  /** What a change answered, and the load answer it replaces. */
  #answered = $state<{ over: Loaded<T>; data: T } | null>(null);
  // Memory across loads, not state: it is read only while deriving `#shown`.
  #before: Shown<T> | null = null;

  #shown = $derived.by(() => {
    const loaded = this.loaded();
    const answered = this.#answered;
    const next: Loaded<T> =
      answered && answered.over === loaded ? { state: 'ready', data: answered.data } : loaded;
    this.#before = nextShown(this.#before, next, this.key());
    return this.#before;
  });

  /**
   * `loaded` reads the page's load data; `key` names the address, so the data of another story
   * or session is never kept for this one.
   */
  constructor(
    private readonly loaded: () => Loaded<T>,
    private readonly key: () => string = () => '',
  ) {}

  get current(): Loaded<T> {
    return this.#shown.shown;
  }

  get lastReady(): T | null {
    return this.#shown.lastReady;
  }

  /** Shows what a change answered (the API returns the changed thing), without asking again. */
  set(data: T) {
    this.#answered = { over: this.loaded(), data };
  }
}
