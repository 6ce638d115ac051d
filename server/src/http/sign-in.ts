import type { Account, Me } from '@mizug/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '../auth/tokens';
import type { Database } from '../db/database';
import { findSignIn } from '../db/repositories/sign-ins';
import { AppError } from '../errors';
import type { AppEnv } from './context';

/** The cookie's name is a contract with browsers already signed in: it keeps its old name. */
export const SIGN_IN_COOKIE = 'mizug_session';
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

function setSignInCookie(c: Context, token: string, expiresAt: Date, trustProxy: boolean) {
  setCookie(c, SIGN_IN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c, trustProxy),
    path: '/',
    expires: expiresAt,
  });
}

/** Answers a request that opened a sign-in (sign-in, join, setup): the cookie plus `Me`. */
export function respondWithSignIn(
  c: Context,
  signIn: { account: Account; token: string; csrfToken: string; expiresAt: Date },
  status: 200 | 201,
  trustProxy: boolean,
) {
  setSignInCookie(c, signIn.token, signIn.expiresAt, trustProxy);
  const me: Me = { account: signIn.account, csrfToken: signIn.csrfToken };
  return c.json(me, status);
}

export const clearSignInCookie = (c: Context) => deleteCookie(c, SIGN_IN_COOKIE, { path: '/' });

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Loads the sign-in named by the cookie (an unknown, expired or tampered cookie simply means
 * "signed out") and guards every state-changing request against cross-site forgery: with a
 * sign-in it must echo the sign-in's CSRF token in X-CSRF-Token; without one (signing in,
 * joining) a browser's Origin must be this site.
 */
export function signInMiddleware(db: Database, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('address', clientAddress(c, trustProxy));
    const token = getCookie(c, SIGN_IN_COOKIE);
    const tokenHash = token ? sha256(token) : undefined;
    const signIn = tokenHash ? await findSignIn(db, tokenHash) : undefined;
    c.set('account', signIn?.account ?? null);
    c.set('signIn', signIn ? { tokenHash: tokenHash!, expiresAt: signIn.expiresAt } : null);
    c.set('csrfToken', signIn?.csrfToken ?? null);

    if (!SAFE_METHODS.has(c.req.method)) {
      if (signIn) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !sameToken(sent, signIn.csrfToken)) throw new AppError('csrf_failed');
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
