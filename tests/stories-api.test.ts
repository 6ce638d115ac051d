import {
  apiErrorSchema,
  collabCloseCodes,
  type AuditEntry,
  type InitiativeHome,
  type Photo,
  type Recording,
  type Story,
  type StoryVersion,
} from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as exifr from 'exifr';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import * as Y from 'yjs';
import { storedText } from '../server/src/collab/stored-text';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp, type Person } from './factories/person';
import { connectDoc, eventually, writeParagraph, type DocClient } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

/** A JPEG from a phone camera: it says where it was taken and with what. */
const photoWithLocation = () =>
  sharp({ create: { width: 120, height: 80, channels: 3, background: '#c2410c' } })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket Camera 9' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '32/1 4/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '34/1 46/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();

/** Sends a file the way the browser's form does: multipart, with the session and CSRF token. */
function upload(
  baseUrl: string,
  who: Person,
  storyId: string,
  file: Blob,
  fields: object,
  kind: 'photos' | 'recordings' = 'photos',
) {
  const form = new FormData();
  form.set('file', file, kind === 'photos' ? 'picture.jpg' : 'voice.webm');
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
  return fetch(`${baseUrl}/api/stories/${storyId}/${kind}`, {
    method: 'POST',
    headers: { cookie: who.sessionCookie, 'x-csrf-token': who.csrfToken },
    body: form,
  });
}

