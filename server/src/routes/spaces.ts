import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { findSpace } from '../db/repositories/initiatives';
import { listMemberships } from '../db/repositories/memberships';
import { AppError } from '../errors';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/session';
import { validate } from '../http/validate';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { can } from '../policy/policy';
import { spaceResource } from '../policy/resources';

export function spaceRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get(
    '/:spaceId',
    validate('param', z.object({ spaceId: z.uuid() })),
    async (c) => {
      const space = await findSpace(db, c.req.valid('param').spaceId);
      if (!space) throw new AppError('not_found');
      const actor = await loadActor(db, requireAccount(c), space.initiativeId);
      const resource = spaceResource(space);
      authorize(actor, 'read', resource);
      // Who works here: peer-space members and guarantors, or the working group for the synthesis.
      const people = (await listMemberships(db, space.initiativeId))
        .filter((m) =>
          space.kind === 'synthesis'
            ? m.inWorkingGroup || m.role === 'facilitator'
            : m.spaceIds.includes(space.id) || m.guaranteedSpaceIds.includes(space.id),
        )
        .map((m) => ({
          accountId: m.accountId,
          displayName: m.displayName,
          role: m.role,
          sector: m.sector,
          guarantor: m.guaranteedSpaceIds.includes(space.id),
        }));
      return c.json({ ...space, canWrite: can(actor, 'write', resource), people }, 200);
    },
  );
}
