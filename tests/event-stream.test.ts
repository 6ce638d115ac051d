import type { SessionView, Story } from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import {
  adminInDatabase,
  inviteFacilitator,
  seedInitiative,
  type SeededInitiative,
} from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { connectDoc, eventually, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';
import { openEventStream } from './support/event-stream';
import { startTestServer, type TestServer } from './support/test-server';

/** Issue 9: the events stream tells each subscriber only what the policy lets them know. */
describe.each(testStorages)('GET /api/initiatives/:id/events over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let streams: Awaited<ReturnType<typeof openEventStream>>[] = [];
  const stream = async (who: Person) => {
    const opened = await openEventStream(server.url, seed.initiativeId, who.sessionCookie);
    streams.push(opened);
    return opened;
  };

  /** A story by Miriam with some text, shared as `consent`. */
  async function share(title: string, consent: object): Promise<Story> {
    const teller = seed.people.ebe;
    const created = await teller.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title,
      language: 'he',
      tags: [],
    });
    const story = (await created.json()) as Story;
    const writer = connectDoc(server.url, story.bodyDoc, teller.sessionCookie);
    await writer.synced();
    writeParagraph(writer, 'כתבתי את זה בלילה');
    await eventually(async () =>
      expect((await loadDocument(server.db, story.bodyDoc)).updates.length).toBeGreaterThan(0),
    );
    writer.destroy();
    expect((await teller.call('PUT', `/api/stories/${story.id}/consent`, consent)).status).toBe(
      200,
    );
    return story;
  }

  async function startSession(): Promise<SessionView> {
    const facilitatorId = await facilitator.accountId();
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'merging-of-knowledge',
      title: 'מה זו בדידות',
      groups: [
        { spaceId: seed.spaces.lived_experience, facilitatorIds: [facilitatorId] },
        { spaceId: seed.spaces.practitioners, facilitatorIds: [facilitatorId] },
      ],
    });
    expect(started.status).toBe(201);
    return (await started.json()) as SessionView;
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
    facilitator = await inviteFacilitator(overHttp(server.url), seed);
  });
  afterEach(async () => {
    for (const opened of streams) await opened.close();
    streams = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it('tells a researcher nothing about a method session they get 404 for', async () => {
    const researcher = await stream(seed.people.researcher);
    const participant = await stream(seed.people.ebe2);
    const session = await startSession();
    expect((await seed.people.researcher.get(`/api/sessions/${session.id}`)).status).toBe(404);
    // A stage opening changes who may write in the session's canvases, not what she may see.
    const opened = await facilitator.post(`/api/sessions/${session.id}/stages/MK-2/open`, {});
    expect(opened.status).toBe(200);

    // A participant hears of both changes.
    const heard = await participant.until(
      (event) => event.event === 'session' && event.data === session.id,
    );
    expect(heard.filter((event) => event.event === 'session').length).toBeGreaterThan(0);

    // Then a story shared with everyone, which she may read: that is the first thing she hears.
    await share('לכולם', { audience: 'working_group', credit: 'anonymous', quoting: 'no' });
    expect(await researcher.until((event) => event.event === 'changed')).toEqual([
      { event: 'changed', data: '' },
    ]);
    expect(researcher.text()).not.toContain(session.id);
  });

  it('says nothing to others when a story changes only for its peer group', async () => {
    const researcher = await stream(seed.people.researcher);
    const practitioner = await stream(seed.people.practitioner);
    const peer = await stream(seed.people.ebe2);
    await share('רק לקבוצה', { audience: 'peer_group', credit: 'anonymous', quoting: 'no' });
    expect(await peer.until((event) => event.event === 'changed')).toEqual([
      { event: 'changed', data: '' },
    ]);
    // Then a session the practitioner takes part in starts: the first thing he hears of.
    const started = await startSession();
    expect(
      await practitioner.until((event) => event.event === 'session' && event.data === started.id),
    ).toEqual([{ event: 'session', data: started.id }]);
    // And a story shared with everyone: the first thing the researcher hears of.
    await share('לכולם שוב', { audience: 'working_group', credit: 'anonymous', quoting: 'no' });
    expect(await researcher.until((event) => event.event === 'changed')).toEqual([
      { event: 'changed', data: '' },
    ]);
  });

  it('ends the stream of a sign-in that signs out, and only that one', async () => {
    const other = new Person(overHttp(server.url));
    expect((await other.signIn('rana', 'rana passphrase long')).status).toBe(200);
    const leaving = await openEventStream(server.url, seed.initiativeId, other.sessionCookie);
    const staying = await stream(seed.people.researcher);
    expect((await other.call('DELETE', '/api/session')).status).toBe(204);
    await expect(leaving.until(() => false)).rejects.toThrow('events stream ended');
    // Her other sign-in still hears what changes for her.
    await share('לכולם', { audience: 'working_group', credit: 'anonymous', quoting: 'no' });
    await staying.until((event) => event.event === 'changed');
  });
});
