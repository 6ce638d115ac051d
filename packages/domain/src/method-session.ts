import type { FindingStatus } from './board';
import type { MethodDefinition } from '@mizug/methods';
import { z } from 'zod';
import { spaceKindSchema } from './initiative';
import { plainText, storableText } from './text';

const note = (max: number) => plainText(z.string().trim().min(1).max(max));
export interface PersonRef {
  accountId: string;
  displayName: string;
}

/** A built-in method's id (`merging-of-knowledge`) or an initiative's adaptation (its uuid). */
export const methodRefSchema = storableText(z.string().min(1).max(60));

export const startSessionSchema = z.object({
  methodId: methodRefSchema,
  title: note(140),
  /** The peer groups taking part, each with the facilitators chosen for it. */
  groups: z
    .array(z.object({ spaceId: z.uuid(), facilitatorIds: z.array(z.uuid()).max(10).default([]) }))
    .min(1)
    .max(8)
    .refine((groups) => new Set(groups.map((group) => group.spaceId)).size === groups.length, {
      message: 'each group once',
    }),
  /** Learning from Success for one person: whose success it is. */
  ownerId: z.uuid().optional(),
});
export type StartSession = z.infer<typeof startSessionSchema>;

export const closeStageSchema = z.object({
  /** Closes even though the exit criterion does not hold; recorded with the session. */
  overrideReason: note(500).optional(),
});

export const stageTimerSchema = z.object({ minutes: z.number().int().min(0).max(480) });

export const validationDecisions = ['approve', 'changes', 'reject'] as const;
export const validationDecisionSchema = z.enum(validationDecisions);
export type ValidationDecision = z.infer<typeof validationDecisionSchema>;

export const validationSchema = z
  .object({
    spaceId: z.uuid(),
    decision: validationDecisionSchema,
    comment: plainText(z.string().trim().max(4000)).default(''),
  })
  // Asking for changes or rejecting says what and why: that is the dissent kept on record.
  .refine((validation) => validation.decision === 'approve' || validation.comment.length > 0, {
    path: ['comment'],
    params: { rule: 'comment_required' },
  });
export type NewValidation = z.infer<typeof validationSchema>;

export const releaseSchema = z.object({
  spaceId: z.uuid(),
  /** Paragraphs (by position) of the group's own canvases; none at all is a release of nothing. */
  items: z
    .array(
      z.object({
        canvasId: z.uuid(),
        paragraphs: z.array(z.number().int().min(0)).min(1).max(200),
      }),
    )
    .max(40),
});
export type NewRelease = z.infer<typeof releaseSchema>;

export const contributionKinds = [
  'post',
  'question',
  'answer',
  'claim',
  'response',
  'principle',
] as const;
export const contributionKindSchema = z.enum(contributionKinds);
export type ContributionKind = z.infer<typeof contributionKindSchema>;

/** Where a practice claim's knowledge comes from (Practice Wisdom, Zeira's four sources). */
export const knowledgeSources = ['experience', 'theory', 'belief_value', 'research'] as const;
export const knowledgeSourceSchema = z.enum(knowledgeSources);
export const confidenceSchema = z.enum(['low', 'medium', 'high']);
export const stanceSchema = z.enum(['confirm', 'contest', 'add']);

export const newContributionSchema = z.object({
  body: note(4000),
  /** The group the author speaks from, when they belong to more than one taking part. */
  groupSpaceId: z.uuid().optional(),
  /** Speaks for the whole group: only its named representatives may. */
  onBehalfOf: z.boolean().default(false),
  /** An answer to a clarifying question, or a response to a claim. */
  parentId: z.uuid().optional(),
  /** A response to a proposition: a finding on another group's board (PW-8, PW-9). */
  findingId: z.uuid().optional(),
  sourceTags: z.array(knowledgeSourceSchema).max(4).default([]),
  confidence: confidenceSchema.optional(),
  stance: stanceSchema.optional(),
});
export type NewContribution = z.infer<typeof newContributionSchema>;

export const representativesSchema = z.object({
  spaceId: z.uuid(),
  accountIds: z.array(z.uuid()).max(10),
});

/**
 * How a group's decision stands, from its participation contract: the first member who records
 * one, a majority of its members, or every member.
 */
export const groupDecisionRules = ['one_member', 'majority', 'everyone'] as const;
export const groupDecisionRuleSchema = z.enum(groupDecisionRules);
export type GroupDecisionRule = z.infer<typeof groupDecisionRuleSchema>;

/** The session's mixed writing team (MK-8), chosen by its facilitators from every group. */
export const writingTeamSchema = z.object({ accountIds: z.array(z.uuid()).max(40) });
export type WritingTeam = z.infer<typeof writingTeamSchema>;