describe.each(testStorages)('stories over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let miriam: Person;
  let clients: DocClient[] = [];
  const open = (story: Story, who: Person) => {
    const client = connectDoc(server.url, story.bodyDoc, who.sessionCookie);
    clients.push(client);
    return client;
  };
  const visibleTitles = async (who: Person) =>
    (
      (await (await who.get(`/api/initiatives/${seed.initiativeId}/stories`)).json()) as Story[]
    ).map((s) => s.title);
  const setConsent = (story: Story, consent: object, by = miriam) =>
    by.call('PUT', `/api/stories/${story.id}/consent`, consent);

  async function tell(title: string, text?: string): Promise<Story> {
    const response = await miriam.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title,
      language: 'he',
      tags: ['בדידות'],
    });
    expect(response.status).toBe(201);
    const story = (await response.json()) as Story;
    if (text) {
      const client = open(story, miriam);
      await client.synced();
      writeParagraph(client, text);
      // The API reads the body from storage: wait until the server has stored it (the client's
      // first update is its empty starting paragraph, so the count of updates is not enough).
      await eventually(async () =>
        expect(await storedText(server.db, story.bodyDoc)).toContain(text),
      );
    }
    return story;
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
    miriam = seed.people.ebe;
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it('keeps a new story to its teller: not listed, not readable, not even openable by others', async () => {
    const story = await tell('הבוקר הראשון לבד');
    expect(story.teller?.consent).toEqual({
      audience: 'only_me',
      credit: 'anonymous',
      quoting: 'no',
    });
    expect(await visibleTitles(miriam)).toContain('הבוקר הראשון לבד');
    for (const other of [seed.people.ebe2, seed.people.practitioner, seed.admin]) {
      expect(await visibleTitles(other)).not.toContain('הבוקר הראשון לבד');
      expect((await other.get(`/api/stories/${story.id}`)).status).toBe(404);
    }
    const practitioner = open(story, seed.people.practitioner);
    await eventually(() => expect(practitioner.closes[0]).toBe(collabCloseCodes.forbidden));
  });

  it('refuses to share a story with no text, and changes nothing', async () => {
    const story = await tell('ריק');
    const refused = await setConsent(story, {
      audience: 'peer_group',
      credit: 'anonymous',
      quoting: 'no',
    });
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).code).toBe('story_empty');
    expect(await visibleTitles(seed.people.ebe2)).not.toContain('ריק');
  });

  it('shares with the peer group under a pseudonym, then the working group, never naming the teller', async () => {
    const story = await tell('מה עזר לי', 'השכנה דפקה בדלת כל בוקר');
    const peer = await setConsent(story, {
      audience: 'peer_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'ask_first',
    });
    expect(peer.status).toBe(200);

    const asPeer = await seed.people.ebe2.get(`/api/stories/${story.id}`);
    const seenByPeer = (await asPeer.json()) as Story;
    expect(seenByPeer.byline).toEqual({ credit: 'pseudonym', name: 'ורד' });
    expect(seenByPeer.teller).toBeNull();
    expect(JSON.stringify(seenByPeer)).not.toMatch(/מרים|miriam/);
    expect((await seed.people.practitioner.get(`/api/stories/${story.id}`)).status).toBe(404);
    expect(await visibleTitles(seed.people.practitioner)).not.toContain('מה עזר לי');
    // Nor by searching for its words: the peer finds it by a word of its text, she does not.
    const search = async (who: Person, q: string) =>
      (
        (await (
          await who.get(`/api/initiatives/${seed.initiativeId}/stories?q=${encodeURIComponent(q)}`)
        ).json()) as Story[]
      ).map((s) => s.title);
    expect(await search(seed.people.ebe2, 'דפקה בדלת')).toEqual(['מה עזר לי']);
    expect(await search(seed.people.practitioner, 'דפקה')).toEqual([]);
    expect(await search(seed.people.practitioner, 'מה עזר')).toEqual([]);

    await setConsent(story, {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'ask_first',
    });
    const asPractitioner = await seed.people.practitioner.get(`/api/stories/${story.id}`);
    expect(asPractitioner.status).toBe(200);
    const seen = (await asPractitioner.json()) as Story;
    expect(seen.byline.name).toBe('ורד');
    expect(seen.canWrite).toBe(false);
    expect(JSON.stringify(seen)).not.toMatch(/מרים|miriam/);
    // Reading the body too, but never writing it.
    const reader = open(story, seed.people.practitioner);
    await reader.synced();
    expect(reader.doc.getXmlFragment('default').toString()).toContain('השכנה דפקה בדלת');
  });

  it('hides a withdrawn story at once, closes open documents and streams, and undoes it', async () => {
    const story = await tell('אחרי הניתוח', 'איש לא שאל איך אני');
    await setConsent(story, { audience: 'working_group', credit: 'anonymous', quoting: 'yes' });
    const reader = open(story, seed.people.practitioner);
    await reader.synced();
    const stream = await fetch(`${server.url}/api/initiatives/${seed.initiativeId}/events`, {
      headers: { cookie: seed.people.practitioner.sessionCookie },
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = stream.body!.getReader();

    const withdrawn = await miriam.call('PUT', `/api/stories/${story.id}/withdrawal`);
    expect(((await withdrawn.json()) as Story).withdrawnAt).not.toBeNull();
    expect(new TextDecoder().decode((await events.read()).value)).toContain('event: changed');
    await events.cancel();
    await eventually(() => expect(reader.closes).toContain(collabCloseCodes.accessRevoked));
    for (const other of [seed.people.practitioner, seed.people.ebe2]) {
      expect((await other.get(`/api/stories/${story.id}`)).status).toBe(404);
      expect(await visibleTitles(other)).not.toContain('אחרי הניתוח');
    }
    expect((await miriam.get(`/api/stories/${story.id}`)).status).toBe(200);

    await miriam.call('DELETE', `/api/stories/${story.id}/withdrawal`);
    expect(await visibleTitles(seed.people.practitioner)).toContain('אחרי הניתוח');
  });

  it('lets only the teller change consent or withdraw', async () => {
    const story = await tell('רק שלי להחליט', 'טקסט');
    await setConsent(story, { audience: 'peer_group', credit: 'name', quoting: 'yes' });
    const consent = { audience: 'working_group', credit: 'name', quoting: 'yes' };
    // A peer who reads it is refused (403); someone who cannot see it learns nothing (404).
    expect((await setConsent(story, consent, seed.people.ebe2)).status).toBe(403);
    expect((await setConsent(story, consent, seed.people.practitioner)).status).toBe(404);
    expect((await seed.people.ebe2.call('PUT', `/api/stories/${story.id}/withdrawal`)).status).toBe(
      403,
    );
    expect(await visibleTitles(seed.people.practitioner)).not.toContain('רק שלי להחליט');
    const named = (await (await seed.people.ebe2.get(`/api/stories/${story.id}`)).json()) as Story;
    expect(named.byline).toEqual({ credit: 'name', name: 'מרים' });
  });

  it('refuses markup in titles, a missing pseudonym and a story outside one’s own space', async () => {
    const base = { spaceId: seed.spaces.lived_experience, language: 'he' };
    const scripted = await miriam.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      ...base,
      title: '<script>alert(1)</script>',
    });
    expect(scripted.status).toBe(400);
    expect((await errorOf(scripted)).fields).toEqual({
      title: 'Plain text only: no tags such as <b> or <script>.',
    });

    const story = await tell('שם בדוי', 'טקסט');
    const noPseudonym = await setConsent(story, {
      audience: 'peer_group',
      credit: 'pseudonym',
      quoting: 'no',
    });
    expect(noPseudonym.status).toBe(400);
    expect(Object.keys((await errorOf(noPseudonym)).fields ?? {})).toContain('pseudonym');
    expect(await visibleTitles(seed.people.ebe2)).not.toContain('שם בדוי');

    const inSynthesis = await miriam.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      ...base,
      spaceId: seed.spaces.synthesis,
      title: 'x',
    });
    expect(inSynthesis.status).toBe(403);
    const inLived = await seed.people.practitioner.post(
      `/api/initiatives/${seed.initiativeId}/stories`,
      { ...base, title: 'x' },
    );
    expect(inLived.status).toBe(404);
  });

  it('lets a peer the teller asked co-write a private story, and records who was asked', async () => {
    const story = await tell('כתבנו יחד', 'התחלה');
    const salmaId = await seed.people.ebe2.accountId();
    const practitionerId = await seed.people.practitioner.accountId();
    expect(
      (await miriam.call('PUT', `/api/stories/${story.id}/supporters/${practitionerId}`)).status,
    ).toBe(404);
    const asked = await miriam.call('PUT', `/api/stories/${story.id}/supporters/${salmaId}`);
    expect(((await asked.json()) as Story).teller?.supporters).toEqual([
      { accountId: salmaId, displayName: 'سلمى' },
    ]);

    const salma = open(story, seed.people.ebe2);
    const teller = open(story, miriam);
    await Promise.all([salma.synced(), teller.synced()]);
    writeParagraph(salma, 'وأنا ساعدت');
    await eventually(() =>
      expect(teller.doc.getXmlFragment('default').toString()).toContain('وأنا ساعدت'),
    );

    const audit = (await (
      await seed.admin.get(`/api/initiatives/${seed.initiativeId}/audit?limit=200`)
    ).json()) as AuditEntry[];
    const actions = audit.map((entry) => entry.action);
    for (const action of [
      'story.consent',
      'story.withdraw',
      'story.restore',
      'story.supporter_add',
    ])
      expect(actions).toContain(action);
    // The pseudonym appears only as the credit of "the teller", never next to her account.
    const credited = audit.filter((entry) => JSON.stringify(entry).includes('ורד'));
    expect(credited.every((entry) => entry.actor === null && entry.teller !== null)).toBe(true);
  });

  it('stores photos without their location, serves them only to readers, refuses disguised files', async () => {
    const story = await tell('החלון שלי', 'מהחלון רואים את הגן');
    const original = await photoWithLocation();
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(32.07, 1);

    const added = await upload(server.url, miriam, story.id, new Blob([original]), {
      alt: 'חלון פתוח אל גן ירוק',
      caption: 'כאן אני שותה קפה',
    });
    expect(added.status).toBe(201);
    const photo = (await added.json()) as Photo;
    const [row] = await server.db.query<{ bytes: Uint8Array }>(
      'SELECT bytes FROM story_photos WHERE id = $1',
      [photo.id],
    );
    const stored = Buffer.from(row!.bytes);
    expect(await exifr.gps(stored)).toBeUndefined();
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes('Pocket Camera 9')).toBe(false);

    const served = await miriam.get(photo.url);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
    for (const other of [seed.people.ebe2, seed.people.practitioner]) {
      expect((await other.get(photo.url)).status).toBe(404);
      expect((await other.get(`/api/stories/${story.id}/photos`)).status).toBe(404);
    }

    const count = async () =>
      ((await (await miriam.get(`/api/stories/${story.id}/photos`)).json()) as Photo[]).length;
    const script = new Blob(['<script>alert(1)</script>'], { type: 'image/jpeg' });
    const disguised = await upload(server.url, miriam, story.id, script, { alt: 'תמונה' });
    expect(disguised.status).toBe(415);
    expect((await errorOf(disguised)).code).toBe('photo_not_an_image');
    const noAlt = await upload(server.url, miriam, story.id, new Blob([original]), {});
    expect(noAlt.status).toBe(400);
    expect(Object.keys((await errorOf(noAlt)).fields ?? {})).toContain('alt');
    const stranger = await upload(
      server.url,
      seed.people.practitioner,
      story.id,
      new Blob([original]),
      {
        alt: 'x',
      },
    );
    expect(stranger.status).toBe(404);
    expect(await count()).toBe(1);
  });

  it('gives each photo its own consent, never reaching further than its story', async () => {
    const story = await tell('שתי תמונות', 'ספרתי על שתיהן');
    await setConsent(story, {
      audience: 'peer_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    });
    const add = async (alt: string) =>
      (await (
        await upload(server.url, miriam, story.id, new Blob([await photoWithLocation()]), { alt })
      ).json()) as Photo;
    const kitchen = await add('המטבח');
    const face = await add('הפנים שלי');
    const photoConsent = (photo: Photo, consent: object | null, by = miriam) =>
      by.call('PUT', `/api/photos/${photo.id}/consent`, { consent });
    const altsSeenBy = async (who: Person) =>
      ((await (await who.get(`/api/stories/${story.id}/photos`)).json()) as Photo[]).map(
        (p) => p.alt,
      );

    // Following the story, both reach the peer group, credited by the pseudonym.
    const seen = (await (
      await seed.people.ebe2.get(`/api/stories/${story.id}/photos`)
    ).json()) as Photo[];
    expect(seen.map((p) => p.byline)).toEqual([
      { credit: 'pseudonym', name: 'ורד' },
      { credit: 'pseudonym', name: 'ורד' },
    ]);
    expect(seen[0]!.teller).toBeNull();

    expect(
      (await photoConsent(face, { audience: 'only_me', credit: 'anonymous', quoting: 'no' }))
        .status,
    ).toBe(200);
    expect(await altsSeenBy(seed.people.ebe2)).toEqual(['המטבח']);
    expect((await seed.people.ebe2.get(face.url)).status).toBe(404);
    expect((await photoConsent(kitchen, null, seed.people.ebe2)).status).toBe(403);

    // A photo shared with the working group stays within the story's peer group.
    await photoConsent(kitchen, { audience: 'working_group', credit: 'name', quoting: 'yes' });
    expect((await seed.people.practitioner.get(kitchen.url)).status).toBe(404);
    await setConsent(story, {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    });
    expect(await altsSeenBy(seed.people.practitioner)).toEqual(['המטבח']);
    const named = (await (
      await seed.people.practitioner.get(`/api/stories/${story.id}/photos`)
    ).json()) as Photo[];
    expect(named[0]!.byline).toEqual({ credit: 'name', name: 'מרים' });

    // Back to following the story: the face is shared like the story again.
    await photoConsent(face, null);
    expect(await altsSeenBy(seed.people.practitioner)).toEqual(['המטבח', 'הפנים שלי']);
  });

  it('keeps versions with who wrote them, and restores one for everyone at once', async () => {
    const story = await tell('גרסאות', 'גרסה ראשונה');
    expect(await server.history.takeScheduled()).toBeGreaterThan(0);
    const salmaId = await seed.people.ebe2.accountId();
    await miriam.call('PUT', `/api/stories/${story.id}/supporters/${salmaId}`);
    const salma = open(story, seed.people.ebe2);
    await salma.synced();
    writeParagraph(salma, 'סלמה הוסיפה');
    await eventually(async () => {
      const taken = await miriam.post(`/api/stories/${story.id}/versions`, undefined);
      expect(taken.status).toBe(201);
      expect(((await taken.json()) as StoryVersion).text).toContain('סלמה הוסיפה');
    });

    const versions = (await (
      await miriam.get(`/api/stories/${story.id}/versions`)
    ).json()) as StoryVersion[];
    const first = versions.find((v) => v.reason === 'scheduled')!;
    // Test clients start from one shared empty paragraph (support/collab-client.ts).
    expect(first.text.trim()).toBe('גרסה ראשונה');
    expect(first.takenBy).toBeNull();
    expect(first.contributors.map((p) => p.displayName)).toEqual(['מרים']);
    expect(versions[0]!.reason).toBe('manual');
    expect(versions[0]!.contributors.map((p) => p.displayName)).toEqual(['سلمى']);

    const restore = (by: Person) =>
      by.post(`/api/stories/${story.id}/versions/${first.id}/restore`, undefined);
    expect((await restore(seed.people.ebe2)).status).toBe(403);
    expect((await seed.people.practitioner.get(`/api/stories/${story.id}/versions`)).status).toBe(
      404,
    );
    expect((await restore(miriam)).status).toBe(204);
    // The open editor follows without reconnecting; the replaced text is kept as a version.
    await eventually(() =>
      expect(salma.doc.getXmlFragment('default').toString()).not.toContain('סלמה הוסיפה'),
    );
    expect(salma.doc.getXmlFragment('default').toString()).toContain('גרסה ראשונה');
    expect(salma.closes).toEqual([]);
    const after = (await (
      await miriam.get(`/api/stories/${story.id}/versions`)
    ).json()) as StoryVersion[];
    expect(after[0]!.reason).toBe('before_restore');
    expect(after[0]!.text).toContain('סלמה הוסיפה');
  });

  it('keeps voice recordings with their transcript for the story’s readers only', async () => {
    const story = await tell('הקלטה', 'הקלטתי את זה');
    // A WebM as MediaRecorder writes it; the server parses the container, not the name.
    const recorded = new Uint8Array(
      await readFile(new URL('../fixtures/recordings/voice.webm', import.meta.url)),
    );
    const size = recorded.byteLength;
    const webm = new Blob([recorded]);
    const added = await upload(
      server.url,
      miriam,
      story.id,
      webm,
      { transcript: 'שלום' },
      'recordings',
    );
    expect(added.status).toBe(201);
    const recording = (await added.json()) as Recording;
    expect(recording).toMatchObject({ mime: 'audio/webm', transcript: 'שלום' });

    expect((await seed.people.practitioner.get(recording.url)).status).toBe(404);
    await setConsent(story, { audience: 'working_group', credit: 'anonymous', quoting: 'no' });
    const heard = await seed.people.practitioner.get(recording.url);
    expect(heard.headers.get('content-type')).toBe('audio/webm');
    expect(new Uint8Array(await heard.arrayBuffer())[0]).toBe(0x1a);
    // Players seek with ranges (Safari plays nothing without them).
    const part = await seed.people.practitioner.call('GET', recording.url, undefined, {
      range: 'bytes=2-4',
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-4/${size}`);
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([...recorded.subarray(2, 5)]);
    const past = await seed.people.practitioner.call('GET', recording.url, undefined, {
      range: `bytes=${size}-`,
      'accept-language': 'ar',
    });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(await errorOf(past)).toEqual({
      code: 'range_not_satisfiable',
      message: 'الجزء المطلوب من هذا الملف غير موجود. أعد تحميل الصفحة وشغّله مرة أخرى.',
    });

    const transcribe = (by: Person, transcript: string) =>
      by.call('PUT', `/api/recordings/${recording.id}/transcript`, { transcript });
    expect((await transcribe(seed.people.practitioner, 'x')).status).toBe(403);
    const scripted = await miriam.call(
      'PUT',
      `/api/recordings/${recording.id}/transcript`,
      { transcript: '<script>alert(1)</script>' },
      { 'accept-language': 'he' },
    );
    expect((await errorOf(scripted)).fields).toEqual({
      transcript: 'טקסט רגיל בלבד: בלי תגיות כמו <b> או <script>.',
    });
    expect(
      ((await (await transcribe(miriam, 'שלום, זו אני')).json()) as Recording).transcript,
    ).toBe('שלום, זו אני');

    // A script, and a web page behind the first bytes of a real WebM: neither is audio.
    const disguised = new Blob([recorded.subarray(0, 40), '<html><script>alert(1)</script>']);
    for (const file of [new Blob(['<script>alert(1)</script>']), disguised]) {
      const refused = await upload(server.url, miriam, story.id, file, {}, 'recordings');
      expect(refused.status).toBe(415);
      expect((await errorOf(refused)).code).toBe('recording_not_audio');
    }
    const listed = (await (
      await miriam.get(`/api/stories/${story.id}/recordings`)
    ).json()) as Recording[];
    expect(listed.map((r) => r.transcript)).toEqual(['שלום, זו אני']);
  });

  it('refuses content the editor schema does not allow, and stores none of it', async () => {
    const story = await tell('סכמה', 'טקסט רגיל');
    const client = open(story, miriam);
    await client.synced();
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert(1)')]);
    client.doc.getXmlFragment('default').insert(0, [script]);
    await eventually(() => expect(client.closes).toEqual([collabCloseCodes.malformed]));

    const stored = await loadDocument(server.db, story.bodyDoc);
    const doc = new Y.Doc();
    for (const part of [stored.snapshot, ...stored.updates.map((u) => u.update)])
      if (part) Y.applyUpdate(doc, part);
    expect(doc.getXmlFragment('default').toString()).toContain('טקסט רגיל');
    expect(doc.getXmlFragment('default').toString()).not.toContain('script');
  });

  it('refuses a collaborative edit with NUL, a direction override or a javascript: link, and stores none of it', async () => {
    const story = await tell('טקסט עוין', 'טקסט רגיל');
    const edits: ((fragment: Y.XmlFragment) => void)[] = [
      (fragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('NUL\u0000')]);
        fragment.insert(0, [paragraph]);
      },
      (fragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('\u202eoverride')]);
        fragment.insert(0, [paragraph]);
      },
      (fragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText('click me');
        paragraph.insert(0, [text]);
        fragment.insert(0, [paragraph]);
        text.format(0, 5, { link: { href: 'javascript:alert(document.cookie)' } });
      },
    ];
    for (const edit of edits) {
      const client = open(story, miriam);
      await client.synced();
      // One change, as the editor makes it: the text never arrives without its link.
      client.doc.transact(() => edit(client.doc.getXmlFragment('default')));
      await eventually(() => expect(client.closes).toEqual([collabCloseCodes.malformed]));
      client.destroy();
    }
    const stored = await loadDocument(server.db, story.bodyDoc);
    const doc = new Y.Doc();
    for (const part of [stored.snapshot, ...stored.updates.map((u) => u.update)])
      if (part) Y.applyUpdate(doc, part);
    const text = doc.getXmlFragment('default').toString();
    expect(text).toContain('טקסט רגיל');
    for (const hostile of ['NUL', 'override', 'javascript', 'click'])
      expect(text).not.toContain(hostile);
  });

  it('tells each member where they may tell a story: their own peer space only', async () => {
    const home = async (who: Person) =>
      (await (await who.get(`/api/initiatives/${seed.initiativeId}`)).json()) as InitiativeHome;
    const tellable = (h: InitiativeHome) => h.spaces.filter((s) => s.canTellStory).map((s) => s.id);
    expect(tellable(await home(miriam))).toEqual([seed.spaces.lived_experience]);
    expect(tellable(await home(seed.people.practitioner))).toEqual([seed.spaces.practitioners]);
    expect(tellable(await home(seed.people.researcher))).toEqual([]);
  });
});
