import {
  joinDecisionSchema,
  spaceKnowledgeSchema,
  type Membership,
  type Space,
  type SpaceStanding,
} from '@mizug/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { findSpace } from '../db/repositories/initiatives';
import { listMemberships } from '../db/repositories/memberships';
import { listSpaceChanges } from '../db/repositories/space-changes';
import { AppError } from '../errors';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { loadActor, memberActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { can } from '../policy/policy';
import { spaceResource } from '../policy/resources';
import { changeSpaceKnowledge } from '../services/space-knowledge';
import { decideJoinRequest } from '../services/space-membership';

const spaceParam = z.object({ spaceId: z.uuid() });

/**
 * Where a member stands in the space, if they are listed at all: those the policy says work
 * there, as its members or (in a peer space, by their guarantor row) guarantors, and those
 * waiting for a peer group to decide, so its members always know who is in it.
 */
function standingIn(space: Space, m: Membership): SpaceStanding | undefined {
  if (can(memberActor(space.initiativeId, m), 'work', spaceResource(space)))
    return space.kind === 'synthesis' || m.spaceIds.includes(space.id) ? 'member' : 'guarantor';
  return m.pendingSpaceIds.includes(space.id) ? 'pending' : undefined;
}

export function spaceRoutes(deps: AppDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .get('/:spaceId', validate('param', spaceParam), async (c) => {
      const space = await findSpace(db, c.req.valid('param').spaceId);
      if (!space) throw new AppError('not_found');
      const actor = await loadActor(db, requireAccount(c), space.initiativeId);
      const resource = spaceResource(space);
      authorize(actor, 'read', resource);
      const people = (await listMemberships(db, space.initiativeId)).flatMap((m) => {
        const standing = standingIn(space, m);
        return standing
          ? [
              {
                accountId: m.accountId,
                displayName: m.displayName,
                role: m.role,
                sector: m.sector,
                standing,
              },
            ]
          : [];
      });
      return c.json(
        {
          ...space,
          canWrite: can(actor, 'write', resource),
          canDecide: can(actor, 'assign', resource),
          people,
          changes:
            space.kind !== 'synthesis'
              ? await listSpaceChanges(db, space.initiativeId, space.id)
              : [],
        },
        200,
      );
    })
    .patch(
      '/:spaceId',
      validate('param', spaceParam),
      validate('json', spaceKnowledgeSchema),
      async (c) => {
        const { spaceId } = c.req.valid('param');
        const space = await changeSpaceKnowledge(
          deps,
          requireAccount(c),
          spaceId,
          c.req.valid('json'),
        );
        return c.json(space, 200);
      },
    )
    .post(
      '/:spaceId/requests/:accountId',
      validate('param', spaceParam.extend({ accountId: z.uuid() })),
      validate('json', joinDecisionSchema),
      async (c) => {
        const { spaceId, accountId } = c.req.valid('param');
        await decideJoinRequest(deps, requireAccount(c), spaceId, accountId, c.req.valid('json'));
        return c.body(null, 204);
      },
    );
}
