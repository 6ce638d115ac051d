import { z } from 'zod';
import { storableText } from './text';

/** What a member does in an initiative; one role per member per initiative. */
export const roles = [
  'expert_by_experience',
  'practitioner',
  'academic',
  'facilitator',
  'researcher',
  'admin',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** The sector a member comes from, shown next to their contributions. */
export const sectors = [
  'public',
  'business',
  'third_sector',
  'philanthropy',
  'community',
  'academia',
] as const;
export const sectorSchema = z.enum(sectors);
export type Sector = z.infer<typeof sectorSchema>;

/** Lower-case letters, digits, dot, dash, underscore; what people type to sign in. */
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/);

/** The name others see; any script, so Hebrew and Arabic names work. */
export const displayNameSchema = storableText(z.string().trim().min(1).max(80));

/** Long enough to resist guessing; a phrase of words is easier to remember than symbols. */
export const passphraseSchema = z.string().min(10).max(200);

export const emailSchema = z.email().max(254);

export const credentialsSchema = z.object({
  handle: handleSchema,
  passphrase: z.string().min(1).max(200),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const accountSchema = z.object({
  id: z.uuid(),
  handle: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isInstanceAdmin: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

/** `GET /api/me`: who is signed in, and the token state-changing requests must echo. */
export const meSchema = z.object({
  account: accountSchema,
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/** The form behind the one-time setup link that creates an empty instance's first admin. */
export const setupSchema = z.object({
  token: z.string().min(1).max(200),
  handle: handleSchema,
  displayName: displayNameSchema,
  passphrase: passphraseSchema,
});
export type Setup = z.infer<typeof setupSchema>;
