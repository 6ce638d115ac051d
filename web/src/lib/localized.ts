import { getLocale, type Locale } from '@mizug/i18n/runtime';
import type { LocalizedText } from '@mizug/methods';

/** A method's words (titles, summaries, purposes, prompts) in the page's language. */
export const localized = (text: LocalizedText) => text[getLocale()];

/** The fallback order when a person's text has no words in the page's language. */
const fallback: readonly Locale[] = ['he', 'ar', 'en'];

/**
 * Words people wrote in some of the languages (a code's name) in the page's language, else in
 * the first language they have, with that language (for `lang`); empty when there are none.
 */
export function pick(text: Partial<Record<Locale, string>>): { text: string; lang?: Locale } {
  for (const locale of [getLocale(), ...fallback]) {
    const found = text[locale];
    if (found) return { text: found, lang: locale };
  }
  return { text: '' };
}
