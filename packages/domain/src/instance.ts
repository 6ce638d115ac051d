import { z } from 'zod';

/** This installation of Mizug; created once, on the first start against an empty database. */
export const instanceSchema = z.object({
  id: z.uuid(),
  /** ISO 8601 time of the first start. */
  createdAt: z.iso.datetime({ offset: true }),
});
export type Instance = z.infer<typeof instanceSchema>;
