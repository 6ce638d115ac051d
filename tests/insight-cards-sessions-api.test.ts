import { apiErrorSchema, type InsightCard, type SessionView } from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardWorld, makeCard, storedAtLeast } from './factories/card-world';
import type { SeededInitiative } from './factories/initiative';
import type { Person } from './factories/person';
import { connectDoc, writeParagraph, type DocClient } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

/** Cards quoting a method session's work: posts, canvases and what a group released. */
describe.each(testStorages)('insight cards from sessions over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let clients: DocClient[] = [];
  const stored = (docName: string, count: number) => storedAtLeast(server, docName, count);

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    ({ seed, facilitator } = await cardWorld(server));
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it("quotes a session's posts where they are kept, and a practitioners' canvas only once released", async () => {
    const { practitioner, ebe, ebe2 } = seed.people;
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'merging-of-knowledge',
      title: 'מה זו בדידות',
      groups: [
        { spaceId: seed.spaces.lived_experience, facilitatorIds: [await facilitator.accountId()] },
        { spaceId: seed.spaces.practitioners, facilitatorIds: [await facilitator.accountId()] },
      ],
    });
    expect(started.status).toBe(201);
    const session = (await started.json()) as SessionView;
    const stage = (id: string) => `/api/sessions/${session.id}/stages/${id}`;
    for (const who of [ebe, ebe2, practitioner])
      expect((await who.post(`/api/sessions/${session.id}/contract/acceptance`, {})).status).toBe(
        201,
      );
    // A post is quoted in the space it is kept in, credited as the session shows its author.
    expect((await facilitator.post(`${stage('MK-2')}/open`, {})).status).toBe(200);
    const posted = await ebe.post(`${stage('MK-2')}/contributions`, {
      body: 'הבדידות מתחילה בערב',
    });
    expect(posted.status).toBe(201);
    const inLived = (await (await ebe2.get(`/api/sessions/${session.id}`)).json()) as SessionView;
    const post = inLived.contributions.find((c) => c.body === 'הבדידות מתחילה בערב')!;
    const fromPost = { source: { kind: 'post' as const, id: post.id }, quote: 'מתחילה בערב' };
    const postCard = await makeCard(ebe2, seed.spaces.lived_experience, fromPost);
    expect(postCard.status).toBe(201);
    expect((await postCard.json()) as InsightCard).toMatchObject({
      group: { spaceId: seed.spaces.lived_experience },
      knowledgeType: 'lived_experience',
      credit: { credit: 'name', name: 'מרים' },
    });
    const postElsewhere = await makeCard(ebe2, seed.spaces.synthesis, fromPost);
    expect((await errorOf(postElsewhere)).code).toBe('source_not_shared_here');
    expect((await makeCard(practitioner, seed.spaces.synthesis, fromPost)).status).toBe(404);
    expect((await facilitator.post(`${stage('MK-2')}/close`, {})).status).toBe(200);

    expect((await facilitator.post(`${stage('MK-3')}/open`, {})).status).toBe(200);
    const view = (await (
      await practitioner.get(`/api/sessions/${session.id}`)
    ).json()) as SessionView;
    const canvas = view.canvases.find(
      (c) => c.stageId === 'MK-3' && c.spaceId === seed.spaces.practitioners,
    )!;
    const writer = connectDoc(server.url, canvas.docName, practitioner.sessionCookie);
    clients.push(writer);
    await writer.synced();
    writeParagraph(writer, 'Home visits reduce isolation');
    await stored(canvas.docName, 1);
    const quote = 'Home visits';
    const fromCanvas = { source: { kind: 'canvas' as const, id: canvas.id }, quote };

    // In its own space the group quotes its own canvas; elsewhere nobody does before a release.
    expect((await makeCard(practitioner, seed.spaces.practitioners, fromCanvas)).status).toBe(201);
    const unreleased = await makeCard(practitioner, seed.spaces.synthesis, fromCanvas);
    expect(unreleased.status).toBe(403);
    expect((await errorOf(unreleased)).code).toBe('source_not_shared_here');
    expect((await makeCard(ebe2, seed.spaces.synthesis, fromCanvas)).status).toBe(404);

    expect(
      (await facilitator.post(`${stage('MK-3')}/close`, { overrideReason: 'Time is up' })).status,
    ).toBe(200);
    expect((await facilitator.post(`${stage('MK-5')}/open`, {})).status).toBe(200);
    expect(
      (
        await practitioner.post(`${stage('MK-5')}/releases`, {
          spaceId: seed.spaces.practitioners,
          items: [{ canvasId: canvas.id, paragraphs: [0] }],
        })
      ).status,
    ).toBe(201);
    const released = (await (await ebe2.get(`/api/sessions/${session.id}`)).json()) as SessionView;
    const release = released.releases.find((r) => r.spaceId === seed.spaces.practitioners)!;
    const fromRelease = { source: { kind: 'release' as const, id: release.id, item: 0 }, quote };
    const made = await makeCard(ebe2, seed.spaces.synthesis, fromRelease);
    expect(made.status).toBe(201);
    expect((await made.json()) as InsightCard).toMatchObject({
      quote,
      group: { spaceId: seed.spaces.practitioners, kind: 'practitioners' },
      knowledgeType: 'practice',
      credit: { credit: 'group', name: null },
      withdrawn: false,
    });
    const missing = await makeCard(ebe2, seed.spaces.synthesis, {
      ...fromRelease,
      source: { ...fromRelease.source, item: 5 },
    });
    expect(missing.status).toBe(404);
  });

  it("keeps a practice claim's source tags and confidence on its card", async () => {
    const { practitioner } = seed.people;
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'practice-wisdom',
      title: 'מה עובד בביקורי בית',
      groups: [
        { spaceId: seed.spaces.practitioners, facilitatorIds: [await facilitator.accountId()] },
      ],
    });
    expect(started.status).toBe(201);
    const session = (await started.json()) as SessionView;
    const stage = `/api/sessions/${session.id}/stages/PW-4`;
    expect(
      (await practitioner.post(`/api/sessions/${session.id}/contract/acceptance`, {})).status,
    ).toBe(201);
    expect((await facilitator.post(`${stage}/open`, { overrideReason: 'Time is up' })).status).toBe(
      200,
    );
    const body = 'In home visits, listening first tends to build trust';
    const posted = await practitioner.post(`${stage}/contributions`, {
      body,
      sourceTags: ['experience', 'research'],
      confidence: 'high',
    });
    expect(posted.status).toBe(201);
    const view = (await (
      await practitioner.get(`/api/sessions/${session.id}`)
    ).json()) as SessionView;
    const claim = view.contributions.find((c) => c.body === body)!;
    const made = await makeCard(practitioner, seed.spaces.practitioners, {
      source: { kind: 'post', id: claim.id },
      quote: 'listening first',
    });
    expect(made.status).toBe(201);
    expect((await made.json()) as InsightCard).toMatchObject({
      knowledgeType: 'practice',
      evidence: { tags: ['experience', 'research'], confidence: 'high' },
    });
  });
});
