import type { StorageKind, Story } from '@mizug/domain';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { storedText } from '../../server/src/collab/stored-text';
import { connectDoc, eventually, writeParagraph, type DocClient } from '../support/collab-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './initiative';
import { overHttp, type Person } from './person';

/**
 * A server with a seeded initiative whose expert by experience Miriam tells stories, set up and
 * torn down around the calling `describe`; what it holds is read once the hooks have run.
 */
export function storyWorld(kind: StorageKind) {
  let clients: DocClient[] = [];
  const world = {} as { server: TestServer; seed: SeededInitiative; miriam: Person };
  const helpers = {
    /** Opens a story's body as `who`; closed after each test. */
    open(story: Story, who: Person): DocClient {
      const client = connectDoc(world.server.url, story.bodyDoc, who.sessionCookie);
      clients.push(client);
      return client;
    },

    async visibleTitles(who: Person) {
      const listed = await who.get(`/api/initiatives/${world.seed.initiativeId}/stories`);
      return ((await listed.json()) as Story[]).map((s) => s.title);
    },

    setConsent: (story: Story, consent: object, by = world.miriam) =>
      by.call('PUT', `/api/stories/${story.id}/consent`, consent),

    /** Miriam tells a story in her peer space, and writes `text` in it once it is stored. */
    async tell(title: string, text?: string): Promise<Story> {
      const response = await world.miriam.post(
        `/api/initiatives/${world.seed.initiativeId}/stories`,
        { spaceId: world.seed.spaces.lived_experience, title, language: 'he', tags: ['בדידות'] },
      );
      expect(response.status).toBe(201);
      const story = (await response.json()) as Story;
      if (text) {
        const client = helpers.open(story, world.miriam);
        await client.synced();
        writeParagraph(client, text);
        // The API reads the body from storage: wait until the server has stored it (the client's
        // first update is its empty starting paragraph, so the count of updates is not enough).
        await eventually(async () =>
          expect(await storedText(world.server.db, story.bodyDoc)).toContain(text),
        );
      }
      return story;
    },
  };

  beforeAll(async () => {
    world.server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    world.seed = await seedInitiative(overHttp(world.server.url), adminInDatabase(world.server.db));
    world.miriam = world.seed.people.ebe;
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(() => world.server.stop());
  return Object.assign(world, helpers);
}
