import type { Handle } from '@sveltejs/kit';
import { getTextDirection } from '@mizug/i18n/runtime';
import { paraglideMiddleware } from '@mizug/i18n/server';

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
