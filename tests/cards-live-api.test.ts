import type { CreatedInvitation, InitiativeHome, InsightCard, Story } from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardWorld, makeCard, storedAtLeast } from './factories/card-world';
import type { SeededInitiative } from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { connectDoc, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';
import { openEventStream } from './support/event-stream';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Cards live (issue 11): a change to a space's cards reaches the open pages of those who read
 * that space, and nobody else; a named peer space's knowledge is the initiative's to say.
 */
describe.each(testStorages)('live cards and group knowledge over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let streams: Awaited<ReturnType<typeof openEventStream>>[] = [];
  const stream = async (who: Person, initiativeId = seed.initiativeId) => {
    const opened = await openEventStream(server.url, initiativeId, who.sessionCookie);
    streams.push(opened);
    return opened;
  };

  /** A story told by `teller` in `spaceId` with one paragraph, shared as `audience`. */
  async function tell(
    teller: Person,
    initiativeId: string,
    spaceId: string,
    text: string,
    audience = 'working_group',
  ): Promise<Story> {
    const response = await teller.post(`/api/initiatives/${initiativeId}/stories`, {
      spaceId,
      title: 'סיפור',
      language: 'he',
    });
    expect(response.status).toBe(201);
    const story = (await response.json()) as Story;
    const client = connectDoc(server.url, story.bodyDoc, teller.sessionCookie);
    await client.synced();
    writeParagraph(client, text);
    await storedAtLeast(server, story.bodyDoc, 1);
    client.destroy();
    const consent = { audience, credit: 'anonymous', quoting: 'yes' };
    expect((await teller.call('PUT', `/api/stories/${story.id}/consent`, consent)).status).toBe(
      200,
    );
    return story;
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    ({ seed, facilitator } = await cardWorld(server));
  });
  afterEach(async () => {
    for (const opened of streams) await opened.close();
    streams = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it("tells a space's readers that its cards changed, and nobody who cannot read it", async () => {
    const story = await tell(
      seed.people.ebe,
      seed.initiativeId,
      seed.spaces.lived_experience,
      'אני מחכה לטלפון',
    );
    const peer = await stream(seed.people.ebe2);
    const practitioner = await stream(seed.people.practitioner);
    const lived = seed.spaces.lived_experience;
    const made = await makeCard(seed.people.ebe2, lived, {
      source: { kind: 'story', id: story.id },
      quote: 'מחכה לטלפון',
    });
    expect(made.status).toBe(201);
    expect(await peer.until((event) => event.event === 'cards')).toContainEqual({
      event: 'cards',
      data: lived,
    });
    // Then one in the synthesis, which the practitioner reads: the first cards he hears of.
    const synthesis = seed.spaces.synthesis;
    const inSynthesis = await makeCard(seed.people.practitioner, synthesis, {
      source: { kind: 'story', id: story.id },
      quote: 'לטלפון',
    });
    expect(inSynthesis.status).toBe(201);
    const heard = await practitioner.until((event) => event.event === 'cards');
    expect(heard.filter((event) => event.event === 'cards')).toEqual([
      { event: 'cards', data: synthesis },
    ]);
    expect(practitioner.text()).not.toContain(lived);

    // The story withdrawn: both spaces' readers hear their cards changed.
    const researcher = await stream(seed.people.researcher);
    const peerAgain = await stream(seed.people.ebe2);
    expect((await seed.people.ebe.call('PUT', `/api/stories/${story.id}/withdrawal`)).status).toBe(
      200,
    );
    await researcher.until((event) => event.event === 'cards' && event.data === synthesis);
    expect(researcher.text()).not.toContain(lived);
    await peerAgain.until((event) => event.event === 'cards' && event.data === lived);

    // A new code: every reader of the codebook hears of it.
    const code = await facilitator.post(`/api/initiatives/${seed.initiativeId}/codes`, {
      name: { he: 'המתנה' },
      colour: '#225588',
    });
    expect(code.status).toBe(201);
    await researcher.until((event) => event.event === 'codebook');
  });

  it('lets the admin say a named peer space carries academic knowledge, and its cards show it', async () => {
    const created = await seed.admin.post('/api/initiatives', {
      name: 'Research and practice',
      problem: 'Who knows what',
      languages: ['he', 'en'],
      extraPeerSpaces: [{ name: 'חוקרות', knowledge: 'practice' }, 'שכנים'],
    });
    expect(created.status).toBe(201);
    const { id: initiativeId } = (await created.json()) as { id: string };
    const home = (await (
      await seed.admin.get(`/api/initiatives/${initiativeId}`)
    ).json()) as InitiativeHome;
    const researchers = home.spaceDirectory.find((space) => space.name === 'חוקרות')!;
    expect(researchers.knowledge).toBe('practice');
    expect(home.spaceDirectory.find((space) => space.name === 'שכנים')?.knowledge).toBe('group');
    expect(home.spaceDirectory.find((space) => space.kind === 'lived_experience')?.knowledge).toBe(
      'lived_experience',
    );

    const invitation = await seed.admin.post(`/api/initiatives/${initiativeId}/invitations`, {
      role: 'academic',
      sector: 'academia',
      spaceId: researchers.id,
    });
    const { code } = (await invitation.json()) as CreatedInvitation;
    const academic = new Person(overHttp(server.url));
    expect((await academic.join(code, 'lea', 'לאה')).status).toBe(201);

    // Only an admin says which knowledge it carries; a wrong kind is refused.
    const path = `/api/spaces/${researchers.id}`;
    expect((await academic.call('PATCH', path, { knowledge: 'academic' })).status).toBe(403);
    expect((await seed.admin.call('PATCH', path, { knowledge: 'wisdom' })).status).toBe(400);
    // A built-in space carries its kind's knowledge; there is nothing of it to change.
    const lived = home.spaceDirectory.find((space) => space.kind === 'lived_experience')!;
    const builtin = await seed.admin.call('PATCH', `/api/spaces/${lived.id}`, {
      knowledge: 'academic',
    });
    expect(builtin.status).toBe(404);
    const changed = await seed.admin.call('PATCH', path, { knowledge: 'academic' });
    expect(changed.status).toBe(200);

    const story = await tell(
      academic,
      initiativeId,
      researchers.id,
      'המחקר מראה בדידות',
      'peer_group',
    );
    const made = await makeCard(academic, researchers.id, {
      source: { kind: 'story', id: story.id },
      quote: 'המחקר מראה',
    });
    expect(made.status).toBe(201);
    expect(((await made.json()) as InsightCard).knowledgeType).toBe('academic');
  });
});
