import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { readMyWords, readStoryUses } from '../services/my-words/uses';

const storyParam = z.object({ storyId: z.uuid() });
const initiativeParam = z.object({ initiativeId: z.uuid() });

/**
 * Where a teller's words are used: one story's uses under /api/stories (its teller only), and
 * everything of the caller's quoted in one initiative under /api/initiatives.
 */
export const myWordsRoutes = ({ db }: AppDeps) => ({
  stories: new Hono<AppEnv>().get('/:storyId/uses', validate('param', storyParam), async (c) =>
    c.json(await readStoryUses(db, requireAccount(c), c.req.valid('param').storyId), 200),
  ),
  initiatives: new Hono<AppEnv>().get(
    '/:initiativeId/my-words',
    validate('param', initiativeParam),
    async (c) =>
      c.json(await readMyWords(db, requireAccount(c), c.req.valid('param').initiativeId), 200),
  ),
});
