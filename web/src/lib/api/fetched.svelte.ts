import { load, type JsonResponse, type Loaded } from './load';

/**
 * Data a component asks for itself, after the page has loaded (a history opened on demand, a
 * space's people beside a story), and again after a change. Page data comes from `load`
 * instead (see `LiveData`). Reloading keeps what is shown until the new answer arrives, and
 * only the newest answer is kept when several reloads overlap.
 */
export class FetchedData<T> {
  current = $state<Loaded<T>>({ state: 'loading' });
  /** The data shown last since `load()`, kept when it is gone (then: "no longer shared"). */
  lastReady = $state<T | null>(null);
  #latest = 0;

  /** `request` is called on every (re)load, so it reads the page's current parameters. */
  constructor(private readonly request: () => Promise<JsonResponse<T>>) {}

  /** Loads from scratch, showing "loading" meanwhile: for a page's first load or a new address. */
  load(): Promise<void> {
    this.current = { state: 'loading' };
    this.lastReady = null;
    return this.#fetch();
  }

  /**
   * Loads again after a change. A failure to reach the server keeps the data shown; "not found"
   * replaces it (the thing was withdrawn or is no longer shared with this reader).
   */
  reload(): Promise<void> {
    return this.#fetch();
  }

  /** Shows what a change answered (the API returns the changed thing), without asking again. */
  set(data: T) {
    this.#latest++;
    this.#show({ state: 'ready', data });
  }

  async #fetch() {
    const mine = ++this.#latest;
    const loaded = await load(this.request);
    if (mine !== this.#latest) return;
    const keep =
      this.current.state === 'ready' && (loaded.state === 'error' || loaded.state === 'loading');
    if (!keep) this.#show(loaded);
  }

  #show(loaded: Loaded<T>) {
    this.current = loaded;
    if (loaded.state === 'ready') this.lastReady = loaded.data;
  }
}
