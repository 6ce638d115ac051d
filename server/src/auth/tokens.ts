import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 256 random bits, URL-safe; for sign-in cookies, CSRF tokens and setup links. */
export const randomToken = () => randomBytes(32).toString('base64url');

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// Crockford base32: no I, L, O or U, so a code read aloud or copied by hand stays unambiguous.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Ten characters (50 bits), shown as `XXXXX-XXXXX`; compare normalized codes without the dash. */
export function invitationCode(): string {
  const chars = Array.from({ length: 10 }, () => CROCKFORD[randomInt(CROCKFORD.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export const normalizeInvitationCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
