import { z } from 'zod';
import { findingStatusSchema } from './board';
import { spaceKindSchema } from './initiative';
import { cardCreditSchema, quoteConsentSchema } from './insight-card';

/** `PUT /api/cards/:cardId/quote-consent`: the teller's answer to a request to quote them. */
export const quoteConsentDecisionSchema = z.object({ approve: z.boolean() });
export type QuoteConsentDecision = z.infer<typeof quoteConsentDecisionSchema>;

/**
 * A quote in its surrounding passage of the source as it reads now (the paragraph it is in);
 * null when the source no longer contains it.
 */
export const quoteContextSchema = z
  .object({ before: z.string(), quote: z.string(), after: z.string() })
  .nullable();
export type QuoteContext = z.infer<typeof quoteContextSchema>;

/**
 * At the final co-writing: the request to the quoted person to approve their quote in a
 * finding's final text with the credit it will carry (their story's attribution choice, or their
 * name as the session shows it), and its answer so far. Answered with
 * `PUT /api/findings/:findingId/quotes/:cardId` (`quoteConsentDecisionSchema`).
 */
export const finalQuoteApprovalSchema = z.object({
  credit: cardCreditSchema,
  decision: z.enum(['pending', 'approved', 'declined']),
});
export type FinalQuoteApproval = z.infer<typeof finalQuoteApprovalSchema>;

/** A finding that cites or contains a card quoting someone's words. */
export const wordUseFindingSchema = z.object({
  id: z.uuid(),
  boardId: z.uuid(),
  title: z.string(),
  status: findingStatusSchema,
  /** The statement cites the card (not only holds it). */
  cites: z.boolean(),
  /** At the final co-writing, the request to approve this quote in it; null where none was asked. */
  approval: finalQuoteApprovalSchema.nullable(),
});
export type WordUseFinding = z.infer<typeof wordUseFindingSchema>;

/** One card quoting the words of the person asking, as they see it (their own words, always). */
export const wordUseCardSchema = z.object({
  cardId: z.uuid(),
  /** The words quoted, as the card keeps them (shown to their teller or author only). */
  quote: z.string(),
  context: quoteContextSchema,
  space: z.object({ id: z.uuid(), kind: spaceKindSchema, name: z.string().nullable() }),
  /** The group the words were written in. */
  group: z.object({ id: z.uuid(), kind: spaceKindSchema, name: z.string().nullable() }),
  quoteConsent: quoteConsentSchema,
  withdrawn: z.boolean(),
  exportable: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  /** The findings that hold or cite it. */
  findings: z.array(wordUseFindingSchema),
});
export type WordUseCard = z.infer<typeof wordUseCardSchema>;

/** `GET /api/stories/:storyId/uses`: for the teller only, every card and finding quoting it. */
export const storyUsesSchema = z.object({
  story: z.object({ id: z.uuid(), title: z.string(), withdrawn: z.boolean() }),
  cards: z.array(wordUseCardSchema),
});
export type StoryUses = z.infer<typeof storyUsesSchema>;

/** `GET /api/initiatives/:id/my-words`: the caller's stories and session posts, and their uses. */
export const myWordsSchema = z.object({
  stories: z.array(storyUsesSchema),
  posts: z.array(
    z.object({
      post: z.object({
        id: z.uuid(),
        sessionId: z.uuid(),
        /** The post's opening words, to recognise it by. */
        excerpt: z.string(),
        withdrawn: z.boolean(),
      }),
      cards: z.array(wordUseCardSchema),
    }),
  ),
});
export type MyWords = z.infer<typeof myWordsSchema>;
