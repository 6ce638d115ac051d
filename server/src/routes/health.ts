import type { Health } from '@mizug/domain';
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';

/**
 * Liveness and readiness in one: "ok" only when the database answers; "degraded" (still 200)
 * while Redis, with several instances, is away.
 */
export function healthRoutes({ db, version, fanout }: AppDeps) {
  return new Hono().get('/', async (c) => {
    try {
      await db.query('SELECT 1');
    } catch {
      throw new AppError('unavailable');
    }
    const redis = fanout && (fanout.connected ? 'connected' : 'unavailable');
    const health: Health = {
      status: redis === 'unavailable' ? 'degraded' : 'ok',
      storage: db.kind,
      version,
      ...(redis && { redis }),
    };
    return c.json(health, 200);
  });
}
