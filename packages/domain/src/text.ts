import { z } from 'zod';

/** Why a text cannot be stored; each names a translated field message (`error_<rule>`). */
export type TextRule = 'text_control' | 'text_broken_character' | 'text_direction_override';

/**
 * Control characters nobody types: C0 except tab and line feed (carriage returns are turned into
 * line feeds before this is asked), DEL and C1. NUL is what PostgreSQL cannot store at all.
 */
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Half of a surrogate pair: JSON can carry one, UTF-8 cannot, so storage would replace it. */
const loneSurrogate = /\p{Cs}/u;
/**
 * The embeddings and overrides U+202A–U+202E. An override makes text read otherwise than it is
 * stored (a title that shows one name and sorts, searches and exports as another), and nothing
 * that Hebrew or Arabic needs is lost: the marks (U+200E, U+200F, U+061C) and isolates
 * (U+2066–U+2069) stay allowed, and every paragraph is shown with `dir="auto"`.
 */
const directionOverride = /[\u202A-\u202E]/;

/** The first rule `text` breaks, or null when it may be stored and shown as it is. */
export function textRefusal(text: string): TextRule | null {
  if (controlCharacter.test(text)) return 'text_control';
  if (loneSurrogate.test(text)) return 'text_broken_character';
  if (directionOverride.test(text)) return 'text_direction_override';
  return null;
}

/** Windows and multipart forms send CRLF: one kind of line break is stored, the line feed. */
export const normalizeLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * The one check every text field carries (tests find it to prove that none lacks it); its
 * issue names the rule broken, which the error map words in the caller's language.
 */
export const storableTextCheck = z.superRefine<string>((text, context) => {
  const rule = textRefusal(text);
  if (rule) context.addIssue({ code: 'custom', input: text, params: { rule } });
});

/**
 * Text people type, made storable: line breaks normalized, then refused if it holds what
 * cannot or should not be stored (see `textRefusal`). Use it for every text field of a schema.
 */
export const storableText = <S extends z.ZodString>(schema: S) =>
  schema.overwrite((text) => normalizeLineBreaks(text) as typeof text).check(storableTextCheck);

/**
 * Storable typed text with no markup in it: a "<b>" or "<script>" is refused (with a translated
 * message of its own), "3 < 4" is not.
 */
export const plainText = <S extends z.ZodString>(schema: S) =>
  storableText(schema).refine((text) => !/<[a-z!/?]/i.test(text), {
    params: { rule: 'no_markup' },
  });
