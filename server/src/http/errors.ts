import type { ErrorCode } from '@mizug/domain';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, errorBody, errorStatus, type FieldErrors } from '../errors';
import type { Logger } from '../logger';
import { requestLocale } from './locale';

const httpStatusCodes: Partial<Record<number, ErrorCode>> = {
  // Hono raises a bare 400 only when it cannot parse the body.
  400: 'malformed_json',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

function respond(
  c: Context,
  code: ErrorCode,
  fields?: FieldErrors,
  wait?: { retryAfter: number },
  waiting?: number,
) {
  if (wait) c.header('Retry-After', String(wait.retryAfter));
  return c.json(errorBody(code, requestLocale(c), fields, wait, waiting), errorStatus(code));
}

/** Maps every failure to the one error body; unexpected ones are logged and never shown. */
export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof AppError)
      return respond(c, error.code, error.fields, error.wait, error.waiting);
    if (error instanceof HTTPException) {
      const code = httpStatusCodes[error.status];
      if (code) return respond(c, code);
    }
    logger.error(
      { err: error, method: c.req.method, path: c.req.path },
      'unexpected error while handling a request',
    );
    return respond(c, 'internal');
  };
}

export const notFoundHandler: NotFoundHandler = (c) => respond(c, 'not_found');
