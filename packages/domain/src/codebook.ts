import { z } from 'zod';
import { localeSchema } from './initiative';
import { storableText } from './text';

/** Longest code name, in any one language: a theme's label, short enough for a chip on a card. */
export const CODE_NAME_MAX = 80;
/** Longest description of a code, in any one language: what belongs under it and what does not. */
export const CODE_DESCRIPTION_MAX = 1000;

const nameText = storableText(z.string().trim().min(1).max(CODE_NAME_MAX));
const descriptionText = storableText(z.string().trim().min(1).max(CODE_DESCRIPTION_MAX));

/**
 * A code's name in the initiative's languages: at least one of them. The server refuses a
 * language the initiative does not use (`language_not_in_initiative`).
 */
export const codeNameSchema = z
  .strictObject({ he: nameText.optional(), ar: nameText.optional(), en: nameText.optional() })
  .refine((name) => Object.values(name).some(Boolean), { params: { rule: 'code_name_required' } });
export type CodeName = z.infer<typeof codeNameSchema>;

/** What belongs under a code, per language; a language left out has no description. */
export const codeDescriptionSchema = z.strictObject({
  he: descriptionText.optional(),
  ar: descriptionText.optional(),
  en: descriptionText.optional(),
});
export type CodeDescription = z.infer<typeof codeDescriptionSchema>;

/** `#rrggbb`, stored in lower case; shown as a swatch next to the name, never as the only cue. */
export const codeColourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .overwrite((colour) => colour.toLowerCase());

export const newCodeSchema = z.object({
  name: codeNameSchema,
  description: codeDescriptionSchema.default({}),
  colour: codeColourSchema,
  /** The theme it sits under, in the same initiative; null (the default) for a top-level code. */
  parentId: z.uuid().nullable().default(null),
});
export type NewCode = z.infer<typeof newCodeSchema>;

/**
 * Rename, describe, recolour or move a code; what is left out stays. A name or description given
 * replaces the whole of it (every language). `parentId: null` moves it to the top level.
 */
export const codeChangeSchema = z
  .object({
    name: codeNameSchema.optional(),
    description: codeDescriptionSchema.optional(),
    colour: codeColourSchema.optional(),
    parentId: z.uuid().nullable().optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    params: { rule: 'nothing_to_change' },
  });
export type CodeChange = z.infer<typeof codeChangeSchema>;

/** Merge the code in the path into `into`: its codings and sub-codes move there, it is removed. */
export const codeMergeSchema = z.object({ into: z.uuid() });
export type CodeMerge = z.infer<typeof codeMergeSchema>;

/** One code as the API answers with it. */
export const codeSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.partialRecord(localeSchema, z.string()),
  description: z.partialRecord(localeSchema, z.string()),
  colour: z.string(),
  /** Order among its siblings (new codes go last). */
  position: z.number().int(),
  /** Distinct cards carrying this code itself (its sub-codes count their own). */
  cardCount: z.number().int(),
});
export type Code = z.infer<typeof codeSchema>;

export type CodeNode = Code & { children: CodeNode[] };
export const codeNodeSchema: z.ZodType<CodeNode> = codeSchema.extend({
  get children() {
    return z.array(codeNodeSchema);
  },
});

/** The codebook of an initiative: its codes as a tree, and whether the caller may change it. */
export const codebookSchema = z.object({
  codes: z.array(codeNodeSchema),
  canEdit: z.boolean(),
});
export type Codebook = z.infer<typeof codebookSchema>;
