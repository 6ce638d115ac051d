import {
  auditQuerySchema,
  memberChangeSchema,
  newInitiativeSchema,
  newInvitationSchema,
  spaceAssignmentSchema,
  type InitiativeHome,
} from '@mizug/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { findInitiative, listInitiativesOf, listSpaces } from '../db/repositories/initiatives';
import { listInvitations } from '../db/repositories/invitations';
import { listMemberships } from '../db/repositories/memberships';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { can } from '../policy/policy';
import { newStoryResource, spaceResource } from '../policy/resources';
import { readAuditLog } from '../services/audit-log';
import { createInitiative } from '../services/create-initiative';
import { createInvitation, revokeInvitation } from '../services/invitations';
import { changeMember, removeMember } from '../services/members';
import { assignSpace } from '../services/space-membership';

const initiativeParam = z.object({ initiativeId: z.uuid() });
const memberParam = initiativeParam.extend({ accountId: z.uuid() });

export function initiativeRoutes(deps: AppDeps) {
  const { db } = deps;
  /** The actor for the initiative in the path, after checking it may read the initiative at all. */
  async function actorFor(c: Parameters<typeof requireAccount>[0], initiativeId: string) {
    const actor = await loadActor(db, requireAccount(c), initiativeId);
    authorize(actor, 'read', { kind: 'initiative', initiativeId });
    return actor;
  }

  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await listInitiativesOf(db, requireAccount(c).id), 200))
    .post('/', validate('json', newInitiativeSchema), async (c) => {
      const id = await createInitiative(deps, requireAccount(c), c.req.valid('json'));
      return c.json({ id }, 201);
    })
    .get('/:initiativeId', validate('param', initiativeParam), async (c) => {
      const { initiativeId } = c.req.valid('param');
      const actor = await actorFor(c, initiativeId);
      const summary = (await findInitiative(db, initiativeId, actor.accountId))!;
      const allSpaces = await listSpaces(db, initiativeId);
      const canManageMembers = can(actor, 'read', { kind: 'members', initiativeId });
      const spaces = allSpaces
        .filter((space) => can(actor, 'read', spaceResource(space)))
        .map((space) => ({
          ...space,
          canWrite: can(actor, 'write', spaceResource(space)),
          canTellStory: can(actor, 'create', newStoryResource(space, actor.accountId)),
        }));
      const home: InitiativeHome = {
        ...summary,
        mySector:
          (await listMemberships(db, initiativeId)).find((m) => m.accountId === actor.accountId)
            ?.sector ?? null,
        spaces,
        canManageMembers,
        spaceDirectory: canManageMembers ? allSpaces : [],
        canReadAudit: can(actor, 'read', { kind: 'audit', initiativeId }),
        canExport: can(actor, 'read', { kind: 'export', initiativeId }),
      };
      return c.json(home, 200);
    })
    .get('/:initiativeId/members', validate('param', initiativeParam), async (c) => {
      const { initiativeId } = c.req.valid('param');
      authorize(await actorFor(c, initiativeId), 'read', { kind: 'members', initiativeId });
      return c.json(await listMemberships(db, initiativeId), 200);
    })
    .patch(
      '/:initiativeId/members/:accountId',
      validate('param', memberParam),
      validate('json', memberChangeSchema),
      async (c) => {
        const { initiativeId, accountId } = c.req.valid('param');
        await changeMember(deps, requireAccount(c), initiativeId, accountId, c.req.valid('json'));
        return c.body(null, 204);
      },
    )
    .delete('/:initiativeId/members/:accountId', validate('param', memberParam), async (c) => {
      const { initiativeId, accountId } = c.req.valid('param');
      await removeMember(deps, requireAccount(c), initiativeId, accountId);
      return c.body(null, 204);
    })
    .put(
      '/:initiativeId/spaces/:spaceId/members',
      validate('param', initiativeParam.extend({ spaceId: z.uuid() })),
      validate('json', spaceAssignmentSchema),
      async (c) => {
        const { initiativeId, spaceId } = c.req.valid('param');
        await assignSpace(deps, requireAccount(c), initiativeId, spaceId, c.req.valid('json'));
        return c.body(null, 204);
      },
    )
    .get('/:initiativeId/invitations', validate('param', initiativeParam), async (c) => {
      const { initiativeId } = c.req.valid('param');
      authorize(await actorFor(c, initiativeId), 'read', {
        kind: 'invitation',
        initiativeId,
        role: 'expert_by_experience',
      });
      return c.json(await listInvitations(db, initiativeId), 200);
    })
    .post(
      '/:initiativeId/invitations',
      validate('param', initiativeParam),
      validate('json', newInvitationSchema),
      async (c) => {
        const { initiativeId } = c.req.valid('param');
        return c.json(
          await createInvitation(deps, requireAccount(c), initiativeId, c.req.valid('json')),
          201,
        );
      },
    )
    .delete(
      '/:initiativeId/invitations/:invitationId',
      validate('param', initiativeParam.extend({ invitationId: z.uuid() })),
      async (c) => {
        const { initiativeId, invitationId } = c.req.valid('param');
        await revokeInvitation(deps, requireAccount(c), initiativeId, invitationId);
        return c.body(null, 204);
      },
    )
    .get(
      '/:initiativeId/audit',
      validate('param', initiativeParam),
      validate('query', auditQuerySchema),
      async (c) => {
        const { initiativeId } = c.req.valid('param');
        const query = c.req.valid('query');
        return c.json(await readAuditLog(db, requireAccount(c), initiativeId, query), 200);
      },
    );
}
