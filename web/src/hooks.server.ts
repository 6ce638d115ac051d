import type { Handle, HandleFetch } from '@sveltejs/kit';
import { getTextDirection } from '@mizug/i18n/runtime';
import { paraglideMiddleware } from '@mizug/i18n/server';
import { apiRequest, isOwnApi, localApiOrigin } from '$lib/server/api-request';

/** Renders every page in the chosen language, with `<html lang dir>` to match. */
export const handle: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) =>
        html
          .replace('%paraglide.lang%', locale)
          .replace('%paraglide.dir%', getTextDirection(locale)),
    });
  });

/**
 * Loads that run on the server ask the API in this same process, over the connection's own
 * address, with the visitor's cookie: SvelteKit would otherwise route `/api/…` to itself.
 */
export const handleFetch: HandleFetch = ({ event, request, fetch }) => {
  const origin = event.platform?.req.socket ? localApiOrigin(event.platform.req.socket) : null;
  if (!origin || !isOwnApi(new URL(request.url), event.url.origin)) return fetch(request);
  return globalThis.fetch(apiRequest(request, origin, event.request.headers));
};
