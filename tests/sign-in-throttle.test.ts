import { apiErrorSchema } from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/src/app';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { EventBus } from '../server/src/events';
import { createLogger } from '../server/src/logger';
import { createInstanceAdmin } from '../server/src/services/create-admin';
import { Person } from './factories/person';
import { createTestDatabase, testStorages } from './support/databases';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

describe.each(testStorages)('POST /api/session throttling on %s', (kind) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  /** A caller at an address (the app trusts X-Forwarded-For, as behind a proxy). */
  const from = (address: string, language = 'en') =>
    new Person(app, { 'x-forwarded-for': address, 'accept-language': language });
  /** Moves every recorded attempt back in time, as if that many seconds had passed. */
  const wait = (seconds: number) =>
    db.exec(`UPDATE login_attempts SET at = at - interval '${seconds} seconds'`);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await migrate(db);
    app = createApp({
      db,
      logger: createLogger('silent'),
      version: 'test',
      trustProxy: true,
      events: new EventBus(),
    });
    for (const handle of ['rana', 'yossi', 'noa'])
      await createInstanceAdmin(db, {
        handle,
        displayName: handle,
        passphrase: `${handle} passphrase long`,
      });
  });
  afterAll(() => db.close());

  it('makes a guesser wait, says how long, and lets the owner in from elsewhere', async () => {
    const guesser = from('203.0.113.7', 'he');
    for (let i = 0; i < 5; i++)
      expect((await guesser.signIn('rana', `guess number ${i}`)).status).toBe(401);

    const refused = await guesser.signIn('rana', 'rana passphrase long');
    expect(refused.status).toBe(429);
    const error = await errorOf(refused);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(refused.headers.get('retry-after')).toBe(String(error.retryAfter));
    expect(error.message).toBe(`יותר מדי ניסיונות שנכשלו. נסו שוב בעוד ${error.retryAfter} שניות.`);

    expect((await from('198.51.100.20').signIn('rana', 'rana passphrase long')).status).toBe(200);
  });

  it('makes the wait grow with each further failure', async () => {
    const guesser = from('203.0.113.8');
    for (let i = 0; i < 5; i++) await guesser.signIn('yossi', `guess number ${i}`);
    const first = (await errorOf(await guesser.signIn('yossi', 'another guess'))).retryAfter!;

    await wait(first);
    expect((await guesser.signIn('yossi', 'yet another guess')).status).toBe(401);
    const second = await guesser.signIn('yossi', 'one more guess');
    expect(second.status).toBe(429);
    expect((await errorOf(second)).retryAfter).toBeGreaterThan(first);

    await wait(15 * 60);
    expect((await guesser.signIn('yossi', 'yossi passphrase long')).status).toBe(200);
  });

  it('keeps people who sign in from a shared address in while a guesser there sprays handles', async () => {
    const office = '192.0.2.50';
    expect((await from(office).signIn('noa', 'noa passphrase long')).status).toBe(200);
    const guesser = from(office);
    for (let i = 0; i < 25; i++) await guesser.signIn(`someone-${i}`, 'Summer2026!');

    expect((await guesser.signIn('someone-else', 'Summer2026!')).status).toBe(429);
    expect((await from(office).signIn('noa', 'noa passphrase long')).status).toBe(200);
  });

  it('slows a guesser spread over many addresses without keeping the owner out', async () => {
    for (let i = 0; i < 25; i++)
      await from(`198.18.0.${i}`).signIn('rana', `distributed guess ${i}`);

    expect((await from('198.18.1.1').signIn('rana', 'distributed guess')).status).toBe(429);
    expect((await from('198.51.100.20').signIn('rana', 'rana passphrase long')).status).toBe(200);
  });
});
