import { z } from 'zod';
import { creditBlockSchema, insightCardSchema } from './insight-card';
import { knowledgeTypeSchema, spaceKindSchema } from './initiative';
import { groupDecisionRuleSchema, validationDecisionSchema } from './method-session';
import { plainText } from './text';

/**
 * Synthesis boards (issue 11). A board lives in one space: a peer group's (MK-4's parallel
 * synthesis) or the synthesis space (MK-6–8). Its live part is the collaborative document
 * `board.<boardId>.layout` (which card sits in which finding, and each finding's texts; see
 * `@mizug/editor/board`); what must be decided and audited (a finding's status, each group's
 * decision, the disagreement register) is in the database, changed through the API.
 */

const title = plainText(z.string().trim().min(1).max(200));
const longNote = (max: number) => plainText(z.string().trim().min(1).max(max));

/** `POST /api/spaces/:spaceId/boards`; with `sessionId`, the session's board in that space. */
export const newBoardSchema = z.object({
  title,
  sessionId: z.uuid().optional(),
});
export type NewBoard = z.infer<typeof newBoardSchema>;

/** `POST /api/boards/:boardId/findings`: a dimension (theme) of the synthesis. */
export const newFindingSchema = z.object({ title });
export type NewFinding = z.infer<typeof newFindingSchema>;

/** `PATCH /api/findings/:findingId`. */
export const findingChangeSchema = z.object({ title });

/**
 * Where a finding is in the return loop: drafted; returned to the groups for their decisions
 * (one round each time); final once every group's standing decision is approve.
 */
export const findingStatuses = ['draft', 'returned', 'final'] as const;
export const findingStatusSchema = z.enum(findingStatuses);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

/** `POST /api/findings/:findingId/decisions`: a member records their group's decision. */
export const newFindingDecisionSchema = z
  .object({
    /** The group (peer space) the caller decides for; they must be its member. */
    spaceId: z.uuid(),
    decision: validationDecisionSchema,
    comment: plainText(z.string().trim().max(4000)).default(''),
  })
  .refine((decision) => decision.decision === 'approve' || decision.comment.length > 0, {
    path: ['comment'],
    params: { rule: 'comment_required' },
  });
export type NewFindingDecision = z.infer<typeof newFindingDecisionSchema>;

/** `POST /api/findings/:findingId/disagreements`: a minority position and its group. */
export const newDisagreementSchema = z.object({
  spaceId: z.uuid(),
  position: longNote(2000),
});
export type NewDisagreement = z.infer<typeof newDisagreementSchema>;

const groupRef = z.object({
  spaceId: z.uuid(),
  kind: spaceKindSchema,
  name: z.string().nullable(),
});

/** Evidence behind a finding (or a board) by knowledge type: cards, words and distinct people. */
export const voiceBalanceSchema = z.object({
  byKnowledgeType: z.array(
    z.object({
      knowledgeType: knowledgeTypeSchema,
      cards: z.number().int(),
      words: z.number().int(),
      /** Distinct tellers, authors or groups quoted: a count, never who. */
      people: z.number().int(),
    }),
  ),
  /** No card carries lived experience while others do: the finding rests on professionals. */
  livedExperienceMissing: z.boolean(),
});
export type VoiceBalance = z.infer<typeof voiceBalanceSchema>;

export const groupDecisionSchema = z.object({
  group: groupRef,
  /** What stands by the group's rule this round; null while it does not stand yet. */
  standing: validationDecisionSchema.nullable(),
  rule: groupDecisionRuleSchema,
  /** Each recorded decision of this round, with who recorded it. */
  recorded: z.array(
    z.object({
      decision: validationDecisionSchema,
      comment: z.string(),
      recordedBy: z.object({ id: z.uuid(), displayName: z.string() }),
      recordedAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type GroupDecision = z.infer<typeof groupDecisionSchema>;

export const disagreementSchema = z.object({
  id: z.uuid(),
  group: groupRef,
  position: z.string(),
  recordedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  recordedAt: z.iso.datetime({ offset: true }),
});
export type Disagreement = z.infer<typeof disagreementSchema>;

/** A finding as its reader sees it; also each entry of `GET /api/initiatives/:id/findings`. */
export const findingSchema = z.object({
  id: z.uuid(),
  boardId: z.uuid(),
  title: z.string(),
  status: findingStatusSchema,
  /** 0 until first returned; each return opens the next round. */
  round: z.number().int(),
  /** The statement as plain text; a citation reads `[n]`, n counting `citations` from 1. */
  statement: z.string(),
  characteristics: z.string(),
  openQuestions: z.string(),
  /** The cards the statement cites, in order (ids of `cards`). */
  citations: z.array(z.uuid()),
  /** The statement as it was returned last round, for the diff the groups see; null before. */
  previousStatement: z.string().nullable(),
  decisions: z.array(groupDecisionSchema),
  disagreements: z.array(disagreementSchema),
  balance: voiceBalanceSchema,
  /** The cards placed in it, as this reader may see them (withdrawn ones without their quote). */
  cards: z.array(insightCardSchema),
  /**
   * Who its usable cards credit (not withdrawn, the quote's consent not needed or given), as each
   * person chose: the credit block its final text carries.
   */
  credits: creditBlockSchema,
  /**
   * At the final co-writing (a board whose writers are the session's writing team), the people
   * its statement quotes approve their quote and its credit before it can be final: how many
   * approvals are still waiting and how many were declined. Null where no such approval is asked.
   */
  quoteApproval: z
    .object({ waiting: z.number().int(), approved: z.number().int(), declined: z.number().int() })
    .nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

export const boardSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  spaceId: z.uuid(),
  sessionId: z.uuid().nullable(),
  title: z.string(),
  docName: z.string(),
  canWrite: z.boolean(),
  /** The groups that decide on its findings when they are returned. */
  groups: z.array(groupRef),
  /** The groups (of `groups`) whose decision this reader may record, as their member. */
  decidesFor: z.array(z.uuid()),
  balance: voiceBalanceSchema,
});
export type Board = z.infer<typeof boardSchema>;
