import { describe, expect, it } from 'vitest';
import { createApp } from '../server/src/app';
import { migrate } from '../server/src/db/migrate';
import { EventBus } from '../server/src/events';
import { createLogger } from '../server/src/logger';
import { issueSetupToken } from '../server/src/services/setup-link';
import { ADMIN_PASSPHRASE as ADMIN_PASS } from './factories/initiative';
import { Person } from './factories/person';
import { createTestDatabase } from './support/databases';

describe('the one-time setup link', () => {
  it('creates the first admin once, and only with the right token', async () => {
    const db = await createTestDatabase('pglite');
    await migrate(db);
    const app = createApp({
      db,
      logger: createLogger('silent'),
      version: 'test',
      trustProxy: false,
      events: new EventBus(),
    });
    const token = await issueSetupToken(db);
    expect(token).toBeDefined();
    const form = { handle: 'first', displayName: 'First Admin', passphrase: ADMIN_PASS };

    const wrong = await new Person(app).post('/api/setup', { ...form, token: 'guess' });
    expect(wrong.status).toBe(404);
    const tooShort = await new Person(app).post('/api/setup', {
      ...form,
      token,
      passphrase: 'short',
    });
    expect(tooShort.status).toBe(400);

    const first = new Person(app);
    const created = await first.remember(await first.post('/api/setup', { ...form, token }));
    expect(created.status).toBe(201);
    expect((await (await first.get('/api/me')).json()).account.isInstanceAdmin).toBe(true);

    const again = await new Person(app).post('/api/setup', { ...form, handle: 'second', token });
    expect(again.status).toBe(404);
    expect(await issueSetupToken(db)).toBeUndefined();
    await db.close();
  });
});
