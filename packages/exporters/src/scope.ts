import { z } from 'zod';
import { exportFormatSchema } from './formats';

/**
 * What an export holds: the whole initiative (the default), one method session (the cards,
 * findings, sources and codes of its boards) or one finding (it, its cards, their sources and the
 * codes they use). The server narrows the bundle to it, so every format carries the same scope.
 */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('initiative') }),
  z.object({ kind: z.literal('session'), id: z.uuid() }),
  z.object({ kind: z.literal('finding'), id: z.uuid() }),
]);
export type ExportScope = z.infer<typeof exportScopeSchema>;

/** The scope of a query string `?session=<id>` or `?finding=<id>` (never both; neither: all). */
export const exportScopeQuerySchema = z
  .object({ session: z.uuid().optional(), finding: z.uuid().optional() })
  .refine(({ session, finding }) => !(session && finding), { params: { rule: 'export_one_scope' } })
  .transform(({ session, finding }): ExportScope =>
    session
      ? { kind: 'session', id: session }
      : finding
        ? { kind: 'finding', id: finding }
        : { kind: 'initiative' },
  );

/**
 * `GET /api/initiatives/:id/exports`: what the caller may export, for the export page to offer:
 * the formats, and the sessions and synthesis findings a scope can name.
 */
export const exportChoicesSchema = z.object({
  formats: z.array(exportFormatSchema),
  sessions: z.array(z.object({ id: z.uuid(), title: z.string() })),
  findings: z.array(z.object({ id: z.uuid(), title: z.string(), boardTitle: z.string() })),
});
export type ExportChoices = z.infer<typeof exportChoicesSchema>;
