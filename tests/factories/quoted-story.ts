import type { Consent, InsightCard, Story } from '@mizug/domain';
import { expect } from 'vitest';
import { storedText } from '../../server/src/collab/stored-text';
import { eventually } from '../support/collab-client';
import type { TestServer } from '../support/test-server';
import { tellStory } from './board-world';
import type { SeededInitiative } from './initiative';
import type { Person } from './person';

/**
 * A story told as `tellStory` tells it, once its text is stored: its first stored update may be
 * the editor's empty first sync, and a quote is checked against the stored text.
 */
export async function toldStory(
  server: TestServer,
  seed: SeededInitiative,
  teller: Person,
  text: string,
  consent: Consent,
): Promise<Story> {
  const story = await tellStory(server, seed, teller, text, consent);
  await eventually(async () => {
    expect(await storedText(server.db, story.bodyDoc)).toContain(text);
  });
  return story;
}

/** The card as `who` reads it now. */
export async function cardAs(who: Person, cardId: string): Promise<InsightCard> {
  const response = await who.get(`/api/cards/${cardId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InsightCard;
}
