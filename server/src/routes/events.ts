import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/session';
import { validate } from '../http/validate';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { subscribeToInitiative } from '../services/stream-events';

/** A comment line now and then keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/initiatives/:id/events`: a server-sent event `changed` whenever what this person
 * may see in the initiative changes, so an open page reloads what it shows (a withdrawn story
 * disappears without a reload), and an event `session` (data: its id) when a method session
 * they may read moves on. Each is filtered by the policy for this subscriber
 * (`services/stream-events.ts`); they carry no content: the page asks the API again.
 */
export function eventRoutes({ db, events, logger }: AppDeps) {
  return new Hono<AppEnv>().get(
    '/initiatives/:initiativeId/events',
    validate('param', z.object({ initiativeId: z.uuid() })),
    async (c) => {
      const { initiativeId } = c.req.valid('param');
      const account = requireAccount(c);
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
        await new Promise<void>((resolve) => stream.onAbort(resolve));
        clearInterval(heartbeat);
        subscription.close();
      });
    },
  );
}
