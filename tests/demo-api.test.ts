import {
  apiErrorSchema,
  demoSchema,
  type Finding,
  type InitiativeSummary,
  type InsightCard,
  type SessionView,
  type Story,
} from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../server/src/db/migrate';
import { createInstanceAdmin } from '../server/src/services/create-admin';
import { seedDemo } from '../server/src/demo/seed-demo';
import { demoFixture } from '../server/src/demo/fixture';
import { overHttp, Person } from './factories/person';
import { createTestDatabase, testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

/** The demo initiative, loaded by `pnpm mizug seed-demo` and by `pnpm start` on a new folder. */
describe.each(testStorages)('the demo initiative over %s', (kind) => {
  let demoServer: TestServer;
  let plainServer: TestServer;
  let initiativeId: string;

  const continueAs = async (handle: string) => {
    const person = new Person(overHttp(demoServer.url));
    const response = await person.remember(await person.post('/api/demo/session', { handle }));
    return { person, response };
  };

  beforeAll(async () => {
    const db = await createTestDatabase(kind);
    await migrate(db);
    ({ initiativeId } = await seedDemo(db));
    demoServer = await startTestServer(kind, { db, demo: true });
    plainServer = await startTestServer(kind, { demo: false });
  }, 180_000);
  afterAll(async () => {
    await demoServer?.stop();
    await plainServer?.stop();
  });

  it('offers its people to continue as, and signs in as one of them without a passphrase', async () => {
    const demo = demoSchema.parse(await (await fetch(`${demoServer.url}/api/demo`)).json());
    expect(demo.personas.map((persona) => persona.handle)).toEqual(
      demoFixture.people.map((person) => person.handle),
    );
    const { person, response } = await continueAs('demo.noa');
    expect(response.status).toBe(200);
    const initiatives = (await (
      await person.get('/api/initiatives')
    ).json()) as InitiativeSummary[];
    expect(initiatives.map((initiative) => initiative.id)).toEqual([initiativeId]);
  });

  it('continues as no one outside the demo, and outside demo mode the paths do not exist', async () => {
    // A real account on the same instance is never one click away.
    await createInstanceAdmin(demoServer.db, {
      handle: 'dana',
      displayName: 'Dana',
      passphrase: 'correct horse battery staple',
    });
    const stranger = await continueAs('dana');
    expect(stranger.response.status).toBe(404);
    expect(stranger.person.cookie).toBe('');

    expect((await fetch(`${plainServer.url}/api/demo`)).status).toBe(404);
    const plain = new Person(overHttp(plainServer.url));
    const refused = await plain.post('/api/demo/session', { handle: 'demo.noa' });
    expect(refused.status).toBe(404);
    expect((await errorOf(refused)).code).toBe('not_found');
  });

  it('holds findings in every state of the return loop, with the consent its tellers chose', async () => {
    const { person: noa } = await continueAs('demo.noa');
    const findings = (await (
      await noa.get(`/api/initiatives/${initiativeId}/findings`)
    ).json()) as Finding[];
    expect(findings.map((finding) => finding.status).sort()).toEqual([
      'draft',
      'final',
      'returned',
      'returned',
    ]);
    const askedForChanges = findings.find((finding) =>
      finding.decisions.some((decision) => decision.standing === 'changes'),
    );
    expect(askedForChanges?.decisions.find((d) => d.standing === 'changes')?.group.kind).toBe(
      'lived_experience',
    );
    expect(findings.some((finding) => finding.disagreements.length > 0)).toBe(true);

    // Ahmad tells his stories anonymously: his name is in no card anyone else reads.
    const cards: InsightCard[] = findings.flatMap((finding) => finding.cards);
    const body = JSON.stringify(findings);
    expect(cards.length).toBeGreaterThan(8);
    expect(body).not.toContain('أحمد');
    expect(body).not.toContain('demo.ahmad');
    expect(body).toContain('ורד');
  });

  it('tells stories with photos and a recording, hiding the private and the withdrawn ones', async () => {
    const { person: noa } = await continueAs('demo.noa');
    const stories = (await (
      await noa.get(`/api/initiatives/${initiativeId}/stories`)
    ).json()) as Story[];
    const titles = stories.map((story) => story.title);
    const told = (key: string) => demoFixture.stories.find((story) => story.key === key)!;
    expect(titles).toContain(told('evenings').title);
    expect(titles).not.toContain(told('private').title);
    expect(titles).not.toContain(told('withdrawn').title);
    const idOf = (key: string) => stories.find((story) => story.title === told(key).title)!.id;
    const photos = (await (await noa.get(`/api/stories/${idOf('evenings')}/photos`)).json()) as {
      caption: string;
      url: string;
    }[];
    expect(photos.map((photo) => photo.caption)).toEqual([told('evenings').photos![0]!.caption]);
    const picture = await noa.get(photos[0]!.url);
    expect(picture.headers.get('content-type')).toBe('image/jpeg');
    const recordings = (await (
      await noa.get(`/api/stories/${idOf('carer')}/recordings`)
    ).json()) as { transcript: string }[];
    expect(recordings.map((recording) => recording.transcript)).toEqual([
      told('carer').recording!.transcript,
    ]);
  });

  it('stands half way through a Learning from Success session, its answered questions kept', async () => {
    const { person: miriam } = await continueAs('demo.miriam');
    const [session] = (await (
      await miriam.get(`/api/initiatives/${initiativeId}/sessions`)
    ).json()) as { id: string }[];
    const view = (await (await miriam.get(`/api/sessions/${session!.id}`)).json()) as SessionView;
    expect(view.title).toBe(demoFixture.learningFromSuccess.title);
    expect(view.stages.filter((stage) => stage.status !== 'not_started')).toEqual(
      ['LS-1', 'LS-2', 'LS-3', 'LS-4'].map((id) =>
        expect.objectContaining({ id, status: id === 'LS-4' ? 'open' : 'closed' }),
      ),
    );
    expect(view.contributions.map((contribution) => contribution.kind)).toEqual([
      'question',
      'answer',
      'question',
      'answer',
    ]);
  });

  it('refuses to load a second time, and never over people of a real instance', async () => {
    await expect(seedDemo(demoServer.db)).rejects.toThrow(/already loaded/);
    const db = plainServer.db;
    await db.query(
      `INSERT INTO accounts (handle, display_name, passphrase_hash) VALUES ('demo.noa', 'Noa', 'x')`,
    );
    await expect(seedDemo(db)).rejects.toThrow(/demo\.noa/);
    const [{ count }] = (await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM initiatives',
    )) as [{ count: number }];
    expect(count).toBe(0);
  });
});
