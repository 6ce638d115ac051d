import type { Photo, Recording, Story, StoryVersion } from '@mizug/domain';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storedText } from '../server/src/collab/stored-text';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp, type Person } from './factories/person';
import { withFailingAudit } from './support/audit-failure';
import { connectDoc, eventually, writeParagraph, type DocClient } from './support/collab-client';
import { createTestDatabase, testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const shared = { audience: 'peer_group', credit: 'pseudonym', pseudonym: 'ורד', quoting: 'no' };

describe.each(testStorages)('story commands over %s', (kind) => {
  let server: TestServer;
  let audit: ReturnType<typeof withFailingAudit>;
  let seed: SeededInitiative;
  let miriam: Person;
  let salmaId: string;
  let clients: DocClient[] = [];
  /** Every `accessChanged` sent since the test began. */
  let announced: string[] = [];

  /** What the audit log holds about the story, oldest first. */
  const auditedActions = async (story: Story) =>
    (
      await server.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE details->>'storyId' = $1 ORDER BY id`,
        [story.id],
      )
    ).map((row) => row.action);
  const asTeller = async (story: Story) =>
    (await (await miriam.get(`/api/stories/${story.id}`)).json()) as Story;
  const versionsOf = async (story: Story) =>
    (await (await miriam.get(`/api/stories/${story.id}/versions`)).json()) as StoryVersion[];

  async function write(story: Story, text: string) {
    const client = connectDoc(server.url, story.bodyDoc, miriam.sessionCookie);
    clients.push(client);
    await client.synced();
    writeParagraph(client, text);
    // The API reads the body from storage: wait until the server has stored this text.
    await eventually(async () =>
      expect(await storedText(server.db, story.bodyDoc)).toContain(text),
    );
  }

  async function tell(title: string): Promise<Story> {
    const response = await miriam.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title,
      language: 'he',
      tags: [],
    });
    expect(response.status).toBe(201);
    const story = (await response.json()) as Story;
    await write(story, 'הבוקר הראשון לבד');
    return story;
  }

  /** Posts a photo or a recording to the story as Miriam. */
  async function upload(story: Story, kind: 'photos' | 'recordings') {
    const form = new FormData();
    if (kind === 'photos') {
      const jpeg = await sharp({
        create: { width: 40, height: 30, channels: 3, background: '#1d6b3a' },
      })
        .jpeg()
        .toBuffer();
      form.set('file', new Blob([jpeg]), 'picture.jpg');
      form.set('alt', 'חלון');
    } else {
      const voice = await readFile(new URL('../fixtures/recordings/voice.webm', import.meta.url));
      form.set('file', new Blob([voice]), 'voice.webm');
      form.set('transcript', 'שלום');
    }
    return fetch(`${server.url}/api/stories/${story.id}/${kind}`, {
      method: 'POST',
      headers: { cookie: miriam.sessionCookie, 'x-csrf-token': miriam.csrfToken },
      body: form,
    });
  }
  async function addPhoto(story: Story): Promise<Photo> {
    const added = await upload(story, 'photos');
    expect(added.status).toBe(201);
    return (await added.json()) as Photo;
  }
  async function addRecording(story: Story): Promise<Recording> {
    const added = await upload(story, 'recordings');
    expect(added.status).toBe(201);
    return (await added.json()) as Recording;
  }
  const photosOf = async (story: Story) =>
    (await (await miriam.get(`/api/stories/${story.id}/photos`)).json()) as Photo[];
  const recordingsOf = async (story: Story) =>
    (await (await miriam.get(`/api/stories/${story.id}/recordings`)).json()) as Recording[];

  const act = {
    consent: (story: Story) => miriam.call('PUT', `/api/stories/${story.id}/consent`, shared),
    withdraw: (story: Story) => miriam.call('PUT', `/api/stories/${story.id}/withdrawal`),
    restore: (story: Story) => miriam.call('DELETE', `/api/stories/${story.id}/withdrawal`),
    ask: (story: Story) => miriam.call('PUT', `/api/stories/${story.id}/supporters/${salmaId}`),
    unask: (story: Story) =>
      miriam.call('DELETE', `/api/stories/${story.id}/supporters/${salmaId}`),
    takeVersion: (story: Story) => miriam.post(`/api/stories/${story.id}/versions`, undefined),
    restoreVersion: (story: Story, version: StoryVersion) =>
      miriam.post(`/api/stories/${story.id}/versions/${version.id}/restore`, undefined),
    photoConsent: (photo: Photo) =>
      miriam.call('PUT', `/api/photos/${photo.id}/consent`, { consent: shared }),
    change: (story: Story) =>
      miriam.call('PATCH', `/api/stories/${story.id}`, { title: 'כותרת חדשה', tags: ['ערב'] }),
    removePhoto: (photo: Photo) => miriam.call('DELETE', `/api/photos/${photo.id}`),
    transcribe: (recording: Recording) =>
      miriam.call('PUT', `/api/recordings/${recording.id}/transcript`, { transcript: 'שלום לך' }),
    removeRecording: (recording: Recording) =>
      miriam.call('DELETE', `/api/recordings/${recording.id}`),
  };

  /** Runs `change` with every audit insert refused: it must fail and announce nothing. */
  async function withAuditRefused(change: () => Promise<Response>) {
    announced = [];
    audit.failing = true;
    try {
      expect((await change()).status).toBe(500);
    } finally {
      audit.failing = false;
    }
    expect(announced).toEqual([]);
  }

  beforeAll(async () => {
    audit = withFailingAudit(await createTestDatabase(kind));
    server = await startTestServer(kind, { db: audit.db, collab: { idleUnloadMs: 50 } });
    server.events.on('accessChanged', (initiativeId) => announced.push(initiativeId));
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
    miriam = seed.people.ebe;
    salmaId = await seed.people.ebe2.accountId();
  });
  beforeEach(() => {
    announced = [];
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it('audits every change a teller makes with the change, and announces what changes readers', async () => {
    const story = await tell('נרשם');
    const expectAudited = async (response: Response, action: string, announces = true) => {
      expect(response.status).toBeLessThan(300);
      expect((await auditedActions(story)).at(-1)).toBe(action);
      expect(announced).toEqual(announces ? [seed.initiativeId] : []);
      announced = [];
    };
    await expectAudited(await act.consent(story), 'story.consent');
    await expectAudited(await act.withdraw(story), 'story.withdraw');
    await expectAudited(await act.restore(story), 'story.restore');
    await expectAudited(await act.ask(story), 'story.supporter_add');
    await expectAudited(await act.unask(story), 'story.supporter_remove');
    const photo = await addPhoto(story);
    expect((await auditedActions(story)).at(-1)).toBe('photo.add');
    await expectAudited(await act.photoConsent(photo), 'photo.consent');
    await expectAudited(await act.removePhoto(photo), 'photo.remove', false);
    await expectAudited(await act.change(story), 'story.change', false);
    const recording = await addRecording(story);
    expect((await auditedActions(story)).at(-1)).toBe('recording.add');
    await expectAudited(await act.transcribe(recording), 'recording.transcribe', false);
    await expectAudited(await act.removeRecording(recording), 'recording.remove', false);

    // Taking a version changes neither the text nor its readers: audited, not announced.
    const taken = await act.takeVersion(story);
    await expectAudited(taken, 'story.take_version', false);
    const version = (await taken.json()) as StoryVersion;
    await write(story, 'ועוד שורה');
    await expectAudited(await act.restoreVersion(story, version), 'story.restore_version', false);

    // Every entry is the teller's, told as "the teller"; none carries a title, caption or transcript.
    const rows = await server.db.query<{ action: string; teller_of: string; details: string }>(
      `SELECT action, teller_of, details::text AS details FROM audit_log
       WHERE details->>'storyId' = $1 ORDER BY id`,
      [story.id],
    );
    expect(rows[0]!.action).toBe('story.create');
    expect(rows.every((row) => row.teller_of === story.id)).toBe(true);
    for (const text of ['נרשם', 'כותרת חדשה', 'ערב', 'חלון', 'שלום'])
      expect(rows.filter((row) => row.details.includes(text))).toEqual([]);
  });

  it("audits a supporter's change as theirs, not as the teller's", async () => {
    const story = await tell('בעזרת חברה');
    expect((await act.ask(story)).status).toBe(200);
    const salma = seed.people.ebe2;
    expect((await salma.call('PATCH', `/api/stories/${story.id}`, { tags: ['ערב'] })).status).toBe(
      200,
    );
    const [entry] = await server.db.query<{ actor_id: string; teller_of: string | null }>(
      `SELECT actor_id, teller_of FROM audit_log
       WHERE action = 'story.change' AND details->>'storyId' = $1`,
      [story.id],
    );
    expect(entry).toEqual({ actor_id: salmaId, teller_of: null });
  });

  it('tells, changes and keeps nothing when the audit entry cannot be stored', async () => {
    const storiesPath = `/api/initiatives/${seed.initiativeId}/stories`;
    const count = async () => ((await (await miriam.get(storiesPath)).json()) as Story[]).length;
    const told = await count();
    await withAuditRefused(() =>
      miriam.post(storiesPath, {
        spaceId: seed.spaces.lived_experience,
        title: 'לא סופר',
        language: 'he',
        tags: [],
      }),
    );
    expect(await count()).toBe(told);

    const story = await tell('ללא שינוי');
    const photo = await addPhoto(story);
    const recording = await addRecording(story);
    const done = await auditedActions(story);
    await withAuditRefused(() => act.change(story));
    expect((await asTeller(story)).title).toBe('ללא שינוי');
    await withAuditRefused(() => act.takeVersion(story));
    expect(await versionsOf(story)).toEqual([]);
    await withAuditRefused(() => upload(story, 'photos'));
    await withAuditRefused(() => act.removePhoto(photo));
    expect((await photosOf(story)).map((p) => p.id)).toEqual([photo.id]);
    await withAuditRefused(() => upload(story, 'recordings'));
    await withAuditRefused(() => act.transcribe(recording));
    await withAuditRefused(() => act.removeRecording(recording));
    expect(await recordingsOf(story)).toEqual([recording]);
    expect(await auditedActions(story)).toEqual(done);
  });

  it('leaves consent, withdrawal and supporters as they were when the audit entry cannot be stored', async () => {
    const story = await tell('לא נרשם');
    const untouched = await asTeller(story);

    await withAuditRefused(() => act.consent(story));
    expect((await asTeller(story)).teller?.consent).toEqual(untouched.teller?.consent);
    await withAuditRefused(() => act.withdraw(story));
    expect((await asTeller(story)).withdrawnAt).toBeNull();
    await withAuditRefused(() => act.ask(story));
    expect((await asTeller(story)).teller?.supporters).toEqual([]);
    expect(await auditedActions(story)).toEqual(['story.create']);

    // Undoing needs something done first; the undo then fails as cleanly.
    expect((await act.withdraw(story)).status).toBe(200);
    expect((await act.ask(story)).status).toBe(200);
    const done = await auditedActions(story);
    await withAuditRefused(() => act.restore(story));
    expect((await asTeller(story)).withdrawnAt).not.toBeNull();
    await withAuditRefused(() => act.unask(story));
    expect((await asTeller(story)).teller?.supporters.map((s) => s.accountId)).toEqual([salmaId]);
    expect(await auditedActions(story)).toEqual(done);
  });

  it('keeps a photo’s consent when its audit entry cannot be stored', async () => {
    const story = await tell('תמונה');
    const photo = await addPhoto(story);
    await withAuditRefused(() => act.photoConsent(photo));
    const photos = (await (await miriam.get(`/api/stories/${story.id}/photos`)).json()) as Photo[];
    expect(photos.map((p) => p.teller?.consent)).toEqual([null]);
    expect(await auditedActions(story)).toEqual(['story.create', 'photo.add']);
  });

  it('restores nothing and keeps no version when the restore cannot be audited', async () => {
    const story = await tell('גרסה');
    const taken = await act.takeVersion(story);
    expect(taken.status).toBe(201);
    const version = (await taken.json()) as StoryVersion;
    await write(story, 'ועוד שורה');
    const versions = await versionsOf(story);

    await withAuditRefused(() => act.restoreVersion(story, version));
    expect(await storedText(server.db, story.bodyDoc)).toContain('ועוד שורה');
    expect(await versionsOf(story)).toEqual(versions);
    expect(await auditedActions(story)).toEqual(['story.create', 'story.take_version']);
  });
});
