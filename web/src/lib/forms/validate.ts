import { getLocale } from '@mizug/i18n/runtime';
import { zodErrorMap } from '@mizug/i18n/zod';
import { z } from 'zod';

/** Field path (`languages`, `members.0.handle`) → translated message; what the API sends too. */
export type FieldErrors = Record<string, string>;

/**
 * Checks a form with the same schema the server uses, with zod's messages in the page's
 * language, so people see the same rule before and after sending.
 */
export function validateForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; fields: FieldErrors } {
  const result = schema.safeParse(input, { error: zodErrorMap(getLocale()) });
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return { ok: false, fields };
}
