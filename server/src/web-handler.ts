import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** SvelteKit's adapter-node output; the same relative path from server/src and server/dist. */
export const webBuildHandler = fileURLToPath(
  new URL('../../web/build/handler.js', import.meta.url),
);

/**
 * Headers on every page and file of the web app. The Content-Security-Policy itself comes from
 * SvelteKit (`kit.csp` in web/svelte.config.js), which gives each page's inline script its nonce.
 */
export const pageSecurityHeaders: Record<string, string> = {
  // With frame-ancestors 'none' in the CSP: no other site may frame the consent form (clickjacking).
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Addresses name stories and spaces: other sites get no Referer. Not no-referrer, which would
  // make the browser send `Origin: null` on same-origin POSTs that the CSRF check reads.
  'Referrer-Policy': 'same-origin',
  // Recordings and photos use the microphone and camera, on this origin only.
  'Permissions-Policy':
    'camera=(self), microphone=(self), display-capture=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The built web app's request handler, or undefined when the web app has not been built. */
export async function loadWebHandler(path = webBuildHandler): Promise<NodeHandler | undefined> {
  if (!existsSync(path)) return undefined;
  const { handler } = (await import(pathToFileURL(path).href)) as { handler: NodeHandler };
  return (req, res, next) => {
    for (const [name, value] of Object.entries(pageSecurityHeaders)) res.setHeader(name, value);
    handler(req, res, next);
  };
}
