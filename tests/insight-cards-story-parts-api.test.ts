import {
  apiErrorSchema,
  type InsightCard,
  type Photo,
  type Recording,
  type Story,
} from '@mizug/domain';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardWorld, makeCard } from './factories/card-world';
import type { SeededInitiative } from './factories/initiative';
import type { Person } from './factories/person';
import { connectDoc, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';
import { storedAtLeast } from './factories/card-world';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

/** Cards quoting a story photo's caption and a recording's transcript (issue 11). */
describe.each(testStorages)('cards from photos and recordings over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let miriam: Person;

  /** A story by Miriam, shared with the working group under a pseudonym. */
  async function tell(): Promise<Story> {
    const response = await miriam.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title: 'הים',
      language: 'he',
    });
    const story = (await response.json()) as Story;
    const client = connectDoc(server.url, story.bodyDoc, miriam.sessionCookie);
    await client.synced();
    writeParagraph(client, 'הלכתי לים לבד');
    await storedAtLeast(server, story.bodyDoc, 1);
    client.destroy();
    const consent = {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    };
    expect((await miriam.call('PUT', `/api/stories/${story.id}/consent`, consent)).status).toBe(
      200,
    );
    return story;
  }

  async function upload(story: Story, form: FormData, kind: 'photos' | 'recordings') {
    const response = await fetch(`${server.url}/api/stories/${story.id}/${kind}`, {
      method: 'POST',
      headers: { cookie: miriam.sessionCookie, 'x-csrf-token': miriam.csrfToken },
      body: form,
    });
    expect(response.status).toBe(201);
    return response.json();
  }

  async function addPhoto(story: Story, caption: string): Promise<Photo> {
    const jpeg = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#1d6b3a' },
    })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.set('file', new Blob([jpeg]), 'sea.jpg');
    form.set('alt', 'ים');
    form.set('caption', caption);
    return (await upload(story, form, 'photos')) as Photo;
  }

  async function addRecording(story: Story, transcript: string): Promise<Recording> {
    const voice = await readFile(new URL('../fixtures/recordings/voice.webm', import.meta.url));
    const form = new FormData();
    form.set('file', new Blob([voice]), 'voice.webm');
    form.set('transcript', transcript);
    return (await upload(story, form, 'recordings')) as Recording;
  }

  const read = async (who: Person, card: InsightCard) =>
    (await (await who.get(`/api/cards/${card.id}`)).json()) as InsightCard;

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    ({ seed } = await cardWorld(server));
    miriam = seed.people.ebe;
  });
  afterAll(async () => {
    await server.stop();
  });

  it("quotes a photo's caption under the photo's own credit, and not once the photo is narrowed", async () => {
    const story = await tell();
    const photo = await addPhoto(story, 'החלון שלי אל הים');
    const source = { kind: 'photo' as const, id: photo.id };
    const notInCaption = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote: 'הלכתי לים',
    });
    expect((await errorOf(notInCaption)).code).toBe('quote_not_in_source');

    const made = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote: 'אל הים',
    });
    expect(made.status).toBe(201);
    const card = (await made.json()) as InsightCard;
    expect(card).toMatchObject({
      quote: 'אל הים',
      source,
      group: { spaceId: seed.spaces.lived_experience },
      knowledgeType: 'lived_experience',
      credit: { credit: 'pseudonym', name: 'ורד' },
      evidence: null,
      withdrawn: false,
    });

    // Miriam keeps this photo to her peer group, credited by name there.
    const own = { audience: 'peer_group', credit: 'name', quoting: 'yes' };
    expect(
      (await miriam.call('PUT', `/api/photos/${photo.id}/consent`, { consent: own })).status,
    ).toBe(200);
    // The practitioner cannot see the photo any more: its caption is as unknown as a missing one.
    const refused = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote: 'אל הים',
    });
    expect(refused.status).toBe(404);
    expect(await read(seed.people.practitioner, card)).toMatchObject({
      withdrawn: true,
      quote: null,
    });
    // Asked where a card of it may be made: nowhere they could tell, for him; her group's own space, for her peer.
    const targets = (who: Person) =>
      who.get(`/api/cards/targets?initiativeId=${seed.initiativeId}&kind=photo&id=${photo.id}`);
    expect((await targets(seed.people.practitioner)).status).toBe(404);
    const allowed = (await (await targets(seed.people.ebe2)).json()) as { id: string }[];
    expect(allowed.map((space) => space.id)).toEqual([seed.spaces.lived_experience]);
    // Her peer group may still quote it, in its own space, under her name.
    const peer = await makeCard(seed.people.ebe2, seed.spaces.lived_experience, {
      source,
      quote: 'החלון שלי',
    });
    expect(peer.status).toBe(201);
    expect(((await peer.json()) as InsightCard).credit).toEqual({ credit: 'name', name: 'מרים' });
  });

  it("quotes a recording's transcript, and shows it withdrawn once the recording is removed", async () => {
    const story = await tell();
    const recording = await addRecording(story, 'הקול שלי רועד כשאני לבד');
    const source = { kind: 'transcript' as const, id: recording.id };
    const made = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote: 'הקול שלי רועד',
    });
    expect(made.status).toBe(201);
    const card = (await made.json()) as InsightCard;
    expect(card).toMatchObject({ source, knowledgeType: 'lived_experience', withdrawn: false });

    expect((await miriam.call('DELETE', `/api/recordings/${recording.id}`)).status).toBe(204);
    const now = await read(seed.people.researcher, card);
    expect(now).toMatchObject({ withdrawn: true, quote: null, source });
    expect(now.credit.name).toBeNull();
    expect(
      (await cardsIn(seed.people.researcher, seed.spaces.synthesis)).find((c) => c.id === card.id)
        ?.withdrawn,
    ).toBe(true);
    // A removed recording cannot be quoted, by the teller neither.
    const again = await makeCard(miriam, seed.spaces.lived_experience, {
      source,
      quote: 'הקול שלי',
    });
    expect(again.status).toBe(404);
  });

  it('withdraws the cards of a photo and a transcript with their story', async () => {
    const story = await tell();
    const photo = await addPhoto(story, 'ספסל בגינה');
    const recording = await addRecording(story, 'אף אחד לא מתקשר');
    const photoCard = (await (
      await makeCard(seed.people.ebe2, seed.spaces.synthesis, {
        source: { kind: 'photo', id: photo.id },
        quote: 'ספסל',
      })
    ).json()) as InsightCard;
    const transcriptCard = (await (
      await makeCard(seed.people.ebe2, seed.spaces.synthesis, {
        source: { kind: 'transcript', id: recording.id },
        quote: 'לא מתקשר',
      })
    ).json()) as InsightCard;
    expect((await miriam.call('PUT', `/api/stories/${story.id}/withdrawal`)).status).toBe(200);
    for (const card of [photoCard, transcriptCard])
      expect(await read(seed.people.ebe2, card)).toMatchObject({ withdrawn: true, quote: null });
    const byTeller = await makeCard(miriam, seed.spaces.lived_experience, {
      source: { kind: 'transcript', id: recording.id },
      quote: 'לא מתקשר',
    });
    expect(byTeller.status).toBe(409);
    expect((await errorOf(byTeller)).code).toBe('source_withdrawn');
  });
});
