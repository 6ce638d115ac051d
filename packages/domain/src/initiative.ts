import { z } from 'zod';
import { roleSchema, sectorSchema, type Role } from './people';
import { storableText } from './text';

export const localeSchema = z.enum(['he', 'ar', 'en']);

/**
 * The kind of knowledge a group carries, and so every card quoting its words: lived experience,
 * practice, academic, or a group the initiative named (`group`; its name is the space's).
 */
export const knowledgeTypes = ['lived_experience', 'practice', 'academic', 'group'] as const;
export const knowledgeTypeSchema = z.enum(knowledgeTypes);
export type KnowledgeType = z.infer<typeof knowledgeTypeSchema>;

const spaceNameSchema = storableText(z.string().trim().min(1).max(80));

export const newInitiativeSchema = z.object({
  name: storableText(z.string().trim().min(1).max(120)),
  /** The social problem it works on, in the initiative's own words. */
  problem: storableText(z.string().trim().min(1).max(500)),
  languages: z.array(localeSchema).min(1).max(3),
  /**
   * Extra peer spaces beyond "lived experience" and "practitioners" (e.g. "academics"): a name,
   * or a name and the knowledge the space carries (default: its own named group).
   */
  extraPeerSpaces: z
    .array(
      z.union([
        spaceNameSchema,
        z.object({ name: spaceNameSchema, knowledge: knowledgeTypeSchema.default('group') }),
      ]),
    )
    .max(8)
    .default([]),
  /** The sector of the person creating it, who becomes its admin (often the backbone NGO). */
  creatorSector: sectorSchema.default('third_sector'),
});
export type NewInitiative = z.infer<typeof newInitiativeSchema>;

export const spaceKinds = ['lived_experience', 'practitioners', 'peer', 'synthesis'] as const;
export const spaceKindSchema = z.enum(spaceKinds);
export type SpaceKind = z.infer<typeof spaceKindSchema>;

/**
 * The knowledge group a built-in peer space is for. Its members decide who else joins: anyone
 * of another role waits until one of them accepts. A named peer space (`peer`) has no fixed
 * role, so once it has members they decide on every newcomer; null for those and the synthesis.
 */
export const groupRoleOf = (kind: SpaceKind): Role | null =>
  kind === 'lived_experience'
    ? 'expert_by_experience'
    : kind === 'practitioners'
      ? 'practitioner'
      : null;

export const spaceSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  kind: spaceKindSchema,
  /** Set for spaces a person named; built-in spaces are named by the UI in each language. */
  name: z.string().nullable(),
  /**
   * The knowledge its words carry: the built-in spaces' by their kind (lived experience,
   * practice; the synthesis: `group`), a named peer space's as the initiative set it.
   */
  knowledge: knowledgeTypeSchema,
});
export type Space = z.infer<typeof spaceSchema>;

/** `PATCH /api/spaces/:spaceId`: an admin says which knowledge a named peer space carries. */
export const spaceKnowledgeSchema = z.object({ knowledge: knowledgeTypeSchema });
export type SpaceKnowledgeChange = z.infer<typeof spaceKnowledgeSchema>;

export const membershipSchema = z.object({
  accountId: z.uuid(),
  displayName: z.string(),
  handle: z.string(),
  role: roleSchema,
  sector: sectorSchema,
  /** Peer spaces this member belongs to, and the ones they guarantee as a facilitator. */
  spaceIds: z.array(z.uuid()),
  guaranteedSpaceIds: z.array(z.uuid()),
  /** Peer spaces they were asked into whose group has not accepted them yet: no access there. */
  pendingSpaceIds: z.array(z.uuid()),
  inWorkingGroup: z.boolean(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const initiativeSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  problem: z.string(),
  languages: z.array(localeSchema),
  myRole: roleSchema.nullable(),
});
export type InitiativeSummary = z.infer<typeof initiativeSummarySchema>;

export const initiativeHomeSchema = initiativeSummarySchema.extend({
  mySector: sectorSchema.nullable(),
  /** Only the spaces the caller may read. */
  spaces: z.array(
    spaceSchema.extend({
      canWrite: z.boolean(),
      /** A member of this peer space may tell a story in it (a guarantor may not). */
      canTellStory: z.boolean(),
    }),
  ),
  canManageMembers: z.boolean(),
  canReadAudit: z.boolean(),
  /** May export the initiative's knowledge (researchers, facilitators, admins): the export page. */
  canExport: z.boolean(),
  /**
   * Every space's name and kind (never its content) for those who manage members, so they can
   * invite people into peer spaces they do not read themselves; empty for everyone else.
   */
  spaceDirectory: z.array(spaceSchema),
});
export type InitiativeHome = z.infer<typeof initiativeHomeSchema>;

/** What an admin (role, sector) or a facilitator (working group) may change about a member. */
export const memberChangeSchema = z
  .object({
    role: roleSchema.optional(),
    sector: sectorSchema.optional(),
    inWorkingGroup: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0);
export type MemberChange = z.infer<typeof memberChangeSchema>;

/**
 * Put a member in a peer space (as member or, for facilitators, guarantor only), or take them
 * out. A member outside the space's own group is only proposed: they wait for the group.
 */
export const spaceAssignmentSchema = z.object({
  accountId: z.uuid(),
  as: z.enum(['member', 'guarantor']).nullable(),
});
export type SpaceAssignment = z.infer<typeof spaceAssignmentSchema>;

/** Where a person stands in a peer space; `pending` waits for the group and has no access. */
export const spaceStandings = ['member', 'guarantor', 'pending'] as const;
export type SpaceStanding = (typeof spaceStandings)[number];

/** A member of the group accepts or declines someone waiting to join their peer space. */
export const joinDecisionSchema = z.object({ decision: z.enum(['accept', 'decline']) });
export type JoinDecision = z.infer<typeof joinDecisionSchema>;

/** One change of who is in a peer space, as its members see it there (newest first). */
export const spaceChangeSchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  /**
   * `added` by a facilitator or admin; `joined` with an invitation; `requested`: proposed to the
   * group, waiting; `accepted` / `declined` by a member of the group; `removed` from the space.
   */
  change: z.enum(['added', 'joined', 'requested', 'accepted', 'declined', 'removed']),
  /** For `added` and `joined`: as member or guarantor. */
  as: z.enum(['member', 'guarantor']).nullable(),
  person: z.object({ accountId: z.uuid(), displayName: z.string() }),
  /** Who made the change; null when the person did it themselves (an invitation). */
  by: z.object({ accountId: z.uuid(), displayName: z.string() }).nullable(),
});
export type SpaceChange = z.infer<typeof spaceChangeSchema>;
