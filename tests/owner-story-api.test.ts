import { apiErrorSchema, type AuditEntry, type SessionView, type Story } from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardWorld, makeCard, storedAtLeast } from './factories/card-world';
import type { SeededInitiative } from './factories/initiative';
import type { Person } from './factories/person';
import { connectDoc, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

/** Learning from Success: the owner attaches a story they told instead of retyping it. */
describe.each(testStorages)('PUT /api/sessions/:id/owner-story over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;

  async function tell(teller: Person, text: string, audience: string): Promise<Story> {
    const response = await teller.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title: 'יצאתי מהבית',
      language: 'he',
    });
    const story = (await response.json()) as Story;
    const client = connectDoc(server.url, story.bodyDoc, teller.sessionCookie);
    await client.synced();
    writeParagraph(client, text);
    await storedAtLeast(server, story.bodyDoc, 1);
    client.destroy();
    const consent = { audience, credit: 'pseudonym', pseudonym: 'ורד', quoting: 'yes' };
    expect((await teller.call('PUT', `/api/stories/${story.id}/consent`, consent)).status).toBe(
      200,
    );
    return story;
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    ({ seed, facilitator } = await cardWorld(server));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('attaches the owner’s own story shared with the circle, which the circle reads and quotes', async () => {
    const { ebe: miriam, ebe2: salma } = seed.people;
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'learning-from-success',
      title: 'הפעם הראשונה שיצאתי',
      groups: [
        { spaceId: seed.spaces.lived_experience, facilitatorIds: [await facilitator.accountId()] },
      ],
      ownerId: await miriam.accountId(),
    });
    expect(started.status).toBe(201);
    const session = (await started.json()) as SessionView;
    const path = `/api/sessions/${session.id}/owner-story`;
    const shared = await tell(miriam, 'יצאתי לגינה עם השכנה', 'peer_group');
    const kept = await tell(miriam, 'רק אני יודעת', 'only_me');
    const others = await tell(salma, 'הסיפור של סלמה', 'peer_group');

    // Only the owner attaches; only her own story, and only one her circle may read.
    const notOwner = await salma.call('PUT', path, { storyId: others.id });
    expect((await errorOf(notOwner)).code).toBe('owner_only');
    expect((await miriam.call('PUT', path, { storyId: others.id })).status).toBe(404);
    const unshared = await miriam.call(
      'PUT',
      path,
      { storyId: kept.id },
      { 'accept-language': 'he' },
    );
    expect(unshared.status).toBe(403);
    const error = await errorOf(unshared);
    expect(error.code).toBe('story_not_shared_with_group');
    expect(error.message).toMatch(/[\u0590-\u05FF]/);
    expect(
      ((await (await salma.get(`/api/sessions/${session.id}`)).json()) as SessionView).ownerStory,
    ).toBeNull();

    const attached = await miriam.call('PUT', path, { storyId: shared.id });
    expect(attached.status).toBe(200);
    expect(((await attached.json()) as SessionView).ownerStory).toEqual({
      id: shared.id,
      title: 'יצאתי מהבית',
    });
    const seen = (await (await salma.get(`/api/sessions/${session.id}`)).json()) as SessionView;
    expect(seen.ownerStory?.id).toBe(shared.id);
    // The circle quotes it in a card, in their own space.
    const card = await makeCard(salma, seed.spaces.lived_experience, {
      source: { kind: 'story', id: shared.id },
      quote: 'לגינה עם השכנה',
    });
    expect(card.status).toBe(201);

    // The audit log says "the teller" attached it, never who she is.
    const log = (await (
      await seed.admin.get(`/api/initiatives/${seed.initiativeId}/audit?action=session.owner_story`)
    ).json()) as AuditEntry[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: null, teller: { storyId: shared.id } });
    expect(JSON.stringify(log)).not.toContain(await miriam.accountId());

    // Once she withdraws the story, nobody finds it on the session any more.
    expect((await miriam.call('PUT', `/api/stories/${shared.id}/withdrawal`)).status).toBe(200);
    const after = (await (await salma.get(`/api/sessions/${session.id}`)).json()) as SessionView;
    expect(after.ownerStory).toBeNull();
  });
});
