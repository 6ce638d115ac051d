import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

/** Every setting the server reads from the environment; README's configuration table mirrors it. */
export const configSchema = z.object({
  /** Port of the one HTTP server (web, /api, /collab). Default 3000; 0 picks a free port. */
  PORT: port.default(3000),
  /** Interface to listen on. Default all interfaces. */
  HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
  /** A real PostgreSQL server (postgres://user:pass@host:port/db). Unset: embedded PGlite. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  /** Redis for several server instances to share live edits and presence. Unset: one instance. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  /** Folder of the embedded database and other local data. Default ./data. */
  MIZUG_DATA_DIR: z
    .string()
    .min(1, 'must not be empty')
    .default('./data')
    .transform((dir) => resolve(dir)),
  /** Set to true behind a reverse proxy so client addresses and https come from X-Forwarded-*. */
  TRUST_PROXY: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  /**
   * 1: demo mode. An instance with no one in it yet gets the demo initiative, and the sign-in
   * page offers "continue as" its people. `pnpm start` sets 1 unless told 0. Default 0.
   */
  MIZUG_DEMO: z
    .enum(['0', '1'], { error: 'must be 0 or 1' })
    .default('0')
    .transform((value) => value === '1'),
  /** Minimum level of the structured log. Default info. */
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; an empty string counts as unset so `PORT=` falls back to the default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((key) => [key, env[key]])
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      return `${key}=${JSON.stringify(present[key])} ${issue.message}`;
    }),
  );
}
