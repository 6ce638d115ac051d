import type {
  AuditEntry,
  CreatedInvitation,
  Photo,
  Recording,
  Story,
  StoryVersion,
} from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readFile } from 'node:fs/promises';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { connectDoc, eventually, writeParagraph, type DocClient } from './support/collab-client';
import { testStorages } from './support/databases';
import { openEventStream } from './support/event-stream';
import { startTestServer, type TestServer } from './support/test-server';

/** A teller and everything that would unmask them: their name, handle and account id. */
interface Teller {
  person: Person;
  marks: string[];
  story: Story;
}

/** Issue 9: no response, event or presence state names a pseudonymous or anonymous teller. */
describe.each(testStorages)('a teller stays unnamed over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let anonymous: Teller;
  let pseudonymous: Teller;
  const clients: DocClient[] = [];
  const streams: Awaited<ReturnType<typeof openEventStream>>[] = [];

  const json = async <T>(response: Response | Promise<Response>) =>
    (await (await response).json()) as T;
  const hits = (teller: Teller, text: string) => teller.marks.filter((mark) => text.includes(mark));

  /** Writes a paragraph as `who` and waits until it is stored. */
  async function write(who: Person, story: Story, text: string) {
    const client = connectDoc(server.url, story.bodyDoc, who.sessionCookie);
    clients.push(client);
    await client.synced();
    const before = (await loadDocument(server.db, story.bodyDoc)).updates.length;
    writeParagraph(client, text);
    await eventually(async () =>
      expect((await loadDocument(server.db, story.bodyDoc)).updates.length).toBeGreaterThan(before),
    );
  }

  /** Everything a teller does on their story that is audited, and edits in between. */
  async function actOn(teller: Teller, consent: object) {
    const { person, story } = teller;
    const path = `/api/stories/${story.id}`;
    await write(person, story, 'הבוקר הראשון לבד');
    expect((await person.call('PUT', `${path}/consent`, consent)).status).toBe(200);
    const facilitatorId = await facilitator.accountId();
    expect((await person.call('PUT', `${path}/supporters/${facilitatorId}`)).status).toBe(200);
    expect((await person.call('DELETE', `${path}/supporters/${facilitatorId}`)).status).toBe(200);
    const version = await json<StoryVersion>(person.post(`${path}/versions`, undefined));
    await write(person, story, 'ועוד שורה');
    expect((await person.post(`${path}/versions/${version.id}/restore`, undefined)).status).toBe(
      204,
    );
    expect((await person.call('PUT', `${path}/withdrawal`)).status).toBe(200);
    expect((await person.call('DELETE', `${path}/withdrawal`)).status).toBe(200);
    const form = new FormData();
    const jpeg = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#1d6b3a' },
    })
      .jpeg()
      .toBuffer();
    form.set('file', new Blob([jpeg]), 'picture.jpg');
    form.set('alt', 'חלון');
    const added = await fetch(`${server.url}${path}/photos`, {
      method: 'POST',
      headers: { cookie: person.sessionCookie, 'x-csrf-token': person.csrfToken },
      body: form,
    });
    const photo = (await added.json()) as Photo;
    expect(
      (await person.call('PUT', `/api/photos/${photo.id}/consent`, { consent: null })).status,
    ).toBe(200);
    expect((await person.call('DELETE', `/api/photos/${photo.id}`)).status).toBe(204);
    expect((await person.call('PATCH', path, { tags: ['בוקר'] })).status).toBe(200);
    const voice = new FormData();
    const webm = await readFile(new URL('../fixtures/recordings/voice.webm', import.meta.url));
    voice.set('file', new Blob([webm]), 'voice.webm');
    voice.set('transcript', 'שלום');
    const recorded = await fetch(`${server.url}${path}/recordings`, {
      method: 'POST',
      headers: { cookie: person.sessionCookie, 'x-csrf-token': person.csrfToken },
      body: voice,
    });
    const recording = (await recorded.json()) as Recording;
    const transcript = `/api/recordings/${recording.id}/transcript`;
    expect((await person.call('PUT', transcript, { transcript: 'שלום לכם' })).status).toBe(200);
    expect((await person.call('DELETE', `/api/recordings/${recording.id}`)).status).toBe(204);
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
    const invitation = await json<CreatedInvitation>(
      seed.admin.post(`/api/initiatives/${seed.initiativeId}/invitations`, {
        role: 'facilitator',
        sector: 'third_sector',
        spaceId: null,
      }),
    );
    facilitator = new Person(overHttp(server.url));
    expect((await facilitator.join(invitation.code, 'noa', 'נועה')).status).toBe(201);
    const guarantor = await seed.admin.call(
      'PUT',
      `/api/initiatives/${seed.initiativeId}/spaces/${seed.spaces.lived_experience}/members`,
      { accountId: await facilitator.accountId(), as: 'guarantor' },
    );
    expect(guarantor.status).toBe(204);

    const teller = async (person: Person, handle: string, name: string, title: string) => {
      const story = await json<Story>(
        person.post(`/api/initiatives/${seed.initiativeId}/stories`, {
          spaceId: seed.spaces.lived_experience,
          title,
          language: 'he',
          tags: [],
        }),
      );
      return { person, story, marks: [handle, name, await person.accountId()] };
    };
    anonymous = await teller(seed.people.ebe, 'miriam', 'מרים', 'בלי שם');
    pseudonymous = await teller(seed.people.ebe2, 'salma', 'سلمى', 'בשם בדוי');
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const stream of streams) await stream.close();
    await server.stop();
  });

  it('shows what tellers did to admins, facilitators, researchers and peers, never who they are', async () => {
    const viewers = {
      admin: seed.admin,
      facilitator,
      researcher: seed.people.researcher,
      practitioner: seed.people.practitioner,
      // Each teller is the other's peer.
      peerOfPseudonymous: anonymous.person,
      peerOfAnonymous: pseudonymous.person,
    };
    const opened = await Promise.all(
      Object.values(viewers).map((viewer) =>
        openEventStream(server.url, seed.initiativeId, viewer.sessionCookie),
      ),
    );
    streams.push(...opened);

    await actOn(anonymous, { audience: 'peer_group', credit: 'anonymous', quoting: 'no' });
    await actOn(pseudonymous, {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    });

    const initiative = `/api/initiatives/${seed.initiativeId}`;
    for (const [role, viewer] of Object.entries(viewers)) {
      const paths = [
        initiative,
        `${initiative}/stories`,
        `${initiative}/stories?q=${encodeURIComponent('הבוקר')}`,
        `${initiative}/sessions`,
        ...[anonymous, pseudonymous].flatMap(({ story }) => [
          `/api/stories/${story.id}`,
          `/api/stories/${story.id}/versions`,
          `/api/stories/${story.id}/photos`,
          `/api/stories/${story.id}/recordings`,
        ]),
      ];
      for (const teller of [anonymous, pseudonymous]) {
        if (teller.person === viewer) continue;
        for (const path of paths) {
          const body = await (await viewer.get(path)).text();
          expect({ role, path, hits: hits(teller, body) }).toEqual({ role, path, hits: [] });
        }
      }
    }

    for (const [role, reader] of Object.entries({ admin: seed.admin, facilitator })) {
      const log = await json<AuditEntry[]>(reader.get(`${initiative}/audit?limit=200`));
      for (const teller of [anonymous, pseudonymous]) {
        const about = log.filter((entry) => entry.details.storyId === teller.story.id);
        // Complete: every action is there, made by "the teller".
        expect(new Set(about.map((entry) => entry.action))).toEqual(
          new Set([
            'story.create',
            'story.change',
            'story.take_version',
            'photo.add',
            'photo.remove',
            'recording.add',
            'recording.transcribe',
            'recording.remove',
            'story.consent',
            'story.supporter_add',
            'story.supporter_remove',
            'story.restore_version',
            'story.withdraw',
            'story.restore',
            'photo.consent',
          ]),
        );
        expect(about.every((entry) => entry.actor === null && entry.teller !== null)).toBe(true);
        expect({ role, hits: hits(teller, JSON.stringify(about)) }).toEqual({ role, hits: [] });
        // Nor what they wrote: a title, tag, caption or transcript can unmask as well as a name.
        const written = [teller.story.title, 'בוקר', 'חלון', 'שלום'];
        expect(written.filter((text) => JSON.stringify(about).includes(text))).toEqual([]);

        // Filtering by the teller's account does not tell which stories are theirs.
        const byAccount = await json<AuditEntry[]>(
          reader.get(`${initiative}/audit?limit=200&actorId=${teller.marks[2]}`),
        );
        expect(byAccount.filter((entry) => entry.details.storyId)).toEqual([]);
        // Filtering by "the teller" finds them all.
        const byTeller = await json<AuditEntry[]>(
          reader.get(`${initiative}/audit?limit=200&byTeller=true`),
        );
        expect(byTeller.filter((entry) => entry.details.storyId === teller.story.id)).toHaveLength(
          about.length,
        );
      }
      // Named only as the story credits them, for those who may read it.
      const credited = log.filter((entry) => entry.teller?.storyId === pseudonymous.story.id);
      expect(new Set(credited.map((entry) => entry.teller?.name))).toEqual(new Set(['ורד']));
      const unnamed = log.filter((entry) => entry.teller?.storyId === anonymous.story.id);
      expect(new Set(unnamed.map((entry) => entry.teller?.name))).toEqual(new Set([null]));
    }

    // Members lists name members, never what they told.
    for (const reader of [seed.admin, facilitator]) {
      const members = await (await reader.get(`${initiative}/members`)).text();
      for (const { story } of [anonymous, pseudonymous]) {
        expect(members).not.toContain(story.id);
        expect(members).not.toContain('ורד');
      }
    }

    // The events streams carried every change, and nothing about who made it.
    for (const stream of opened) {
      await stream.until((event) => event.event === 'changed');
      for (const teller of [anonymous, pseudonymous])
        expect(hits(teller, stream.text())).toEqual([]);
    }
  });

  it('shows a teller in their own story only by its credit, whatever their client announces', async () => {
    const { story, person, marks } = anonymous;
    const tellerClient = connectDoc(server.url, story.bodyDoc, person.sessionCookie);
    const peer = connectDoc(server.url, story.bodyDoc, pseudonymous.person.sessionCookie);
    clients.push(tellerClient, peer);
    await Promise.all([tellerClient.synced(), peer.synced()]);
    // What a modified client could announce: its account, handle and a colour derived from them.
    tellerClient.provider.awareness.setLocalState({
      user: { name: marks[0], id: marks[2], handle: marks[0], color: '#0b57d0' },
      announced: true,
    });
    const teller = tellerClient.doc.clientID;
    await eventually(() =>
      expect(peer.provider.awareness.getStates().get(teller)?.announced).toBe(true),
    );
    const seen = JSON.stringify(peer.provider.awareness.getStates().get(teller));
    expect(hits(anonymous, seen)).toEqual([]);
    expect(peer.provider.awareness.getStates().get(teller)?.user).toEqual({
      name: null,
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
  });
});
