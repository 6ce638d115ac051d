import { z } from 'zod';
import { knowledgeTypeSchema, spaceKindSchema } from './initiative';
import { confidenceSchema, knowledgeSourceSchema } from './method-session';
import { storableText } from './text';

/**
 * Where a card's quote comes from. One case per kind of source (LS-8 principles and PW claims
 * are posts, and keep their source tags and confidence as the card's `evidence`).
 */
export const cardSourceSchema = z.discriminatedUnion('kind', [
  /** The body of a story (its collaborative document). */
  z.object({ kind: z.literal('story'), id: z.uuid() }),
  /** A story photo's caption, reaching where the photo's own audience does. */
  z.object({ kind: z.literal('photo'), id: z.uuid() }),
  /** A story recording's transcript, reaching where its story does. */
  z.object({ kind: z.literal('transcript'), id: z.uuid() }),
  /** A stage canvas of a session, read in its own group's space. */
  z.object({ kind: z.literal('canvas'), id: z.uuid() }),
  /** A post in a session's stage, quoted in the space it is kept in. */
  z.object({ kind: z.literal('post'), id: z.uuid() }),
  /** One item of what a group released into the synthesis space (`id`: the release). */
  z.object({
    kind: z.literal('release'),
    id: z.uuid(),
    item: z.number().int().min(0).max(999),
  }),
]);
export type CardSource = z.infer<typeof cardSourceSchema>;
export type CardSourceKind = CardSource['kind'];

/**
 * `GET /api/cards/targets?initiativeId=&kind=&id=&item=`: a source of an initiative named in a
 * query string, to ask in which spaces a card of it may be made.
 */
export const cardTargetsQuerySchema = z.object({
  initiativeId: z.uuid(),
  kind: z.enum(['story', 'photo', 'transcript', 'canvas', 'post', 'release']),
  id: z.uuid(),
  item: z.coerce.number().int().min(0).max(999).optional(),
});

/**
 * `Y.encodeRelativePosition` of the quote's start and end in a collaborative source, base64: it
 * keeps pointing at the quote after edits elsewhere in the document.
 */
export const cardAnchorSchema = z.object({
  start: z.base64().max(2000),
  end: z.base64().max(2000),
});
export type CardAnchor = z.infer<typeof cardAnchorSchema>;

/** The exact words a card quotes; the server checks they are in the source as it reads now. */
export const cardQuoteSchema = storableText(z.string().min(1).max(2000)).refine(
  (quote) => quote.trim().length > 0,
);

/** `POST /api/spaces/:spaceId/cards`: a passage of a source, quoted in that space. */
export const newCardSchema = z.object({
  source: cardSourceSchema,
  quote: cardQuoteSchema,
  /**
   * Only for collaborative text (story bodies, canvases); posts, released items, captions and
   * transcripts are fixed text.
   */
  anchor: cardAnchorSchema.optional(),
});
export type NewCard = z.infer<typeof newCardSchema>;

/** `PUT /api/cards/:cardId/codes`: the codes the card carries, replacing the ones it had. */
export const cardCodesSchema = z.object({ codeIds: z.array(z.uuid()).max(50) });
export type CardCodes = z.infer<typeof cardCodesSchema>;

/**
 * Who a card credits: a story's teller exactly as the story credits them to this reader
 * (`name`, `pseudonym` or `anonymous`), a post's author by the name the session shows (`name`),
 * or the group whose work it quotes, or on whose behalf a post spoke (`group`).
 */
export const cardCreditSchema = z.object({
  credit: z.enum(['name', 'pseudonym', 'anonymous', 'group']),
  name: z.string().nullable(),
});
export type CardCredit = z.infer<typeof cardCreditSchema>;

/**
 * Whether the quoted person let the card's words leave the initiative, read from the source now:
 * `not_needed` (not a story, or quoting `yes`), `pending` / `approved` / `declined` (quoting
 * `ask_first`: the teller's answer to the request), `never` (quoting `no`).
 */
export const quoteConsents = ['not_needed', 'pending', 'approved', 'declined', 'never'] as const;
export const quoteConsentSchema = z.enum(quoteConsents);
export type QuoteConsent = z.infer<typeof quoteConsentSchema>;

/** A card as its reader sees it. */
export const insightCardSchema = z.object({
  id: z.uuid(),
  /** The space it was made in, whose readers read it. */
  spaceId: z.uuid(),
  /** The exact quote; null once its source is withdrawn (or no longer shared in this space). */
  quote: z.string().nullable(),
  source: cardSourceSchema,
  anchor: cardAnchorSchema.nullable(),
  /** The source's group: the space its words were written in. */
  group: z.object({ spaceId: z.uuid(), kind: spaceKindSchema, name: z.string().nullable() }),
  /** The kind of knowledge it carries: its group's (`Space.knowledge`). */
  knowledgeType: knowledgeTypeSchema,
  credit: cardCreditSchema,
  codeIds: z.array(z.uuid()),
  /**
   * What a post that weighs evidence said of it (an LS-8 principle, a PW claim): its source tags
   * and confidence as the post carries them now; null for every other source.
   */
  evidence: z
    .object({ tags: z.array(knowledgeSourceSchema), confidence: confidenceSchema.nullable() })
    .nullable(),
  /** Its source was withdrawn, or no longer reaches this space: computed live, never exported. */
  withdrawn: z.boolean(),
  quoteConsent: quoteConsentSchema,
  /** May leave the initiative (exports, publications): not withdrawn, consent not needed or given. */
  exportable: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Who made it; null when the maker is the quoted teller and the reader is not. */
  createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  isMine: z.boolean(),
  /** The reader may attach and detach codes (reads and writes in its space). */
  canCode: z.boolean(),
});
export type InsightCard = z.infer<typeof insightCardSchema>;

/**
 * The credit block of a finding's text: each person as they chose to be credited, those who chose
 * anonymity only counted, and the groups whose work is quoted, by name (null: the built-in
 * space's name, which the reader's language gives).
 */
export const creditBlockSchema = z.object({
  /** Named people, by their name or pseudonym, in the order their cards come. */
  people: z.array(z.object({ credit: z.enum(['name', 'pseudonym']), name: z.string() })),
  /** How many distinct people chose to stay anonymous: a count, never who. */
  anonymous: z.number().int(),
  groups: z.array(
    z.object({ spaceId: z.uuid(), kind: spaceKindSchema, name: z.string().nullable() }),
  ),
});
export type CreditBlock = z.infer<typeof creditBlockSchema>;
