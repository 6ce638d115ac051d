import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { findInstance } from '../db/repositories/instance';

export function instanceRoutes({ db }: AppDeps) {
  return new Hono().get('/', async (c) => c.json(await findInstance(db), 200));
}
