import type { SpaceStanding } from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/src/app';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { EventBus } from '../server/src/events';
import { createLogger } from '../server/src/logger';
import {
  adminInDatabase,
  inviteFacilitator,
  seedInitiative,
  type SeededInitiative,
} from './factories/initiative';
import { Person } from './factories/person';
import { createTestDatabase, testStorages } from './support/databases';

interface SpacePage {
  people: { displayName: string; standing: SpaceStanding }[];
}

/**
 * A space page lists who works there as the policy says (`can(member, 'work', space)`): rows
 * left from an earlier role give no place on it, as they give no access.
 */
describe.each(testStorages)('who a space page lists, on %s', (kind) => {
  let db: Database;
  let seed: SeededInitiative;
  let noa: Person;

  const people = async (who: Person, spaceId: string) =>
    ((await (await who.get(`/api/spaces/${spaceId}`)).json()) as SpacePage).people.map(
      (p) => [p.displayName, p.standing] as const,
    );
  const change = async (who: Person, body: Record<string, unknown>) => {
    const accountId = await who.accountId();
    const response = await seed.admin.call(
      'PATCH',
      `/api/initiatives/${seed.initiativeId}/members/${accountId}`,
      body,
    );
    expect(response.status).toBe(204);
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await migrate(db);
    const app = createApp({
      db,
      logger: createLogger('silent'),
      version: 'test',
      trustProxy: false,
      events: new EventBus(),
    });
    seed = await seedInitiative(app, adminInDatabase(db));
    noa = await inviteFacilitator(app, seed, 'noa', 'Noa');
    const assigned = await seed.admin.call(
      'PUT',
      `/api/initiatives/${seed.initiativeId}/spaces/${seed.spaces.lived_experience}/members`,
      { accountId: await noa.accountId(), as: 'guarantor' },
    );
    expect(assigned.status).toBe(204);
  });
  afterAll(async () => {
    await db.close();
  });

  it('lists the synthesis working group and facilitators, but never a researcher', async () => {
    await change(seed.people.practitioner, { inWorkingGroup: true });
    await change(seed.people.researcher, { inWorkingGroup: true });
    const listed = await people(seed.people.ebe, seed.spaces.synthesis);
    expect(listed).toEqual(
      expect.arrayContaining([
        ['Yossi', 'member'],
        ['Noa', 'member'],
      ]),
    );
    expect(listed.map(([name]) => name)).not.toContain('Rana');
  });

  it('lists a guarantor only while they are a facilitator', async () => {
    expect(await people(seed.people.ebe, seed.spaces.lived_experience)).toContainEqual([
      'Noa',
      'guarantor',
    ]);
    await change(noa, { role: 'practitioner' });
    const listed = await people(seed.people.ebe, seed.spaces.lived_experience);
    expect(listed.map(([name]) => name)).not.toContain('Noa');
    // The row is still stored: a facilitator again is a guarantor again.
    await change(noa, { role: 'facilitator' });
    expect(await people(seed.people.ebe, seed.spaces.lived_experience)).toContainEqual([
      'Noa',
      'guarantor',
    ]);
  });
});
