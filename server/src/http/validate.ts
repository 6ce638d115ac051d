import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '../errors';
import { requestLocale, zodErrorMap } from './locale';

/** `dotted.path` → message, the `fields` of a validation error. */
export function fieldErrors(error: z.core.$ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= { message: issue.message };
  }
  return fields;
}

/**
 * zValidator whose failure is the API's 400 `validation_failed` with every field's message in the
 * caller's language. The failing input is parsed again with the caller's locale only on failure.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const localized = schema.safeParse(result.data, { error: zodErrorMap(requestLocale(c)) });
    throw new AppError('validation_failed', fieldErrors(localized.error ?? result.error));
  });
}
