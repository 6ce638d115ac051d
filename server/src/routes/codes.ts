import { codeChangeSchema, codeMergeSchema, newCodeSchema } from '@mizug/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { changeCode } from '../services/codebook/change';
import { createCode } from '../services/codebook/create';
import { listCodebook } from '../services/codebook/list';
import { mergeCode } from '../services/codebook/merge';
import { removeCode } from '../services/codebook/remove';

const initiativeParam = z.object({ initiativeId: z.uuid() });
const codeParam = z.object({ codeId: z.uuid() });

/** The codebook's routes: what is the initiative's, and each code's own. */
export function codeRoutes(deps: AppDeps) {
  const { db } = deps;
  return {
    /** Mounted at /api/initiatives: an initiative's codebook as a tree, and adding a code to it. */
    initiatives: new Hono<AppEnv>()
      .get('/:initiativeId/codes', validate('param', initiativeParam), async (c) =>
        c.json(await listCodebook(db, requireAccount(c), c.req.valid('param').initiativeId), 200),
      )
      .post(
        '/:initiativeId/codes',
        validate('param', initiativeParam),
        validate('json', newCodeSchema),
        async (c) => {
          const { initiativeId } = c.req.valid('param');
          const code = await createCode(deps, requireAccount(c), initiativeId, c.req.valid('json'));
          return c.json(code, 201);
        },
      ),
    /** Mounted at /api/codes: change a code, merge it into another, delete it. */
    codes: new Hono<AppEnv>()
      .patch(
        '/:codeId',
        validate('param', codeParam),
        validate('json', codeChangeSchema),
        async (c) => {
          const code = await changeCode(
            deps,
            requireAccount(c),
            c.req.valid('param').codeId,
            c.req.valid('json'),
          );
          return c.json(code, 200);
        },
      )
      .delete('/:codeId', validate('param', codeParam), async (c) => {
        await removeCode(deps, requireAccount(c), c.req.valid('param').codeId);
        return c.body(null, 204);
      })
      .post(
        '/:codeId/merge',
        validate('param', codeParam),
        validate('json', codeMergeSchema),
        async (c) => {
          const { codeId } = c.req.valid('param');
          const into = await mergeCode(deps, requireAccount(c), codeId, c.req.valid('json').into);
          return c.json(into, 200);
        },
      ),
  };
}
