import { pino, type Logger } from 'pino';

export type { Logger };

/** One JSON object per line on stdout, so any log shipper can read it. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'mizug' } });
}
