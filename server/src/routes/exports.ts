import { exportScopeQuerySchema } from '@mizug/exporters';
import { Hono } from 'hono';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { exportChoices } from '../services/exports/choices';
import { exportInitiative } from '../services/exports/export';

/** `attachment` with an ASCII fallback and the real (Hebrew, Arabic…) name per RFC 6266/5987. */
export function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * `GET /api/initiatives/:initiativeId/exports`: the formats and scopes the caller may export.
 * `GET /api/initiatives/:initiativeId/exports/:format[?session=<id>|?finding=<id>]`: the file of
 * the whole initiative, one session or one finding, streamed as it is written.
 */
export function exportRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get(
      '/:initiativeId/exports',
      validate('param', z.object({ initiativeId: z.uuid() })),
      async (c) =>
        c.json(
          await exportChoices(deps.db, requireAccount(c), c.req.valid('param').initiativeId),
          200,
        ),
    )
    .get(
      '/:initiativeId/exports/:format',
      validate('param', z.object({ initiativeId: z.uuid(), format: z.string().max(20) })),
      validate('query', exportScopeQuerySchema),
      async (c) => {
        const { initiativeId, format } = c.req.valid('param');
        const scope = c.req.valid('query');
        const file = await exportInitiative(
          deps.db,
          requireAccount(c),
          initiativeId,
          format,
          scope,
        );
        return c.body(Readable.toWeb(file.stream) as ReadableStream, 200, {
          'Content-Type': file.mediaType,
          'Content-Disposition': contentDisposition(file.fileName),
          'Cache-Control': 'no-store',
        });
      },
    );
}
