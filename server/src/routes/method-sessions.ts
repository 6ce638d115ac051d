import {
  ownerStorySchema,
  type Account,
  alertThresholdSchema,
  closeStageSchema,
  contractTermsSchema,
  dependencySchema,
  methodRefSchema,
  newContributionSchema,
  releaseSchema,
  representativesSchema,
  writingTeamSchema,
  stageTimerSchema,
  startSessionSchema,
  validationSchema,
} from '@mizug/domain';
import { stageIdSchema } from '@mizug/methods';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/context';
import { requestLocale, zodErrorMap } from '../http/locale';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { contribute } from '../services/sessions/contribute';
import { setPostWithdrawn } from '../services/sessions/withdraw';
import { adaptMethod, changeMethod, listMethods } from '../services/sessions/methods';
import {
  acceptContract,
  confirmAsOwner,
  declareDependency,
  nameRepresentatives,
  releaseWork,
  validateStage,
} from '../services/sessions/participate';
import { sessionRecord } from '../services/sessions/record';
import { canvasParagraphs, sessionParticipation } from '../services/sessions/participation';
import {
  closeStage,
  openStage,
  reviseContract,
  setAlertThreshold,
  setStageTimer,
} from '../services/sessions/run';
import { listMySessions, startSession } from '../services/sessions/start';
import { attachOwnerStory } from '../services/sessions/owner-story';
import { sessionView } from '../services/sessions/view';
import { chooseWritingTeam } from '../services/sessions/writing';

const initiativeParam = z.object({ initiativeId: z.uuid() });
const sessionParam = z.object({ sessionId: z.uuid() });
const stageParam = z.object({ sessionId: z.uuid(), stageId: stageIdSchema });
const contributionParam = z.object({ sessionId: z.uuid(), contributionId: z.uuid() });

/**
 * Methods and the sessions that run them: an initiative's under /api/initiatives, a session's
 * under /api/sessions. Each change is a command (which tells open pages to look again once it
 * has committed) and answers with the session as the caller now sees it.
 */
