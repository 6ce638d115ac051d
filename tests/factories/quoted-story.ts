import type { Consent, InsightCard, Story } from '@mizug/domain';
import { expect } from 'vitest';
import { connectDoc, writeParagraph, type DocClient } from '../support/collab-client';
import type { TestServer } from '../support/test-server';
import { storedAtLeast } from './card-world';
import type { Person } from './person';

/**
 * `teller` tells a one-paragraph story in `spaceId` and consents as given; the open editor goes
 * into `clients` for the test to close.
 */
export async function tellStory(
  server: TestServer,
  teller: Person,
  where: { initiativeId: string; spaceId: string },
  text: string,
  consent: Consent,
  clients: DocClient[],
): Promise<Story> {
  const response = await teller.post(`/api/initiatives/${where.initiativeId}/stories`, {
    spaceId: where.spaceId,
    title: text.split(' ').slice(0, 2).join(' '),
    language: 'he',
  });
  expect(response.status).toBe(201);
  const story = (await response.json()) as Story;
  const client = connectDoc(server.url, story.bodyDoc, teller.sessionCookie);
  clients.push(client);
  await client.synced();
  writeParagraph(client, text);
  await storedAtLeast(server, story.bodyDoc, 1);
  const consented = await teller.call('PUT', `/api/stories/${story.id}/consent`, consent);
  expect(consented.status).toBe(200);
  return story;
}

/** The card as `who` reads it now. */
export async function cardAs(who: Person, cardId: string): Promise<InsightCard> {
  const response = await who.get(`/api/cards/${cardId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InsightCard;
}
