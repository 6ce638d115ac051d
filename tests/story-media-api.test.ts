import { apiErrorSchema, type Photo, type Recording, type StoryVersion } from '@mizug/domain';
import { describe, expect, it } from 'vitest';
import * as exifr from 'exifr';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { type Person } from './factories/person';
import { eventually, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';
import { storyWorld } from './factories/story-world';

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

describe.each(testStorages)('story photos, versions and recordings over %s', (kind) => {
  const world = storyWorld(kind);

  it('stores photos without their location, serves them only to readers, refuses disguised files', async () => {
    const story = await world.tell('החלון שלי', 'מהחלון רואים את הגן');
    const original = await photoWithLocation();
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(32.07, 1);

    const added = await upload(world.server.url, world.miriam, story.id, new Blob([original]), {
      alt: 'חלון פתוח אל גן ירוק',
      caption: 'כאן אני שותה קפה',
    });
    expect(added.status).toBe(201);
    const photo = (await added.json()) as Photo;
    const [row] = await world.server.db.query<{ bytes: Uint8Array }>(
      'SELECT bytes FROM story_photos WHERE id = $1',
      [photo.id],
    );
    const stored = Buffer.from(row!.bytes);
    expect(await exifr.gps(stored)).toBeUndefined();
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes('Pocket Camera 9')).toBe(false);

    const served = await world.miriam.get(photo.url);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
    for (const other of [world.seed.people.ebe2, world.seed.people.practitioner]) {
      expect((await other.get(photo.url)).status).toBe(404);
      expect((await other.get(`/api/stories/${story.id}/photos`)).status).toBe(404);
    }

    const count = async () =>
      ((await (await world.miriam.get(`/api/stories/${story.id}/photos`)).json()) as Photo[])
        .length;
    const script = new Blob(['<script>alert(1)</script>'], { type: 'image/jpeg' });
    const disguised = await upload(world.server.url, world.miriam, story.id, script, {
      alt: 'תמונה',
    });
    expect(disguised.status).toBe(415);
    expect((await errorOf(disguised)).code).toBe('photo_not_an_image');
    const noAlt = await upload(world.server.url, world.miriam, story.id, new Blob([original]), {});
    expect(noAlt.status).toBe(400);
    expect(Object.keys((await errorOf(noAlt)).fields ?? {})).toContain('alt');
    const stranger = await upload(
      world.server.url,
      world.seed.people.practitioner,
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
    const story = await world.tell('שתי תמונות', 'ספרתי על שתיהן');
    await world.setConsent(story, {
      audience: 'peer_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    });
    const add = async (alt: string) =>
      (await (
        await upload(
          world.server.url,
          world.miriam,
          story.id,
          new Blob([await photoWithLocation()]),
          { alt },
        )
      ).json()) as Photo;
    const kitchen = await add('המטבח');
    const face = await add('הפנים שלי');
    const photoConsent = (photo: Photo, consent: object | null, by = world.miriam) =>
      by.call('PUT', `/api/photos/${photo.id}/consent`, { consent });
    const altsSeenBy = async (who: Person) =>
      ((await (await who.get(`/api/stories/${story.id}/photos`)).json()) as Photo[]).map(
        (p) => p.alt,
      );

    // Following the story, both reach the peer group, credited by the pseudonym.
    const seen = (await (
      await world.seed.people.ebe2.get(`/api/stories/${story.id}/photos`)
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
    expect(await altsSeenBy(world.seed.people.ebe2)).toEqual(['המטבח']);
    expect((await world.seed.people.ebe2.get(face.url)).status).toBe(404);
    expect((await photoConsent(kitchen, null, world.seed.people.ebe2)).status).toBe(403);

    // A photo shared with the working group stays within the story's peer group.
    await photoConsent(kitchen, { audience: 'working_group', credit: 'name', quoting: 'yes' });
    expect((await world.seed.people.practitioner.get(kitchen.url)).status).toBe(404);
    await world.setConsent(story, {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    });
    expect(await altsSeenBy(world.seed.people.practitioner)).toEqual(['המטבח']);
    const named = (await (
      await world.seed.people.practitioner.get(`/api/stories/${story.id}/photos`)
    ).json()) as Photo[];
    expect(named[0]!.byline).toEqual({ credit: 'name', name: 'מרים' });

    // Back to following the story: the face is shared like the story again.
    await photoConsent(face, null);
    expect(await altsSeenBy(world.seed.people.practitioner)).toEqual(['המטבח', 'הפנים שלי']);
  });

  it('keeps versions with who wrote them, and restores one for everyone at once', async () => {
    const story = await world.tell('גרסאות', 'גרסה ראשונה');
    expect(await world.server.history.takeScheduled()).toBeGreaterThan(0);
    const salmaId = await world.seed.people.ebe2.accountId();
    await world.miriam.call('PUT', `/api/stories/${story.id}/supporters/${salmaId}`);
    const salma = world.open(story, world.seed.people.ebe2);
    await salma.synced();
    writeParagraph(salma, 'סלמה הוסיפה');
    await eventually(async () => {
      const taken = await world.miriam.post(`/api/stories/${story.id}/versions`, undefined);
      expect(taken.status).toBe(201);
      expect(((await taken.json()) as StoryVersion).text).toContain('סלמה הוסיפה');
    });

    const versions = (await (
      await world.miriam.get(`/api/stories/${story.id}/versions`)
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
    expect((await restore(world.seed.people.ebe2)).status).toBe(403);
    expect(
      (await world.seed.people.practitioner.get(`/api/stories/${story.id}/versions`)).status,
    ).toBe(404);
    expect((await restore(world.miriam)).status).toBe(204);
    // The open editor follows without reconnecting; the replaced text is kept as a version.
    await eventually(() =>
      expect(salma.doc.getXmlFragment('default').toString()).not.toContain('סלמה הוסיפה'),
    );
    expect(salma.doc.getXmlFragment('default').toString()).toContain('גרסה ראשונה');
    expect(salma.closes).toEqual([]);
    const after = (await (
      await world.miriam.get(`/api/stories/${story.id}/versions`)
    ).json()) as StoryVersion[];
    expect(after[0]!.reason).toBe('before_restore');
    expect(after[0]!.text).toContain('סלמה הוסיפה');
  });

  it('keeps voice recordings with their transcript for the story’s readers only', async () => {
    const story = await world.tell('הקלטה', 'הקלטתי את זה');
    // A WebM as MediaRecorder writes it; the world.server parses the container, not the name.
    const recorded = new Uint8Array(
      await readFile(new URL('../fixtures/recordings/voice.webm', import.meta.url)),
    );
    const size = recorded.byteLength;
    const webm = new Blob([recorded]);
    const added = await upload(
      world.server.url,
      world.miriam,
      story.id,
      webm,
      { transcript: 'שלום' },
      'recordings',
    );
    expect(added.status).toBe(201);
    const recording = (await added.json()) as Recording;
    expect(recording).toMatchObject({ mime: 'audio/webm', transcript: 'שלום' });

    expect((await world.seed.people.practitioner.get(recording.url)).status).toBe(404);
    await world.setConsent(story, {
      audience: 'working_group',
      credit: 'anonymous',
      quoting: 'no',
    });
    const heard = await world.seed.people.practitioner.get(recording.url);
    expect(heard.headers.get('content-type')).toBe('audio/webm');
    expect(new Uint8Array(await heard.arrayBuffer())[0]).toBe(0x1a);
    // Players seek with ranges (Safari plays nothing without them).
    const part = await world.seed.people.practitioner.call('GET', recording.url, undefined, {
      range: 'bytes=2-4',
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-4/${size}`);
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([...recorded.subarray(2, 5)]);
    const past = await world.seed.people.practitioner.call('GET', recording.url, undefined, {
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
    expect((await transcribe(world.seed.people.practitioner, 'x')).status).toBe(403);
    const scripted = await world.miriam.call(
      'PUT',
      `/api/recordings/${recording.id}/transcript`,
      { transcript: '<script>alert(1)</script>' },
      { 'accept-language': 'he' },
    );
    expect((await errorOf(scripted)).fields).toEqual({
      transcript: 'טקסט רגיל בלבד: בלי תגיות כמו <b> או <script>.',
    });
    expect(
      ((await (await transcribe(world.miriam, 'שלום, זו אני')).json()) as Recording).transcript,
    ).toBe('שלום, זו אני');

    // A script, and a web page behind the first bytes of a real WebM: neither is audio.
    const disguised = new Blob([recorded.subarray(0, 40), '<html><script>alert(1)</script>']);
    for (const file of [new Blob(['<script>alert(1)</script>']), disguised]) {
      const refused = await upload(
        world.server.url,
        world.miriam,
        story.id,
        file,
        {},
        'recordings',
      );
      expect(refused.status).toBe(415);
      expect((await errorOf(refused)).code).toBe('recording_not_audio');
    }
    const listed = (await (
      await world.miriam.get(`/api/stories/${story.id}/recordings`)
    ).json()) as Recording[];
    expect(listed.map((r) => r.transcript)).toEqual(['שלום, זו אני']);
  });
});