/**
 * Why the caller may read a stage's work but not write in it, as the server decided it; the
 * web words each one, so nobody is left with "you can read but not write" and no reason.
 */
export const writeRefusals = [
  'stage_closed',
  'contract_not_accepted',
  'not_in_writing_team',
  'not_representative',
  'not_owner',
  'not_in_group',
  'facilitators_only',
] as const;
export type WriteRefusal = (typeof writeRefusals)[number];

export const contractTermsSchema = z.object({
  confidentiality: note(4000),
  quoting: note(4000),
  leaving: note(4000),
  /**
   * How each group's decision on a returned finding stands (issue 11). Left out: as in the
   * version before (the first version: `one_member`).
   */
  decisionRule: groupDecisionRuleSchema.optional(),
});
export type ContractTerms = z.infer<typeof contractTermsSchema>;

export const dependencyRelations = [
  'client_caseworker',
  'employee_employer',
  'tenant_landlord',
  'family',
  'other',
] as const;
export const dependencySchema = z.object({
  otherAccountId: z.uuid(),
  relation: z.enum(dependencyRelations),
});
export type DependencyRelation = (typeof dependencyRelations)[number];

/** Why a stage may not open or close yet; the web words each one. */
export type StageBlocker =
  | { code: 'stage_open'; stageId: string }
  | { code: 'group_not_validated'; stageId: string; spaceId: string }
  | { code: 'group_not_released'; spaceId: string }
  | { code: 'owner_not_confirmed' }
  | { code: 'contract_not_accepted'; accountId: string };

export type StageStatus = 'not_started' | 'open' | 'closed';

export interface SessionStage {
  id: string;
  status: StageStatus;
  round: number;
  timerEndsAt: string | null;
  /** For facilitators: what stands in the way of opening it, or of closing it when open. */
  blockers: StageBlocker[];
  /**
   * The groups whose work or decision the stage asks for, of those the caller may know of (all
   * for a facilitator, the caller's own otherwise): the owner's alone in a stage for the owner.
   */
  groupIds: string[];
  /** Does the stage end with each group's decision (decided with the owner's group)? */
  asksForValidation: boolean;
  /**
   * The policy's answer for the caller's posts here, filed under one of their groups (or none):
   * in a stage for representatives, only they and the facilitators may. Whether the stage is
   * open and the contract accepted is told apart.
   */
  canPost: boolean;
  /** Why the caller may not post here (null when they may). */
  postRefusal: WriteRefusal | null;
  /**
   * The boards this stage works on that the caller reads: one per group in its own space (MK-4),
   * or the session's board in the synthesis space (MK-6 to MK-8); made when first needed.
   */
  boards: SessionBoard[];
  /**
   * A stage validated on its board (MK-7): where each finding of the board stands for each
   * group, which the stage's exit reads; empty for every other stage.
   */
  findings: SessionFindingStanding[];
}

/** A finding of a session's board and each deciding group's standing decision this round. */
export interface SessionFindingStanding {
  findingId: string;
  boardId: string;
  title: string;
  status: FindingStatus;
  /** 0 until first returned to the groups. */
  round: number;
  /** Null while no decision stands (none recorded, or not yet returned); final is approved. */
  groups: { spaceId: string; standing: ValidationDecision | null }[];
}

export interface SessionBoard {
  boardId: string;
  spaceId: string;
  canWrite: boolean;
  /** Why the caller may not write on it in this stage (null when they may). */
  writeRefusal: WriteRefusal | null;
}

export interface SessionGroup {
  spaceId: string;
  kind: z.infer<typeof spaceKindSchema>;
  name: string | null;
  facilitators: PersonRef[];
  representatives: PersonRef[];
  /** Members of the group's space (what the caller may know of them: names only). */
  members: PersonRef[];
}

export interface SessionCanvas {
  id: string;
  stageId: string;
  /** Null for the facilitators' notes. */
  spaceId: string | null;
  purpose: 'work' | 'facilitator_notes';
  docName: string;
  canWrite: boolean;
  /** Why the caller reads it but may not write in it (null when they may). */
  writeRefusal: WriteRefusal | null;
}

export interface SessionValidation {
  stageId: string;
  spaceId: string;
  round: number;
  decision: ValidationDecision;
  comment: string;
  decidedBy: PersonRef;
  decidedAt: string;
}

export interface SessionRelease {
  id: string;
  stageId: string;
  spaceId: string;
  decidedBy: PersonRef;
  decidedAt: string;
  items: { sourceStageId: string; text: string }[];
}

