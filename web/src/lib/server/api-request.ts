/** The end of the connection a page request came in on: this process's own HTTP server. */
export interface LocalEnd {
  localAddress?: string;
  localPort?: number;
}

/**
 * Where a page's server-side load reaches the API: the address and port this very request came
 * in on, since the API and the pages are one Node server (server/src/node-server.ts). Asking
 * the public origin instead would leave the machine through the reverse proxy, or fail inside a
 * container that cannot resolve it.
 */
export function localApiOrigin(end: LocalEnd): string | null {
  if (!end.localAddress || !end.localPort) return null;
  const host = end.localAddress.includes(':') ? `[${end.localAddress}]` : end.localAddress;
  return `http://${host}:${end.localPort}`;
}

/** Whether a load's request is for this site's API (SvelteKit itself would answer it 404). */
export const isOwnApi = (url: URL, pageOrigin: string) =>
  url.origin === pageOrigin && (url.pathname === '/api' || url.pathname.startsWith('/api/'));

/**
 * The request sent to the API on the person's behalf: same path and method, their cookies (the
 * sign-in and the language), and the address the proxy gave, so the API sees them, not itself.
 */
export function apiRequest(request: Request, origin: string, incoming: Headers): Request {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  for (const name of ['cookie', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host']) {
    const value = incoming.get(name);
    if (value) headers.set(name, value);
  }
  return new Request(`${origin}${url.pathname}${url.search}`, {
    method: request.method,
    headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
    // Node's fetch needs this to send a streamed body.
    ...(request.body ? { duplex: 'half' } : {}),
  } as RequestInit);
}
