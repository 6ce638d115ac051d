import { z } from 'zod';
import {
  displayNameSchema,
  handleSchema,
  passphraseSchema,
  roleSchema,
  sectorSchema,
} from './people';

/** Ten characters of Crockford base32 in two groups, e.g. `K7QM3-XPD9A`; easy to read aloud. */
export const invitationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((code) => code.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{10}$/));

export const newInvitationSchema = z.object({
  role: roleSchema,
  sector: sectorSchema,
  /** The peer space the person joins; required for roles that work in a peer space. */
  spaceId: z.uuid().nullable().default(null),
  /** Days until the code stops working. */
  expiresInDays: z.number().int().min(1).max(90).default(14),
  maxUses: z.number().int().min(1).max(200).default(1),
});
export type NewInvitation = z.infer<typeof newInvitationSchema>;

export const invitationSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  role: roleSchema,
  sector: sectorSchema,
  spaceId: z.uuid().nullable(),
  expiresAt: z.iso.datetime({ offset: true }),
  maxUses: z.number().int(),
  uses: z.number().int(),
  revoked: z.boolean(),
  createdBy: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** Only in the answer that creates the invitation: the code is stored hashed and never shown again. */
export const createdInvitationSchema = invitationSchema.extend({ code: z.string() });
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const joinSchema = z.object({
  code: invitationCodeSchema,
  displayName: displayNameSchema,
  handle: handleSchema,
  passphrase: passphraseSchema,
});
export type Join = z.infer<typeof joinSchema>;
