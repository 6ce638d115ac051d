import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { subscribeToInitiative } from '../services/stream-events';

/** A comment line now and then keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** setTimeout's longest delay; a stream open that long ends and the browser opens it again. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `GET /api/initiatives/:id/events` (mounted at /api/initiatives): a server-sent event `changed` whenever what this person
 * may see in the initiative changes, so an open page reloads what it shows (a withdrawn story
 * disappears without a reload), and an event `session` (data: its id) when a method session
 * they may read moves on. Each is filtered by the policy for this subscriber
 * (`services/stream-events.ts`); they carry no content: the page asks the API again. The stream
 * is live access, so it ends with the sign-in that opened it: signed out (on any instance) or
 * expired.
 */
export function eventRoutes({ db, events, logger }: AppDeps) {
  return new Hono<AppEnv>().get(
    '/:initiativeId/events',
    validate('param', z.object({ initiativeId: z.uuid() })),
    async (c) => {
      const { initiativeId } = c.req.valid('param');
      const account = requireAccount(c);
      const signIn = c.get('signIn')!;
      authorize(await loadActor(db, account, initiativeId), 'read', {
        kind: 'initiative',
        initiativeId,
      });
      const subscription = await subscribeToInitiative(
        { db, events, logger },
        account,
        initiativeId,
      );
      return streamSSE(c, async (stream) => {
        subscription.deliver((event) => void stream.writeSSE(event));
        const heartbeat = setInterval(() => void stream.write(': still here\n\n'), HEARTBEAT_MS);
        let end!: () => void;
        const ended = new Promise<void>((resolve) => (end = resolve));
        const onSignInEnded = (tokenHash: string) => {
          if (tokenHash === signIn.tokenHash) end();
        };
        stream.onAbort(end);
        events.on('signInEnded', onSignInEnded);
        const untilExpiry = signIn.expiresAt.getTime() - Date.now();
        const expiry = setTimeout(end, Math.min(Math.max(untilExpiry, 0), MAX_TIMER_MS));
        await ended;
        clearInterval(heartbeat);
        clearTimeout(expiry);
        events.off('signInEnded', onSignInEnded);
        subscription.close();
      });
    },
  );
}
