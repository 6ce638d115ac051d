import { demoSignInSchema, type Demo } from '@mizug/domain';
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { continueAsDemoPerson } from '../demo/demo-sign-in';
import { listDemoPersonas } from '../demo/demo-store';
import type { AppEnv } from '../http/context';
import { respondWithSignIn } from '../http/sign-in';
import { validate } from '../http/validate';
import { AppError } from '../errors';

/**
 * `/api/demo`, in demo mode only (MIZUG_DEMO=1, as `pnpm start` sets it): the demo's people and
 * signing in as one of them. Outside demo mode these paths do not exist.
 */
export function demoRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(async (_c, next) => {
      if (!deps.demo) throw new AppError('not_found');
      await next();
    })
    .get('/', async (c) => {
      const demo: Demo = { personas: await listDemoPersonas(deps.db) };
      return c.json(demo, 200);
    })
    .post('/session', validate('json', demoSignInSchema), async (c) => {
      const opened = await continueAsDemoPerson(deps, {
        handle: c.req.valid('json').handle,
        address: c.get('address'),
      });
      return respondWithSignIn(c, opened, 200, deps.trustProxy);
    });
}
