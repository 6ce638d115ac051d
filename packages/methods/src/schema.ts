import { storableText } from '@mizug/domain/text';
import { z } from 'zod';

const text = (max: number) => storableText(z.string().trim().min(1).max(max));

/** Words shown to people, in each of Mizug's languages; a method ships all three. */
export const localizedTextSchema = z.strictObject({
  he: text(2000),
  ar: text(2000),
  en: text(2000),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** `MK-3`, `LS-10`, or a facilitator's own (`MK-3b`). */
export const stageIdSchema = z.string().regex(/^[A-Z]{1,4}-[0-9]{1,2}[a-z]?$/);

/**
 * Who works in a stage, and so where its work lives:
 * - `everyone`: every participant of the session (the contract, the return);
 * - `individual`: each person on their own, private until they share it to their group;
 * - `owner`: the person whose success is examined (Learning from Success), watched by their group;
 * - `each_group`: every peer group on its own, in its own space, unseen by the others;
 * - `representatives`: each group's named representatives, together in the synthesis space;
 * - `working_group`: everyone admitted to the synthesis space.
 */
export const participations = [
  'everyone',
  'individual',
  'owner',
  'each_group',
  'representatives',
  'working_group',
] as const;
export const participationSchema = z.enum(participations);
export type Participation = z.infer<typeof participationSchema>;

/** Stages whose work happens in the synthesis space, after the groups' own work. */
export const isSynthesisParticipation = (participation: Participation) =>
  participation === 'representatives' || participation === 'working_group';

/**
 * What a stage produces:
 * - `contract`: the participation contract accepted, and relationships of dependency declared;
 * - `canvas`: a shared rich-text document per group (or one in the synthesis space);
 * - `contributions`: separate posts, each labelled with its author's group;
 * - `questions`: clarifying questions only (no advice), answered by the owner;
 * - `claims`: practice claims, each tagged with its sources and a confidence;
 * - `responses`: the lived-experience group's answer to each claim (confirm, contest, add);
 * - `validation`: each group's decision on every finding of the synthesis board, recorded
 *   through the board's return loop (the stage's exit reads them);
 * - `release`: each group's choice of what of its work crosses into the synthesis space;
 * - `board`: a synthesis board of cards clustered into findings (issue 11): one per group in its
 *   own space (drafted by the facilitators, validated by the group), or the session's board in
 *   the synthesis space (merged by the representatives, co-written by the writing team).
 */
export const artefacts = [
  'contract',
  'canvas',
  'contributions',
  'questions',
  'claims',
  'responses',
  'validation',
  'release',
  'board',
] as const;
export const artefactSchema = z.enum(artefacts);
export type Artefact = z.infer<typeof artefactSchema>;

/**
 * What must hold before a stage may close (a facilitator may still close it with a recorded
 * reason):
 * - `facilitator_closes`: nothing beyond the facilitator's judgement;
 * - `every_group_validated`: each taking-part group's latest decision this round is "approve";
 * - `every_group_released`: each group has recorded a release (possibly of nothing);
 * - `owner_confirmed`: the owner has confirmed the stage's work as faithful to their story;
 * - `everyone_accepted_contract`: every participant accepted the current contract.
 */
export const exitCriteria = [
  'facilitator_closes',
  'every_group_validated',
  'every_group_released',
  'owner_confirmed',
  'everyone_accepted_contract',
] as const;
export const exitCriterionSchema = z.enum(exitCriteria);
export type ExitCriterion = z.infer<typeof exitCriterionSchema>;

/**
 * Does a stage end with each group's decision? Those asking for validation, and a success's
 * stages when the success is a group's own (no owner confirms them: the group validates).
 */
export const asksForValidation = (stage: Pick<Stage, 'exit'>, hasOwner: boolean) =>
  stage.exit === 'every_group_validated' || (stage.exit === 'owner_confirmed' && !hasOwner);

/** How METHODS.md grounds a stage: documented, from the seed paper, or reconstructed. */
export const evidenceSchema = z.enum(['documented', 'seed_paper', 'reconstructed']);

export const stageSchema = z.strictObject({
  id: stageIdSchema,
  title: localizedTextSchema,
  /** What the stage is for, in plain words a participant understands. */
  purpose: localizedTextSchema,
  prompts: z.array(localizedTextSchema).min(1).max(12),
  participation: participationSchema,
  artefact: artefactSchema,
  exit: exitCriterionSchema,
  evidence: evidenceSchema,
  /** A facilitator may skip it (MK-9, cross-site merging). */
  optional: z.boolean().default(false),
  /**
   * Who writes a board stage's board in each group's own space: its facilitators, who draft what
   * the group then validates (MK-4, and so when left out), or the group itself (PW-8's
   * codification). A board of an owner's stage is the owner's (LS-8).
   */
  groupBoardWriters: z.enum(['facilitators', 'group']).optional(),
});
export type Stage = z.infer<typeof stageSchema>;

export const methodIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/);

export const methodDefinitionSchema = z
  .strictObject({
    id: methodIdSchema,
    version: z.number().int().positive(),
    title: localizedTextSchema,
    summary: localizedTextSchema,
    /** Where the method comes from, for facilitators (ATD Fourth World, Brookdale, …). */
    source: text(500),
    /** Set on a facilitator's adaptation: the method and version it was copied from. */
    derivedFrom: z.strictObject({ methodId: methodIdSchema, version: z.number().int() }).optional(),
    stages: z.array(stageSchema).min(1).max(40),
  })
  .superRefine((method, context) => {
    const seen = new Set<string>();
    method.stages.forEach((stage, index) => {
      if (seen.has(stage.id))
        context.addIssue({
          code: 'custom',
          path: ['stages', index, 'id'],
          message: `stage id ${stage.id} is used twice`,
          params: { rule: 'duplicate_stage' },
        });
      seen.add(stage.id);
      if (stage.artefact === 'validation' && stage.exit !== 'every_group_validated')
        context.addIssue({
          code: 'custom',
          path: ['stages', index, 'exit'],
          message: 'a validation stage ends when every group has validated',
          params: { rule: 'validation_exit' },
        });
    });
  });
export type MethodDefinition = z.infer<typeof methodDefinitionSchema>;
export type MethodDefinitionInput = z.input<typeof methodDefinitionSchema>;
