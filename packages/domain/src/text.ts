import type { z } from 'zod';

/**
 * Typed text with no markup in it: a "<b>" or "<script>" is refused (with a translated message
 * of its own), "3 < 4" is not.
 */
export const plainText = <S extends z.ZodString>(schema: S) =>
  schema.refine((text) => !/<[a-z!/?]/i.test(text), { params: { rule: 'no_markup' } });
