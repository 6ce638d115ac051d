import type { Account, Me } from '@mizug/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '../auth/tokens';
import type { Database } from '../db/database';
import { findSession } from '../db/repositories/sessions';
import { AppError } from '../errors';
import type { AppEnv } from './context';

export const SESSION_COOKIE = 'mizug_session';
export const CSRF_HEADER = 'x-csrf-token';

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // requests made in-process (tests) have no socket
  }
}

const isSecure = (c: Context, trustProxy: boolean) =>
  new URL(c.req.url).protocol === 'https:' ||
  (trustProxy && c.req.header('x-forwarded-proto') === 'https');

function setSessionCookie(c: Context, token: string, expiresAt: Date, trustProxy: boolean) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c, trustProxy),
    path: '/',
    expires: expiresAt,
  });
}

/** Answers a request that opened a session (sign-in, join, setup): the cookie plus `Me`. */
export function respondWithSession(
  c: Context,
  session: { account: Account; token: string; csrfToken: string; expiresAt: Date },
  status: 200 | 201,
  trustProxy: boolean,
) {
  setSessionCookie(c, session.token, session.expiresAt, trustProxy);
  const me: Me = { account: session.account, csrfToken: session.csrfToken };
  return c.json(me, status);
}

export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION_COOKIE, { path: '/' });

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Loads the session named by the cookie (an unknown, expired or tampered cookie simply means
 * "signed out") and guards every state-changing request against cross-site forgery: with a
 * session it must echo the session's CSRF token in X-CSRF-Token; without one (signing in,
 * joining) a browser's Origin must be this site.
 */
export function sessionMiddleware(db: Database, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('address', clientAddress(c, trustProxy));
    const token = getCookie(c, SESSION_COOKIE);
    const tokenHash = token ? sha256(token) : undefined;
    const session = tokenHash ? await findSession(db, tokenHash) : undefined;
    c.set('account', session?.account ?? null);
    c.set('signIn', session ? { tokenHash: tokenHash!, expiresAt: session.expiresAt } : null);
    c.set('csrfToken', session?.csrfToken ?? null);

    if (!SAFE_METHODS.has(c.req.method)) {
      if (session) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !sameToken(sent, session.csrfToken)) throw new AppError('csrf_failed');
      } else {
        const origin = c.req.header('origin');
        if (
          origin &&
          origin !== new URL(c.req.url).origin &&
          !(trustProxy && originMatchesForwardedHost(c, origin))
        ) {
          throw new AppError('csrf_failed');
        }
      }
    }
    await next();
  };
}

function originMatchesForwardedHost(c: Context, origin: string): boolean {
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
  return !!host && new URL(origin).host === host;
}

/** The signed-in account, or a 401. */
export function requireAccount(c: Context<AppEnv>) {
  const account = c.get('account');
  if (!account) throw new AppError('unauthenticated');
  return account;
}
