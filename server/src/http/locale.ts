import { extractLocaleFromRequest, type Locale } from '@mizug/i18n/runtime';
import type { Context } from 'hono';

/** The caller's language: the web app's language cookie, else Accept-Language, else English. */
export function requestLocale(c: Context): Locale {
  return extractLocaleFromRequest(c.req.raw);
}

export { zodErrorMap } from '@mizug/i18n/zod';
