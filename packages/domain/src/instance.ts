import { z } from 'zod';
import { displayNameSchema, handleSchema, roleSchema } from './people';

/** This installation of Mizug; created once, on the first start against an empty database. */
export const instanceSchema = z.object({
  id: z.uuid(),
  /** ISO 8601 time of the first start. */
  createdAt: z.iso.datetime({ offset: true }),
});
export type Instance = z.infer<typeof instanceSchema>;

/** One of the demo initiative's people, as the sign-in page offers them in demo mode. */
export const demoPersonaSchema = z.object({
  handle: handleSchema,
  displayName: displayNameSchema,
  role: roleSchema,
});
export type DemoPersona = z.infer<typeof demoPersonaSchema>;

/** `GET /api/demo` (demo mode only): who a newcomer may continue as. */
export const demoSchema = z.object({ personas: z.array(demoPersonaSchema) });
export type Demo = z.infer<typeof demoSchema>;

/** `POST /api/demo/session`: continue as one of the demo's people. */
export const demoSignInSchema = z.object({ handle: handleSchema });
