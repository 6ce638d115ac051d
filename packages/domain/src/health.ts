import { z } from 'zod';

/** Which PostgreSQL the server stores into: embedded (PGlite) or a real server. */
export const storageKindSchema = z.enum(['pglite', 'postgres']);
export type StorageKind = z.infer<typeof storageKindSchema>;

/** Body of `GET /api/health`; its shape is a contract with monitoring tools. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  storage: storageKindSchema,
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;
