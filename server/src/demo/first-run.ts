import type { Database } from '../db/database';
import type { Logger } from '../logger';
import type { DemoSummary } from './demo-store';
import { demoFixture } from './fixture';
import { seedDemo } from './seed-demo';

/**
 * Demo mode on an instance with no one in it: loads the demo initiative (a few seconds) so a
 * newcomer lands in a living initiative. An instance with people in it is never touched.
 */
export async function seedDemoIfEmpty(db: Database, logger: Logger) {
  const [{ count }] = (await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM accounts',
  )) as [{ count: number }];
  if (count > 0) return undefined;
  const started = performance.now();
  const demo = await seedDemo(db);
  logger.info(
    { initiativeId: demo.initiativeId, ms: Math.round(performance.now() - started) },
    'loaded the demo initiative',
  );
  return demo;
}

/** What the terminal shows once, after the demo is loaded: where to go and who to be. */
export function demoGreeting(demo: DemoSummary, address: string) {
  const width = Math.max(...demo.personas.map((persona) => persona.handle.length));
  return [
    '',
    `Mizug demo: open ${address}/signin and choose "continue as", or sign in as one of these`,
    `with the passphrase "${demoFixture.passphrase}":`,
    ...demo.personas.map(
      (persona) =>
        `  ${persona.handle.padEnd(width)}  ${persona.role.padEnd(20)} ${persona.displayName}`,
    ),
    'Demo mode is on (MIZUG_DEMO=1). For real use start with MIZUG_DEMO=0 on a new data folder.',
    '',
  ].join('\n');
}