export function methodSessionRoutes(deps: AppDeps) {
  const { db } = deps;
  const present = (account: Account, sessionId: string) => sessionView(deps, account, sessionId);

  return {
    /** Mounted at /api/initiatives. */
    initiatives: new Hono<AppEnv>()
      .get('/:initiativeId/methods', validate('param', initiativeParam), async (c) =>
        c.json(await listMethods(db, requireAccount(c), c.req.valid('param').initiativeId), 200),
      )
      .post(
        '/:initiativeId/methods',
        validate('param', initiativeParam),
        validate('json', z.object({ from: methodRefSchema })),
        async (c) => {
          const { initiativeId } = c.req.valid('param');
          const entry = await adaptMethod(
            deps,
            requireAccount(c),
            initiativeId,
            c.req.valid('json').from,
          );
          return c.json(entry, 201);
        },
      )
      .put(
        '/:initiativeId/methods/:ref',
        validate('param', initiativeParam.extend({ ref: methodRefSchema })),
        validate('json', z.unknown()),
        async (c) => {
          const { initiativeId, ref } = c.req.valid('param');
          const entry = await changeMethod(
            deps,
            requireAccount(c),
            initiativeId,
            ref,
            c.req.valid('json'),
            zodErrorMap(requestLocale(c)),
          );
          return c.json(entry, 200);
        },
      )
      .get('/:initiativeId/sessions', validate('param', initiativeParam), async (c) =>
        c.json(await listMySessions(db, requireAccount(c), c.req.valid('param').initiativeId), 200),
      )
      .post(
        '/:initiativeId/sessions',
        validate('param', initiativeParam),
        validate('json', startSessionSchema),
        async (c) => {
          const account = requireAccount(c);
          const { initiativeId } = c.req.valid('param');
          const sessionId = await startSession(deps, account, initiativeId, c.req.valid('json'));
          return c.json(await present(account, sessionId), 201);
        },
      )
      .post(
        '/:initiativeId/dependencies',
        validate('param', initiativeParam),
        validate('json', dependencySchema),
        async (c) => {
          const { initiativeId } = c.req.valid('param');
          const { otherAccountId, relation } = c.req.valid('json');
          await declareDependency(deps, requireAccount(c), initiativeId, otherAccountId, relation);
          return c.body(null, 204);
        },
      ),
    /** Mounted at /api/sessions. */
    sessions: new Hono<AppEnv>()
      .get('/:sessionId', validate('param', sessionParam), async (c) =>
        c.json(await sessionView(deps, requireAccount(c), c.req.valid('param').sessionId), 200),
      )
      .get('/:sessionId/record', validate('param', sessionParam), async (c) => {
        const record = await sessionRecord(db, requireAccount(c), c.req.valid('param').sessionId);
        c.header('content-disposition', `attachment; filename="session-${record.session.id}.json"`);
        return c.json(record, 200);
      })
      .get('/:sessionId/participation', validate('param', sessionParam), async (c) =>
        c.json(
          await sessionParticipation(db, requireAccount(c), c.req.valid('param').sessionId),
          200,
        ),
      )
      .get(
        '/:sessionId/canvases/:canvasId/paragraphs',
        validate('param', sessionParam.extend({ canvasId: z.uuid() })),
        async (c) => {
          const { sessionId, canvasId } = c.req.valid('param');
          return c.json(await canvasParagraphs(db, requireAccount(c), sessionId, canvasId), 200);
        },
      )
      .put(
        '/:sessionId/owner-story',
        validate('param', sessionParam),
        validate('json', ownerStorySchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId } = c.req.valid('param');
          await attachOwnerStory(deps, account, sessionId, c.req.valid('json'));
          return c.json(await present(account, sessionId), 200);
        },
      )
      .put(
        '/:sessionId/alert-threshold',
        validate('param', sessionParam),
        validate('json', alertThresholdSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId } = c.req.valid('param');
          await setAlertThreshold(deps, account, sessionId, c.req.valid('json').percent);
          return c.json(await present(account, sessionId), 200);
        },
      )
      .post('/:sessionId/stages/:stageId/open', validate('param', stageParam), async (c) => {
        const account = requireAccount(c);
        const { sessionId, stageId } = c.req.valid('param');
        await openStage(deps, account, sessionId, stageId);
        return c.json(await present(account, sessionId), 200);
      })
      .post(
        '/:sessionId/stages/:stageId/close',
        validate('param', stageParam),
        validate('json', closeStageSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId, stageId } = c.req.valid('param');
          const { overrideReason } = c.req.valid('json');
          await closeStage(deps, account, sessionId, stageId, overrideReason);
          return c.json(await present(account, sessionId), 200);
        },
      )
      .put(
        '/:sessionId/stages/:stageId/timer',
        validate('param', stageParam),
        validate('json', stageTimerSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId, stageId } = c.req.valid('param');
          const { minutes } = c.req.valid('json');
          await setStageTimer(deps, account, sessionId, stageId, minutes);
          return c.json(await present(account, sessionId), 200);
        },
      )
      .post(
        '/:sessionId/stages/:stageId/validations',
        validate('param', stageParam),
        validate('json', validationSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId, stageId } = c.req.valid('param');
          await validateStage(deps, account, sessionId, stageId, c.req.valid('json'));
          return c.json(await present(account, sessionId), 201);
        },
      )
      .post(
        '/:sessionId/stages/:stageId/releases',
        validate('param', stageParam),
        validate('json', releaseSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId, stageId } = c.req.valid('param');
          await releaseWork(deps, account, sessionId, stageId, c.req.valid('json'));
          return c.json(await present(account, sessionId), 201);
        },
      )
      .post(
        '/:sessionId/stages/:stageId/contributions',
        validate('param', stageParam),
        validate('json', newContributionSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId, stageId } = c.req.valid('param');
          await contribute(deps, account, sessionId, stageId, c.req.valid('json'));
          return c.json(await present(account, sessionId), 201);
        },
      )
      // Its author withdraws a post (PUT) or lets it stand again (DELETE).
      .put(
        '/:sessionId/contributions/:contributionId/withdrawal',
        validate('param', contributionParam),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId, contributionId } = c.req.valid('param');
          await setPostWithdrawn(deps, account, sessionId, contributionId, true);
          return c.json(await present(account, sessionId), 200);
        },
      )
      .delete(
        '/:sessionId/contributions/:contributionId/withdrawal',
        validate('param', contributionParam),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId, contributionId } = c.req.valid('param');
          await setPostWithdrawn(deps, account, sessionId, contributionId, false);
          return c.json(await present(account, sessionId), 200);
        },
      )
      .post(
        '/:sessionId/stages/:stageId/owner-confirmation',
        validate('param', stageParam),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId, stageId } = c.req.valid('param');
          await confirmAsOwner(deps, account, sessionId, stageId);
          return c.json(await present(account, sessionId), 201);
        },
      )
      .put(
        '/:sessionId/representatives',
        validate('param', sessionParam),
        validate('json', representativesSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId } = c.req.valid('param');
          const { spaceId, accountIds } = c.req.valid('json');
          await nameRepresentatives(deps, account, sessionId, spaceId, accountIds);
          return c.json(await present(account, sessionId), 200);
        },
      )
      .put(
        '/:sessionId/writing-team',
        validate('param', sessionParam),
        validate('json', writingTeamSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId } = c.req.valid('param');
          await chooseWritingTeam(deps, account, sessionId, c.req.valid('json').accountIds);
          return c.json(await present(account, sessionId), 200);
        },
      )
      .post('/:sessionId/contract/acceptance', validate('param', sessionParam), async (c) => {
        const account = requireAccount(c);
        const { sessionId } = c.req.valid('param');
        await acceptContract(deps, account, sessionId);
        return c.json(await present(account, sessionId), 201);
      })
      .put(
        '/:sessionId/contract',
        validate('param', sessionParam),
        validate('json', contractTermsSchema),
        async (c) => {
          const account = requireAccount(c);
          const { sessionId } = c.req.valid('param');
          await reviseContract(deps, account, sessionId, c.req.valid('json'));
          return c.json(await present(account, sessionId), 200);
        },
      ),
  };
}
