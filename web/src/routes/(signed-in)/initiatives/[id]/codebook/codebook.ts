import type { CodeNode } from '@mizug/domain';
import * as m from '@mizug/i18n/messages';
import type { Locale } from '@mizug/i18n/runtime';
import { pick } from '$lib/localized';

export { pick };

export const languageNames: Record<Locale, () => string> = {
  he: m.methods_language_he,
  ar: m.methods_language_ar,
  en: m.methods_language_en,
};

/** A field's label in one of the initiative's languages: "Name (Arabic)". */
export const inLanguage = (field: string, locale: Locale) =>
  m.codebook_field_in_language({ field, language: languageNames[locale]() });

/** Someone's words inside a sentence of ours: isolated, so their direction cannot spill over. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** Every code of the tree with its depth, in the order the tree shows them. */
export function flatten(
  nodes: readonly CodeNode[],
  depth = 0,
): { code: CodeNode; depth: number }[] {
  return nodes.flatMap((code) => [{ code, depth }, ...flatten(code.children, depth + 1)]);
}

/** The ids of a code and everything below it: where it cannot be moved. */
export const selfAndBelow = (code: CodeNode): Set<string> =>
  new Set(flatten([code]).map(({ code }) => code.id));

/** A code's name in a list of choices, indented by its depth so the tree reads in a select. */
export const optionLabel = ({ code, depth }: { code: CodeNode; depth: number }) =>
  `${'\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '– ' : ''}${isolate(pick(code.name).text)}`;

/** What a code form edits: one text per initiative language, a colour and a parent. */
export interface CodeDraft {
  name: Partial<Record<Locale, string>>;
  description: Partial<Record<Locale, string>>;
  colour: string;
  parentId: string | null;
}

/** Only the languages filled in: an empty box means "no words in this language". */
export const filled = (text: Partial<Record<Locale, string>>) =>
  Object.fromEntries(
    Object.entries(text)
      .map(([locale, value]) => [locale, value?.trim() ?? ''])
      .filter(([, value]) => value !== ''),
  ) as Partial<Record<Locale, string>>;
