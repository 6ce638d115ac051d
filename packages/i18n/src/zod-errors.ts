import { z } from 'zod';
import * as m from './paraglide/messages.js';
import type { Locale } from './paraglide/runtime.js';

const zodLocales: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  he: z.locales.he,
  ar: z.locales.ar,
};

/** Rules of Mizug's own that zod has no words for; a schema names one in `params.rule`. */
const ruleMessages = {
  no_markup: m.error_no_markup,
  text_control: m.error_text_control,
  text_broken_character: m.error_text_broken_character,
  text_direction_override: m.error_text_direction_override,
  comment_required: m.error_comment_required,
  duplicate_stage: m.error_duplicate_stage,
  validation_exit: m.error_validation_exit,
  code_name_required: m.error_code_name_required,
  nothing_to_change: m.error_nothing_to_change,
  export_one_scope: m.error_export_one_scope,
} satisfies Record<string, (inputs: Record<string, never>, options: { locale: Locale }) => string>;
export type ValidationRule = keyof typeof ruleMessages;

/**
 * Field messages in `locale`: zod's own translations, and ours for the rules zod does not know.
 * The server (API errors) and the web (forms) use this one map, so both say the same.
 */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  const zodOwn = zodLocales[locale]().localeError;
  return (issue) => {
    const rule = issue.code === 'custom' ? (issue.params?.rule as string | undefined) : undefined;
    if (rule && rule in ruleMessages) {
      return ruleMessages[rule as ValidationRule]({}, { locale });
    }
    return zodOwn(issue);
  };
}
