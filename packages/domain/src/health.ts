import { z } from 'zod';

/** Which PostgreSQL the server stores into: embedded (PGlite) or a real server. */
export const storageKindSchema = z.enum(['pglite', 'postgres']);
export type StorageKind = z.infer<typeof storageKindSchema>;

/**
 * Body of `GET /api/health`; its shape is a contract with monitoring tools. `degraded`: this
 * instance serves its own clients, but Redis (set with several instances) cannot be reached, so
 * edits on other instances arrive only once it is back.
 */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  storage: storageKindSchema,
  version: z.string(),
  /** Only with REDIS_URL: whether the fan-out to the other instances is connected. */
  redis: z.enum(['connected', 'unavailable']).optional(),
});
export type Health = z.infer<typeof healthSchema>;