export interface SessionContribution {
  id: string;
  stageId: string;
  spaceId: string;
  author: PersonRef;
  authorGroupId: string | null;
  onBehalfOf: boolean;
  kind: ContributionKind;
  body: string;
  parentId: string | null;
  /** The proposition a response answers. */
  findingId: string | null;
  sourceTags: z.infer<typeof knowledgeSourceSchema>[];
  confidence: z.infer<typeof confidenceSchema> | null;
  stance: z.infer<typeof stanceSchema> | null;
  createdAt: string;
  /** Its author withdrew it: for anyone else, `body` is empty. */
  withdrawn: boolean;
}

/**
 * A proposition of a group's board (PW-8) its group approved, so it crossed to the other groups
 * to be confirmed, contested or added to (PW-9). Its texts as the board holds them.
 */
export interface SessionProposition {
  findingId: string;
  stageId: string;
  groupSpaceId: string;
  title: string;
  statement: string;
  characteristics: string;
  openQuestions: string;
}

export interface DependencyWarning {
  declaredBy: PersonRef;
  other: PersonRef;
  relation: DependencyRelation;
}

/**
 * `PUT /api/sessions/:id/owner-story`: the owner of a success attaches one of their stories as
 * the material of its first stages instead of retyping it (null: takes it off).
 */
export const ownerStorySchema = z.object({ storyId: z.uuid().nullable() });
export type OwnerStory = z.infer<typeof ownerStorySchema>;

export interface SessionView {
  id: string;
  initiativeId: string;
  title: string;
  method: MethodDefinition;
  owner: PersonRef | null;
  /** The owner's story attached as the success's material, for those who may read it. */
  ownerStory: { id: string; title: string } | null;
  startedAt: string;
  /** Everyone taking part, names only: whom a participant may declare a dependency with. */
  participants: PersonRef[];
  stages: SessionStage[];
  groups: SessionGroup[];
  me: {
    isFacilitator: boolean;
    /** The groups of this session the caller belongs to. */
    groupIds: string[];
    representsGroupIds: string[];
    isOwner: boolean;
    inWritingTeam: boolean;
  };
  /** The mixed writing team the facilitators chose (MK-8): they write the final text. */
  writingTeam: PersonRef[];
  contract: {
    version: number;
    /** Null: Mizug's standard terms, which the web shows in the reader's language. */
    terms: ContractTerms | null;
    /** How each group's decision on a returned finding stands. */
    decisionRule: GroupDecisionRule;
    acceptedByMe: boolean;
    /** Facilitators see who has not accepted the current version yet. */
    pending: PersonRef[];
  };
  canvases: SessionCanvas[];
  validations: SessionValidation[];
  releases: SessionRelease[];
  contributions: SessionContribution[];
  /** The propositions that crossed to be answered (PW-9), for every reader of the session. */
  propositions: SessionProposition[];
  ownerConfirmations: { stageId: string; round: number }[];
  /** Facilitators only: dependency pairs that would share a working group. */
  dependencyWarnings: DependencyWarning[];
}

export interface SessionSummary {
  id: string;
  title: string;
  methodTitle: MethodDefinition['title'];
  openStageId: string | null;
  /** What participants read for the open stage: its title, never its code. */
  openStageTitle: MethodDefinition['title'] | null;
  startedAt: string;
}

export const alertThresholdSchema = z.object({ percent: z.number().int().min(0).max(100) });

/** For the facilitator console: who has taken part, and whose voice fills the synthesis. */
export interface SessionParticipation {
  people: {
    accountId: string;
    displayName: string;
    /** Their group in this session (null for facilitators and working-group members without one). */
    groupId: string | null;
    /** Posts, questions, claims and decisions they made in this session. */
    contributions: number;
    /** Canvases of this session they have written in. */
    canvasesEdited: number;
    lastContributionAt: string | null;
  }[];
  groups: {
    spaceId: string;
    contributions: number;
    /** Members who have contributed at all, of all members. */
    activePeople: number;
    people: number;
    lastContributionAt: string | null;
  }[];
  synthesis: {
    /** Words in the synthesis space (posts and released work), per group they came from. */
    words: { spaceId: string; words: number }[];
    /** The lived-experience groups' share of those words, 0–100; null before anything is there. */
    livedExperienceShare: number | null;
    /** Below this share the console warns that lived experience is under-represented. */
    threshold: number;
    /**
     * The session's board in the synthesis space, by its balance of voices: lived experience's
     * share of its cards (null before any card is placed), and whether none carries it.
     */
    board: {
      boardId: string;
      livedExperienceCardShare: number | null;
      livedExperienceMissing: boolean;
    } | null;
    /** The words' share, or the board's cards' share, is below the threshold, or lived experience is missing from the board. */
    underRepresented: boolean;
  };
}
