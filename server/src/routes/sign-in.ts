import { credentialsSchema, setupSchema, type Me } from '@mizug/domain';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/context';
import {
  clearSignInCookie,
  requireAccount,
  respondWithSignIn,
  SIGN_IN_COOKIE,
} from '../http/sign-in';
import { validate } from '../http/validate';
import { completeSetup } from '../services/setup-link';
import { signIn, signOut } from '../services/sign-in';

/** Signing in and out (`/session`: its path is a contract with the web app), setup, and `/me`. */
export function signInRoutes(deps: AppDeps) {
  const { trustProxy } = deps;
  return new Hono<AppEnv>()
    .post('/session', validate('json', credentialsSchema), async (c) => {
      const opened = await signIn(deps, { ...c.req.valid('json'), address: c.get('address') });
      return respondWithSignIn(c, opened, 200, trustProxy);
    })
    .delete('/session', async (c) => {
      await signOut(deps, getCookie(c, SIGN_IN_COOKIE)!, requireAccount(c));
      clearSignInCookie(c);
      return c.body(null, 204);
    })
    .post('/setup', validate('json', setupSchema), async (c) => {
      const opened = await completeSetup(deps, c.req.valid('json'));
      return respondWithSignIn(c, opened, 201, trustProxy);
    })
    .get('/me', (c) => {
      const me: Me = { account: requireAccount(c), csrfToken: c.get('csrfToken')! };
      return c.json(me, 200);
    });
}
