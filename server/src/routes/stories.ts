import { consentSchema, newStorySchema, storyChangeSchema, storySearchSchema } from '@mizug/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { changeConsent, setWithdrawn } from '../services/stories/consent';
import { restoreStoryVersion, storyVersions, takeStoryVersion } from '../services/stories/history';
import { listReadableStories, readStory } from '../services/stories/read';
import { setSupporter } from '../services/stories/supporters';
import { changeStory, createStory } from '../services/stories/tell';

const storyParam = z.object({ storyId: z.uuid() });

/**
 * Stories: an initiative's under /api/initiatives, one story's under /api/stories. Each change is
 * a command that audits and announces itself (who may read a story changes with consent,
 * withdrawal and supporters); handlers only validate, run it and answer.
 */
export function storyRoutes({ db, events, documents }: AppDeps) {
  const deps = { db, events };
  const live = () => {
    if (!documents) throw new AppError('unavailable');
    return { db, events, documents };
  };
  return {
    /** Mounted at /api/initiatives. */
    initiatives: new Hono<AppEnv>()
      .get(
        '/:initiativeId/stories',
        validate('param', z.object({ initiativeId: z.uuid() })),
        validate('query', storySearchSchema),
        async (c) => {
          const { initiativeId } = c.req.valid('param');
          const { q } = c.req.valid('query');
          return c.json(await listReadableStories(db, requireAccount(c), initiativeId, q), 200);
        },
      )
      .post(
        '/:initiativeId/stories',
        validate('param', z.object({ initiativeId: z.uuid() })),
        validate('json', newStorySchema),
        async (c) => {
          const { initiativeId } = c.req.valid('param');
          const story = await createStory(
            deps,
            requireAccount(c),
            initiativeId,
            c.req.valid('json'),
          );
          return c.json(story, 201);
        },
      ),
    /** Mounted at /api/stories. */
    stories: new Hono<AppEnv>()
      .get('/:storyId', validate('param', storyParam), async (c) =>
        c.json(await readStory(db, requireAccount(c), c.req.valid('param').storyId), 200),
      )
      .patch(
        '/:storyId',
        validate('param', storyParam),
        validate('json', storyChangeSchema),
        async (c) => {
          const { storyId } = c.req.valid('param');
          const change = c.req.valid('json');
          return c.json(await changeStory(deps, requireAccount(c), storyId, change), 200);
        },
      )
      .put(
        '/:storyId/consent',
        validate('param', storyParam),
        validate('json', consentSchema),
        async (c) => {
          const { storyId } = c.req.valid('param');
          const story = await changeConsent(deps, requireAccount(c), storyId, c.req.valid('json'));
          return c.json(story, 200);
        },
      )
      .put('/:storyId/withdrawal', validate('param', storyParam), async (c) => {
        const story = await setWithdrawn(
          deps,
          requireAccount(c),
          c.req.valid('param').storyId,
          true,
        );
        return c.json(story, 200);
      })
      .delete('/:storyId/withdrawal', validate('param', storyParam), async (c) => {
        const story = await setWithdrawn(
          deps,
          requireAccount(c),
          c.req.valid('param').storyId,
          false,
        );
        return c.json(story, 200);
      })
      .get('/:storyId/versions', validate('param', storyParam), async (c) =>
        c.json(await storyVersions(db, requireAccount(c), c.req.valid('param').storyId), 200),
      )
      .post('/:storyId/versions', validate('param', storyParam), async (c) => {
        const { storyId } = c.req.valid('param');
        return c.json(await takeStoryVersion(live(), requireAccount(c), storyId), 201);
      })
      .post(
        '/:storyId/versions/:versionId/restore',
        validate('param', storyParam.extend({ versionId: z.uuid() })),
        async (c) => {
          const { storyId, versionId } = c.req.valid('param');
          await restoreStoryVersion(live(), requireAccount(c), storyId, versionId);
          return c.body(null, 204);
        },
      )
      .put(
        '/:storyId/supporters/:accountId',
        validate('param', storyParam.extend({ accountId: z.uuid() })),
        async (c) => {
          const { storyId, accountId } = c.req.valid('param');
          const story = await setSupporter(deps, requireAccount(c), storyId, accountId, true);
          return c.json(story, 200);
        },
      )
      .delete(
        '/:storyId/supporters/:accountId',
        validate('param', storyParam.extend({ accountId: z.uuid() })),
        async (c) => {
          const { storyId, accountId } = c.req.valid('param');
          const story = await setSupporter(deps, requireAccount(c), storyId, accountId, false);
          return c.json(story, 200);
        },
      ),
  };
}
