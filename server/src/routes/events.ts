import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/session';
import { validate } from '../http/validate';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';

/** A comment line now and then keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/initiatives/:id/events`: a server-sent event `changed` whenever who may read what in
 * the initiative changes, so an open page reloads what it shows (a withdrawn story disappears
 * without a reload), and an event `session` (data: its id) when a method session moves on. They
 * carry no content: the page asks the API again, which decides.
 */
export function eventRoutes({ db, events }: AppDeps) {
  return new Hono<AppEnv>().get(
    '/initiatives/:initiativeId/events',
    validate('param', z.object({ initiativeId: z.uuid() })),
    async (c) => {
      const { initiativeId } = c.req.valid('param');
      authorize(await loadActor(db, requireAccount(c), initiativeId), 'read', {
        kind: 'initiative',
        initiativeId,
      });
      return streamSSE(c, async (stream) => {
        const onChange = (changed: string) => {
          if (changed === initiativeId) void stream.writeSSE({ event: 'changed', data: '' });
        };
        const onSession = (changed: string, sessionId: string) => {
          if (changed === initiativeId) void stream.writeSSE({ event: 'session', data: sessionId });
        };
        events.on('accessChanged', onChange);
        events.on('sessionChanged', onSession);
        const heartbeat = setInterval(() => void stream.write(': still here\n\n'), HEARTBEAT_MS);
        await new Promise<void>((resolve) => stream.onAbort(resolve));
        clearInterval(heartbeat);
        events.off('accessChanged', onChange);
        events.off('sessionChanged', onSession);
      });
    },
  );
}
