import { getLocale } from '@mizug/i18n/runtime';
import type { LocalizedText } from '@mizug/methods';

/** A method's words (titles, summaries, purposes, prompts) in the page's language. */
export const localized = (text: LocalizedText) => text[getLocale()];
