import {
  findingChangeSchema,
  newBoardSchema,
  newDisagreementSchema,
  newFindingDecisionSchema,
  newFindingSchema,
  quoteConsentDecisionSchema,
} from '@mizug/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { answerFinalQuote } from '../services/boards/answer-quote';
import { createBoard, createFinding } from '../services/boards/create';
import { decideOnFinding } from '../services/boards/decide';
import { recordDisagreement } from '../services/boards/disagree';
import { finalizeFinding } from '../services/boards/finalize';
import {
  listBoardFindings,
  listBoards,
  listInitiativeFindings,
  readBoard,
  readFinding,
} from '../services/boards/read';
import { renameFinding } from '../services/boards/rename';
import { returnFinding } from '../services/boards/return';
import { reviseFinding } from '../services/boards/revise';

const spaceParam = z.object({ spaceId: z.uuid() });
const boardParam = z.object({ boardId: z.uuid() });
const findingParam = z.object({ findingId: z.uuid() });
const findingQuoteParam = z.object({ findingId: z.uuid(), cardId: z.uuid() });
const initiativeParam = z.object({ initiativeId: z.uuid() });

/** A space's synthesis boards, under /api/spaces. */
function spaceBoards({ db, events }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:spaceId/boards', validate('param', spaceParam), async (c) =>
      c.json(await listBoards(db, requireAccount(c), c.req.valid('param').spaceId), 200),
    )
    .post(
      '/:spaceId/boards',
      validate('param', spaceParam),
      validate('json', newBoardSchema),
      async (c) => {
        const { spaceId } = c.req.valid('param');
        const input = c.req.valid('json');
        return c.json(await createBoard({ db, events }, requireAccount(c), spaceId, input), 201);
      },
    );
}

/** One board, under /api/boards: read it, its findings, and adding one. */
function oneBoard({ db, events }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:boardId', validate('param', boardParam), async (c) =>
      c.json(await readBoard(db, requireAccount(c), c.req.valid('param').boardId), 200),
    )
    .get('/:boardId/findings', validate('param', boardParam), async (c) =>
      c.json(await listBoardFindings(db, requireAccount(c), c.req.valid('param').boardId), 200),
    )
    .post(
      '/:boardId/findings',
      validate('param', boardParam),
      validate('json', newFindingSchema),
      async (c) => {
        const { boardId } = c.req.valid('param');
        const input = c.req.valid('json');
        return c.json(await createFinding({ db, events }, requireAccount(c), boardId, input), 201);
      },
    );
}

/**
 * One finding, under /api/findings: read, rename, the return loop, decisions, disagreements, and
 * the quoted people's answers at the final co-writing.
 */
function oneFinding({ db, events }: AppDeps) {
  const deps = { db, events };
  return new Hono<AppEnv>()
    .post('/:findingId/return', validate('param', findingParam), async (c) =>
      c.json(await returnFinding(deps, requireAccount(c), c.req.valid('param').findingId), 200),
    )
    .post('/:findingId/revise', validate('param', findingParam), async (c) =>
      c.json(await reviseFinding(deps, requireAccount(c), c.req.valid('param').findingId), 200),
    )
    .post('/:findingId/finalize', validate('param', findingParam), async (c) =>
      c.json(await finalizeFinding(deps, requireAccount(c), c.req.valid('param').findingId), 200),
    )
    .post(
      '/:findingId/decisions',
      validate('param', findingParam),
      validate('json', newFindingDecisionSchema),
      async (c) => {
        const { findingId } = c.req.valid('param');
        const input = c.req.valid('json');
        return c.json(await decideOnFinding(deps, requireAccount(c), findingId, input), 201);
      },
    )
    .post(
      '/:findingId/disagreements',
      validate('param', findingParam),
      validate('json', newDisagreementSchema),
      async (c) => {
        const { findingId } = c.req.valid('param');
        const input = c.req.valid('json');
        const finding = await recordDisagreement(deps, requireAccount(c), findingId, input);
        return c.json(finding, 201);
      },
    )
    .put(
      '/:findingId/quotes/:cardId',
      validate('param', findingQuoteParam),
      validate('json', quoteConsentDecisionSchema),
      async (c) => {
        const { findingId, cardId } = c.req.valid('param');
        const input = c.req.valid('json');
        return c.json(
          await answerFinalQuote(deps, requireAccount(c), findingId, cardId, input),
          200,
        );
      },
    )
    .get('/:findingId', validate('param', findingParam), async (c) =>
      c.json(await readFinding(db, requireAccount(c), c.req.valid('param').findingId), 200),
    )
    .patch(
      '/:findingId',
      validate('param', findingParam),
      validate('json', findingChangeSchema),
      async (c) => {
        const { findingId } = c.req.valid('param');
        const { title } = c.req.valid('json');
        return c.json(await renameFinding(deps, requireAccount(c), findingId, title), 200);
      },
    );
}

/** The findings of an initiative (the contract other tools read), under /api/initiatives. */
function initiativeFindings({ db }: AppDeps) {
  return new Hono<AppEnv>().get(
    '/:initiativeId/findings',
    validate('param', initiativeParam),
    async (c) =>
      c.json(
        await listInitiativeFindings(db, requireAccount(c), c.req.valid('param').initiativeId),
        200,
      ),
  );
}

/** Boards and findings: mounted at /api/spaces, /api/boards, /api/findings, /api/initiatives. */
export const boardRoutes = (deps: AppDeps) => ({
  spaces: spaceBoards(deps),
  boards: oneBoard(deps),
  findings: oneFinding(deps),
  initiatives: initiativeFindings(deps),
});
