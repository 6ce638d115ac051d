import type { AppType } from '@mizug/server/app';
import { hc } from 'hono/client';

interface ClientOptions {
  fetch?: typeof fetch;
  /** The session's CSRF token, read on every request; sent as `x-csrf-token` when there is one. */
  csrfToken?: () => string | null;
}

/** The typed API client; request and response types come from the server's routes. */
export function apiClient(
  origin: string,
  { fetch: fetchImpl = fetch, csrfToken }: ClientOptions = {},
) {
  return hc<AppType>(origin, {
    fetch: fetchImpl,
    headers: (): Record<string, string> => {
      const token = csrfToken?.();
      return token ? { 'x-csrf-token': token } : {};
    },
  });
}

export type ApiClient = ReturnType<typeof apiClient>;

/**
 * The client a `load` reads with: SvelteKit's `fetch`, which carries the cookie on the server and
 * hands what the server read to the browser, so it does not ask again while the page hydrates.
 */
export const loadClient = (event: { fetch: typeof fetch; url: URL }) =>
  apiClient(event.url.origin, { fetch: event.fetch });
