import type { CreatedInvitation, InsightCard, NewCard } from '@mizug/domain';
import { expect } from 'vitest';
import { loadDocument } from '../../server/src/db/repositories/collab-documents';
import { eventually } from '../support/collab-client';
import type { TestServer } from '../support/test-server';
import { adminInDatabase, seedInitiative } from './initiative';
import { overHttp, Person } from './person';

/**
 * The seeded initiative for card tests: the practitioner and the second expert by experience
 * also work in the synthesis (the working group), and a facilitator runs sessions.
 */
export async function cardWorld(server: TestServer) {
  const seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
  for (const who of [seed.people.practitioner, seed.people.ebe2]) {
    const path = `/api/initiatives/${seed.initiativeId}/members/${await who.accountId()}`;
    expect((await seed.admin.call('PATCH', path, { inWorkingGroup: true })).status).toBe(204);
  }
  const invitation = await seed.admin.post(`/api/initiatives/${seed.initiativeId}/invitations`, {
    role: 'facilitator',
    sector: 'third_sector',
    spaceId: null,
  });
  const facilitator = new Person(overHttp(server.url));
  const { code } = (await invitation.json()) as CreatedInvitation;
  expect((await facilitator.join(code, 'noa', 'נועה')).status).toBe(201);
  return { seed, facilitator };
}

export const makeCard = (who: Person, spaceId: string, card: NewCard) =>
  who.post(`/api/spaces/${spaceId}/cards`, card);

export async function cardsIn(who: Person, spaceId: string) {
  const response = await who.get(`/api/spaces/${spaceId}/cards`);
  expect(response.status).toBe(200);
  return (await response.json()) as InsightCard[];
}

/** Waits until the server has stored at least `count` updates (or a snapshot) of `docName`. */
export const storedAtLeast = (server: TestServer, docName: string, count: number) =>
  eventually(async () => {
    const document = await loadDocument(server.db, docName);
    expect(document.updates.length + (document.snapshot ? 1 : 0)).toBeGreaterThanOrEqual(count);
  });
