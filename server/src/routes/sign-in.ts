import { credentialsSchema, setupSchema, type Me } from '@mizug/domain';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/context';
import {
  clearSignInCookie,
  requireAccount,
  SIGN_IN_COOKIE,
  respondWithSignIn,
} from '../http/sign-in';
import { validate } from '../http/validate';
import { completeSetup } from '../services/setup-link';
import { signIn, signOut } from '../services/sign-in';

export function signInRoutes({ db, events, trustProxy }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/session', validate('json', credentialsSchema), async (c) => {
      const session = await signIn(db, { ...c.req.valid('json'), address: c.get('address') });
      return respondWithSignIn(c, session, 200, trustProxy);
    })
    .delete('/session', async (c) => {
      const account = requireAccount(c);
      const tokenHash = await signOut(db, getCookie(c, SIGN_IN_COOKIE)!, account);
      // Open collaboration sockets of this sign-in close too, on every instance.
      events.emit('signInEnded', tokenHash);
      clearSignInCookie(c);
      return c.body(null, 204);
    })
    .post('/setup', validate('json', setupSchema), async (c) => {
      const session = await completeSetup(db, c.req.valid('json'));
      return respondWithSignIn(c, session, 201, trustProxy);
    })
    .get('/me', (c) => {
      const me: Me = { account: requireAccount(c), csrfToken: c.get('csrfToken')! };
      return c.json(me, 200);
    });
}
