import type { Health } from '@mizug/domain';
import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { AppError } from '../errors';

/** Liveness and readiness in one: "ok" only when the database answers. */
export function healthRoutes({ db, version }: AppDeps) {
  return new Hono().get('/', async (c) => {
    try {
      await db.query('SELECT 1');
    } catch {
      throw new AppError('unavailable');
    }
    const health: Health = { status: 'ok', storage: db.kind, version };
    return c.json(health, 200);
  });
}
