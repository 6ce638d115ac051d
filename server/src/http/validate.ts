import { zValidator } from '@hono/zod-validator';
import type { ErrorCode } from '@mizug/domain';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '../errors';
import { requestLocale, zodErrorMap } from './locale';

/**
 * Largest JSON body the API reads. Every JSON body is read through `validate('json', …)`, which
 * applies it; uploads are forms with their own, larger limits (routes/story-photos.ts, …).
 */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const jsonBodyLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw new AppError('payload_too_large');
  },
});

/** `dotted.path` → message, the `fields` of a validation error. */
export function fieldErrors(error: z.core.$ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= { message: issue.message };
  }
  return fields;
}

/** What a body that cannot be read at all is called, by where it was to be read from. */
const unreadable: Partial<Record<keyof ValidationTargets, ErrorCode>> = {
  json: 'malformed_json',
  form: 'malformed_upload',
};

/**
 * zValidator whose failure is the API's 400 `validation_failed` with every field's message in the
 * caller's language. The failing input is parsed again with the caller's locale only on failure.
 * A body Hono cannot parse (its bare 400) is `malformed_json`, or `malformed_upload` for a broken
 * multipart form. A JSON body over `MAX_JSON_BODY_BYTES` is refused (413) before it is parsed.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  const validator = zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const localized = schema.safeParse(result.data, { error: zodErrorMap(requestLocale(c)) });
    throw new AppError('validation_failed', fieldErrors(localized.error ?? result.error));
  });
  const code = unreadable[target];
  if (!code) return validator;
  const renamed = (async (c, next) => {
    // Only the reading of the body is renamed, never a failure of the handlers after it.
    let read = false;
    try {
      return await validator(c, () => {
        read = true;
        return next();
      });
    } catch (error) {
      if (!read && error instanceof HTTPException && error.status === 400) throw new AppError(code);
      throw error;
    }
  }) as typeof validator;
  if (target !== 'json') return renamed;
  const limited: MiddlewareHandler = (c, next) => jsonBodyLimit(c, () => renamed(c, next));
  return limited as typeof validator;
}
