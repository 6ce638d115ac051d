import { z } from 'zod';
import { roleSchema, sectorSchema } from './people';
import { storableText } from './text';

export const localeSchema = z.enum(['he', 'ar', 'en']);

export const newInitiativeSchema = z.object({
  name: storableText(z.string().trim().min(1).max(120)),
  /** The social problem it works on, in the initiative's own words. */
  problem: storableText(z.string().trim().min(1).max(500)),
  languages: z.array(localeSchema).min(1).max(3),
  /** Extra peer spaces beyond "lived experience" and "practitioners" (e.g. "academics"). */
  extraPeerSpaces: z
    .array(storableText(z.string().trim().min(1).max(80)))
    .max(8)
    .default([]),
  /** The sector of the person creating it, who becomes its admin (often the backbone NGO). */
  creatorSector: sectorSchema.default('third_sector'),
});
export type NewInitiative = z.infer<typeof newInitiativeSchema>;

export const spaceKinds = ['lived_experience', 'practitioners', 'peer', 'synthesis'] as const;
export const spaceKindSchema = z.enum(spaceKinds);
export type SpaceKind = z.infer<typeof spaceKindSchema>;

export const spaceSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  kind: spaceKindSchema,
  /** Set for spaces a person named; built-in spaces are named by the UI in each language. */
  name: z.string().nullable(),
});
export type Space = z.infer<typeof spaceSchema>;

export const membershipSchema = z.object({
  accountId: z.uuid(),
  displayName: z.string(),
  handle: z.string(),
  role: roleSchema,
  sector: sectorSchema,
  /** Peer spaces this member belongs to, and the ones they guarantee as a facilitator. */
  spaceIds: z.array(z.uuid()),
  guaranteedSpaceIds: z.array(z.uuid()),
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

/** Put a member in a peer space (as member or, for facilitators, guarantor), or take them out. */
export const spaceAssignmentSchema = z.object({
  accountId: z.uuid(),
  as: z.enum(['member', 'guarantor']).nullable(),
});
export type SpaceAssignment = z.infer<typeof spaceAssignmentSchema>;
