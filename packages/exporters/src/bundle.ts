import { z } from 'zod';
import { exportScopeSchema } from './scope';
import { exportableText } from './text';

/**
 * The one model every export format is written from. The server builds it with consent applied
 * (only words their tellers let leave, withdrawn words never, ask-first words by reference only);
 * writers only lay it out, so no format can carry more than the bundle holds.
 */
const id = z.uuid();
const text = z.string();

export const exportLocaleSchema = z.enum(['he', 'ar', 'en']);
export type ExportLocale = z.infer<typeof exportLocaleSchema>;

export const exportGroupSchema = z.object({
  id,
  kind: z.string(),
  /** Resolved in the export's language (a built-in space's name included). */
  name: text,
});

/**
 * A person or a group as credited: `name` and `pseudonym` by the name they chose, `anonymous`
 * with no name at all, `group` by the group's name. Ids are made for the export, never an
 * account id.
 */
export const exportUserSchema = z.object({
  id,
  credit: z.enum(['name', 'pseudonym', 'anonymous', 'group']),
  name: text.nullable(),
  groupId: id.nullable(),
});

/** Where in Mizug a source lives (a released item is one item of a release). */
export const sourceRefSchema = z.object({
  kind: z.enum(['story', 'photo', 'transcript', 'canvas', 'post', 'release']),
  id,
  item: z.number().int().min(0).optional(),
});

export const exportSourceSchema = z.object({
  /** Made for the export: one Mizug source can be a whole text or one quote's excerpt. */
  id,
  ref: sourceRefSchema,
  name: text,
  groupId: id,
  /** Who it is credited to (the teller, the author, or the group). */
  userId: id,
  /** Exactly the text written, LF line ends, no characters XML cannot carry. */
  text: text.refine((value) => value === exportableText(value), {
    params: { rule: 'text_not_exportable' },
  }),
  /**
   * True when only the quoted words may leave (an "ask me first" quote its teller approved, or a
   * source the exporter may read only through its cards): `text` is then the quote alone.
   */
  excerpt: z.boolean(),
});

export const exportCodeSchema = z.object({
  id,
  parentId: id.nullable(),
  /** In the export's language (falling back to another), unique across the codebook. */
  name: text,
  description: text.nullable(),
  colour: z.string().regex(/^#[0-9a-f]{6}$/),
});

/** An insight card: a quote of a source, selected by Unicode code points (end exclusive). */
export const exportCodingSchema = z.object({
  cardId: id,
  sourceId: id,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: text,
  codeIds: z.array(id),
  knowledgeType: z.string(),
  consent: z.enum(['not_needed', 'approved']),
  createdAt: z.iso.datetime({ offset: true }),
});

/** The evidence behind a finding by knowledge type, as counts only (never who). */
export const exportBalanceSchema = z.object({
  byKnowledgeType: z.array(
    z.object({
      knowledgeType: z.string(),
      cards: z.number().int().min(0),
      words: z.number().int().min(0),
      people: z.number().int().min(0),
    }),
  ),
  /** No card carries lived experience while others do. */
  livedExperienceMissing: z.boolean(),
});

/** A minority position kept with its group of origin (who wrote it down is not exported). */
export const exportDisagreementSchema = z.object({
  groupId: id,
  position: text,
  recordedAt: z.iso.datetime({ offset: true }),
});

/** One group's decision in one round of the return loop (MK-7), and when the round was returned. */
export const exportValidationSchema = z.object({
  groupId: id,
  round: z.number().int().min(1),
  /** When this round's statement was returned to the groups: when the group received it. */
  returnedAt: z.iso.datetime({ offset: true }),
  /** What stands by the group's rule; null while it has not decided. */
  decision: z.enum(['approve', 'changes', 'reject']).nullable(),
  comments: z.array(text),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
});

/** The MK-8 credit block of a finding: names and pseudonyms as chosen, anonymous as a count. */
export const exportCreditsSchema = z.object({
  people: z.array(z.object({ credit: z.enum(['name', 'pseudonym']), name: text })),
  anonymous: z.number().int().min(0),
  groupIds: z.array(id),
});

export const exportFindingSchema = z.object({
  id,
  title: text,
  status: z.string(),
  statement: text,
  characteristics: text,
  openQuestions: text,
  /** Cards exported as codings, in the finding's order. */
  cardIds: z.array(id),
  /** Cards held back for now ("ask me first", not yet answered), by reference. */
  withheldCardIds: z.array(id),
  /** The cards its statement's `[n]` cite, n counting from 1 (any, exported or not). */
  citations: z.array(id),
  balance: exportBalanceSchema,
  disagreements: z.array(exportDisagreementSchema),
  /** Each deciding group's decision in each round, oldest round first. */
  validation: z.array(exportValidationSchema),
  credits: exportCreditsSchema,
});

/** A quote whose teller has not yet answered "ask me first": listed for the facilitator, no text. */
export const withheldQuoteSchema = z.object({
  cardId: id,
  source: sourceRefSchema,
  groupId: id,
  consent: z.literal('pending'),
});

export const exportBundleSchema = z.object({
  format: z.literal('mizug-export'),
  version: z.literal(1),
  /** The software that wrote it (REFI-QDA's `origin`). */
  origin: text,
  exportedAt: z.iso.datetime({ offset: true }),
  language: exportLocaleSchema,
  initiative: z.object({ id, name: text }),
  /** What it holds: the whole initiative when absent. */
  scope: exportScopeSchema.optional(),
  groups: z.array(exportGroupSchema),
  users: z.array(exportUserSchema),
  sources: z.array(exportSourceSchema),
  codes: z.array(exportCodeSchema),
  codings: z.array(exportCodingSchema),
  findings: z.array(exportFindingSchema),
  withheld: z.array(withheldQuoteSchema),
});

export type ExportBundle = z.infer<typeof exportBundleSchema>;
export type ExportGroup = z.infer<typeof exportGroupSchema>;
export type ExportUser = z.infer<typeof exportUserSchema>;
export type ExportSource = z.infer<typeof exportSourceSchema>;
export type ExportCode = z.infer<typeof exportCodeSchema>;
export type ExportCoding = z.infer<typeof exportCodingSchema>;
export type ExportFinding = z.infer<typeof exportFindingSchema>;
export type WithheldQuote = z.infer<typeof withheldQuoteSchema>;
export type ExportValidation = z.infer<typeof exportValidationSchema>;
