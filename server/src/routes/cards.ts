import {
  cardCodesSchema,
  cardSourceSchema,
  cardTargetsQuerySchema,
  newCardSchema,
  quoteConsentDecisionSchema,
} from '@mizug/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { createCard } from '../services/cards/create';
import { deleteCard, setCardCodes } from '../services/cards/manage';
import { decideQuote, withdrawQuote } from '../services/cards/quote-consent';
import { listCards, readCard } from '../services/cards/read';
import { cardTargets } from '../services/cards/targets';

const cardParam = z.object({ cardId: z.uuid() });
const spaceParam = z.object({ spaceId: z.uuid() });

/** A space's insight cards, under /api/spaces: those made there, and making one. */
function spaceCards({ db, events }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:spaceId/cards', validate('param', spaceParam), async (c) =>
      c.json(await listCards(db, requireAccount(c), c.req.valid('param').spaceId), 200),
    )
    .post(
      '/:spaceId/cards',
      validate('param', spaceParam),
      validate('json', newCardSchema),
      async (c) => {
        const { spaceId } = c.req.valid('param');
        const card = await createCard(
          { db, events },
          requireAccount(c),
          spaceId,
          c.req.valid('json'),
        );
        return c.json(card, 201);
      },
    );
}

/**
 * One insight card, under /api/cards: read, delete (its maker), and its codes; and where a card
 * of a source may be made (`/targets`).
 */
function oneCard({ db, events }: AppDeps) {
  return (
    new Hono<AppEnv>()
      .get('/targets', validate('query', cardTargetsQuerySchema), async (c) => {
        const { initiativeId, ...named } = c.req.valid('query');
        const source = cardSourceSchema.safeParse(named);
        // Only a released item names its item; a source is one of the kinds with its fields.
        if (!source.success) throw new AppError('validation_failed', { item: 'validation_failed' });
        return c.json(await cardTargets(db, requireAccount(c), initiativeId, source.data), 200);
      })
      .get('/:cardId', validate('param', cardParam), async (c) =>
        c.json(await readCard(db, requireAccount(c), c.req.valid('param').cardId), 200),
      )
      .delete('/:cardId', validate('param', cardParam), async (c) => {
        await deleteCard({ db, events }, requireAccount(c), c.req.valid('param').cardId);
        return c.body(null, 204);
      })
      .put(
        '/:cardId/codes',
        validate('param', cardParam),
        validate('json', cardCodesSchema),
        async (c) => {
          const { cardId } = c.req.valid('param');
          const card = await setCardCodes(
            { db, events },
            requireAccount(c),
            cardId,
            c.req.valid('json'),
          );
          return c.json(card, 200);
        },
      )
      // The teller answers a request to quote them; anyone else is refused.
      .put(
        '/:cardId/quote-consent',
        validate('param', cardParam),
        validate('json', quoteConsentDecisionSchema),
        async (c) => {
          const { cardId } = c.req.valid('param');
          const card = await decideQuote(
            { db, events },
            requireAccount(c),
            cardId,
            c.req.valid('json'),
          );
          return c.json(card, 200);
        },
      )
      // The person it quotes withdraws this one quote.
      .delete('/:cardId/quote', validate('param', cardParam), async (c) => {
        const card = await withdrawQuote(
          { db, events },
          requireAccount(c),
          c.req.valid('param').cardId,
        );
        return c.json(card, 200);
      })
  );
}

/** Insight cards: `spaces` mounted at /api/spaces, `cards` at /api/cards. */
export const cardRoutes = (deps: AppDeps) => ({ spaces: spaceCards(deps), cards: oneCard(deps) });
