import { invitationCodeSchema, joinSchema } from '@mizug/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { normalizeInvitationCode, sha256 } from '../auth/tokens';
import { findInvitationByCode } from '../db/repositories/invitations';
import { AppError } from '../errors';
import type { AppEnv } from '../http/context';
import { respondWithSignIn } from '../http/sign-in';
import { validate } from '../http/validate';
import { joinWithInvitation } from '../services/invitations';

export function joinRoutes(deps: AppDeps) {
  const { db, trustProxy } = deps;
  return new Hono<AppEnv>()
    .get(
      '/invitations/:code',
      validate('param', z.object({ code: invitationCodeSchema })),
      async (c) => {
        // What the join page shows before asking for anything: where and as what.
        const found = await findInvitationByCode(
          db,
          sha256(normalizeInvitationCode(c.req.valid('param').code)),
        );
        if (!found || found.revoked) throw new AppError('invitation_invalid');
        if (found.expired) throw new AppError('invitation_expired');
        if (found.uses >= found.maxUses) throw new AppError('invitation_used_up');
        return c.json(
          { initiativeName: found.initiativeName, role: found.role, invitedBy: found.createdBy },
          200,
        );
      },
    )
    .post('/join', validate('json', joinSchema), async (c) => {
      const joined = await joinWithInvitation(deps, c.req.valid('json'));
      return respondWithSignIn(c, joined, 201, trustProxy);
    });
}
