import {
  apiErrorSchema,
  collabCloseCodes,
  type CreatedInvitation,
  type SessionParticipation,
  type SessionView,
} from '@mizug/domain';
import type { MethodDefinition } from '@mizug/methods';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { connectDoc, eventually, writeParagraph, type DocClient } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

interface MethodEntry {
  ref: string;
  builtin: boolean;
  definition: MethodDefinition;
}

describe.each(testStorages)('method sessions over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let ids: Record<'facilitator' | 'ebe' | 'ebe2' | 'practitioner', string>;
  let clients: DocClient[] = [];
  const lived = () => seed.spaces.lived_experience;
  const practitioners = () => seed.spaces.practitioners;

  const view = async (who: Person, sessionId: string) => {
    const response = await who.get(`/api/sessions/${sessionId}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SessionView;
  };
  const stage = (sessionId: string, stageId: string) =>
    `/api/sessions/${sessionId}/stages/${stageId}`;
  const open = (sessionId: string, stageId: string) =>
    facilitator.post(`${stage(sessionId, stageId)}/open`, {});
  const close = (sessionId: string, stageId: string, overrideReason?: string) =>
    facilitator.post(`${stage(sessionId, stageId)}/close`, { overrideReason });
  const validate = (
    who: Person,
    sessionId: string,
    stageId: string,
    spaceId: string,
    decision: string,
    comment = '',
  ) => who.post(`${stage(sessionId, stageId)}/validations`, { spaceId, decision, comment });
  const accept = (who: Person, sessionId: string) =>
    who.post(`/api/sessions/${sessionId}/contract/acceptance`, {});

  async function start(body: object): Promise<SessionView> {
    const response = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, body);
    expect(response.status).toBe(201);
    return (await response.json()) as SessionView;
  }
  const startMerging = () =>
    start({
      methodId: 'merging-of-knowledge',
      title: 'מה זו בדידות',
      groups: [
        { spaceId: lived(), facilitatorIds: [ids.facilitator] },
        { spaceId: practitioners(), facilitatorIds: [ids.facilitator] },
      ],
    });

  /** Writes a paragraph in a canvas as `who` and waits until the server has stored it. */
  async function write(who: Person, docName: string, text: string) {
    const client = connectDoc(server.url, docName, who.sessionCookie);
    clients.push(client);
    await client.synced();
    writeParagraph(client, text);
    await eventually(async () => {
      const stored = await loadDocument(server.db, docName);
      expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBeGreaterThan(0);
    });
    return client;
  }
  const canvasOf = (session: SessionView, stageId: string, spaceId: string | null) =>
    session.canvases.find(
      (canvas) =>
        canvas.stageId === stageId && canvas.spaceId === spaceId && canvas.purpose === 'work',
    );

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
    const invitation = await seed.admin.post(`/api/initiatives/${seed.initiativeId}/invitations`, {
      role: 'facilitator',
      sector: 'third_sector',
      spaceId: null,
    });
    facilitator = new Person(overHttp(server.url));
    const { code } = (await invitation.json()) as CreatedInvitation;
    expect((await facilitator.join(code, 'noa', 'נועה')).status).toBe(201);
    ids = {
      facilitator: await facilitator.accountId(),
      ebe: await seed.people.ebe.accountId(),
      ebe2: await seed.people.ebe2.accountId(),
      practitioner: await seed.people.practitioner.accountId(),
    };
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it('lists the methods to facilitators and adapts a copy, leaving the built-in as it was', async () => {
    const methodsPath = `/api/initiatives/${seed.initiativeId}/methods`;
    expect((await seed.people.practitioner.get(methodsPath)).status).toBe(403);
    const listed = (await (await facilitator.get(methodsPath)).json()) as MethodEntry[];
    expect(listed.map((entry) => entry.ref)).toEqual([
      'merging-of-knowledge',
      'learning-from-success',
      'practice-wisdom',
    ]);

    const copied = await facilitator.post(methodsPath, { from: 'learning-from-success' });
    expect(copied.status).toBe(201);
    const copy = (await copied.json()) as MethodEntry;
    expect(copy.definition.derivedFrom).toEqual({ methodId: 'learning-from-success', version: 1 });

    const [first, second, ...rest] = copy.definition.stages;
    const adapted = {
      ...copy.definition,
      title: { ...copy.definition.title, en: 'Learning from our small successes' },
      // Reordered, one dropped, a prompt rewritten.
      stages: [
        second!,
        { ...first!, prompts: [{ he: 'מה הלך טוב?', ar: 'ما الذي نجح؟', en: 'What went well?' }] },
        ...rest.slice(0, -1),
      ],
    };
    const saved = await facilitator.call('PUT', `${methodsPath}/${copy.ref}`, adapted);
    expect(saved.status).toBe(200);
    const savedEntry = (await saved.json()) as MethodEntry;
    expect(savedEntry.definition.version).toBe(2);
    expect(savedEntry.definition.stages.map((s) => s.id).slice(0, 2)).toEqual(['LS-2', 'LS-1']);
    expect(savedEntry.definition.stages).toHaveLength(9);
    expect(savedEntry.definition.derivedFrom?.methodId).toBe('learning-from-success');

    const again = (await (await facilitator.get(methodsPath)).json()) as MethodEntry[];
    const builtin = again.find((entry) => entry.ref === 'learning-from-success')!;
    expect(builtin.definition.stages).toHaveLength(10);
    expect(builtin.definition.stages[0]!.prompts[0]!.en).not.toBe('What went well?');

    // A malformed definition is refused with the exact field, in the caller's language.
    const broken = structuredClone(adapted) as { stages: { prompts: { ar?: string }[] }[] };
    delete broken.stages[1]!.prompts[0]!.ar;
    const refused = await facilitator.call('PUT', `${methodsPath}/${copy.ref}`, broken, {
      'accept-language': 'he',
    });
    expect(refused.status).toBe(400);
    const error = await errorOf(refused);
    expect(error.code).toBe('method_invalid');
    expect(Object.keys(error.fields ?? {})).toEqual(['stages.1.prompts.0.ar']);
    expect(error.message).toMatch(/[\u0590-\u05FF]/);
    const unchanged = (await (await facilitator.get(methodsPath)).json()) as MethodEntry[];
    expect(unchanged.find((entry) => entry.ref === copy.ref)!.definition.version).toBe(2);
  });

  it('keeps the groups apart, opens the merge only after both validate, and labels what crosses', async () => {
    const { ebe, ebe2, practitioner } = seed.people;
    const session = await startMerging();
    const sessionId = session.id;

    // The contract comes before the first contribution.
    expect((await open(sessionId, 'MK-2')).status).toBe(200);
    const early = await ebe.post(`${stage(sessionId, 'MK-2')}/contributions`, {
      body: 'הבדידות מתחילה בערב',
    });
    expect(early.status).toBe(403);
    expect((await errorOf(early)).code).toBe('contract_not_accepted');
    for (const who of [ebe, ebe2, practitioner])
      expect((await accept(who, sessionId)).status).toBe(201);
    expect(
      (await ebe.post(`${stage(sessionId, 'MK-2')}/contributions`, { body: 'הבדידות מתחילה בערב' }))
        .status,
    ).toBe(201);

    // One stage at a time.
    const second = await open(sessionId, 'MK-3');
    expect(second.status).toBe(409);
    expect((await errorOf(second)).code).toBe('another_stage_open');
    expect((await close(sessionId, 'MK-2')).status).toBe(200);
    expect((await open(sessionId, 'MK-3')).status).toBe(200);

    // Each group writes in its own canvas and cannot open the other's.
    const forEbe = await view(ebe, sessionId);
    const forPractitioner = await view(practitioner, sessionId);
    const livedCanvas = canvasOf(forEbe, 'MK-3', lived())!;
    const proCanvas = canvasOf(forPractitioner, 'MK-3', practitioners())!;
    expect(livedCanvas.canWrite).toBe(true);
    expect(canvasOf(forPractitioner, 'MK-3', lived())).toBeUndefined();
    expect(canvasOf(forEbe, 'MK-3', practitioners())).toBeUndefined();
    expect(forPractitioner.contributions).toEqual([]);
    const stillOpen = await write(ebe, livedCanvas.docName, 'אף אחד לא מתקשר');
    await write(ebe, livedCanvas.docName, 'השכנים הם המשפחה');
    await write(practitioner, proCanvas.docName, 'Home visits reduce isolation');
    const paragraphs = (who: Person, canvasId: string) =>
      who.get(`/api/sessions/${sessionId}/canvases/${canvasId}/paragraphs`);
    expect(await (await paragraphs(ebe, livedCanvas.id)).json()).toEqual({
      paragraphs: ['אף אחד לא מתקשר', 'השכנים הם המשפחה'],
    });
    expect((await paragraphs(practitioner, livedCanvas.id)).status).toBe(404);
    const peeking = connectDoc(server.url, livedCanvas.docName, practitioner.sessionCookie);
    clients.push(peeking);
    await eventually(() => expect(peeking.closes[0]).toBe(collabCloseCodes.forbidden));

    // The stage closes only when both groups approve (or with a recorded reason).
    const unmet = await close(sessionId, 'MK-3');
    expect(unmet.status).toBe(409);
    expect((await errorOf(unmet)).code).toBe('stage_exit_unmet');
    const forOthers = await validate(practitioner, sessionId, 'MK-3', lived(), 'approve');
    expect(forOthers.status).toBe(403);
    expect((await errorOf(forOthers)).code).toBe('not_in_group');
    const bare = await validate(practitioner, sessionId, 'MK-3', practitioners(), 'changes');
    expect(bare.status).toBe(400);
    expect(Object.keys((await errorOf(bare)).fields ?? {})).toEqual(['comment']);
    expect(
      (await validate(practitioner, sessionId, 'MK-3', practitioners(), 'changes', 'Add data'))
        .status,
    ).toBe(201);
    expect((await validate(ebe, sessionId, 'MK-3', lived(), 'approve')).status).toBe(201);
    expect((await close(sessionId, 'MK-3')).status).toBe(409);
    expect(
      (await validate(practitioner, sessionId, 'MK-3', practitioners(), 'approve')).status,
    ).toBe(201);
    expect((await close(sessionId, 'MK-3')).status).toBe(200);
    // A closed stage takes no more work, even from a socket that was open while it closed.
    expect(canvasOf(await view(ebe, sessionId), 'MK-3', lived())!.canWrite).toBe(false);
    const dropped = server.collab.stats.droppedReaderUpdates;
    writeParagraph(stillOpen, 'אחרי הסגירה');
    stillOpen.destroy(); // the server counts what it dropped when the socket closes
    await eventually(() =>
      expect(server.collab.stats.droppedReaderUpdates).toBeGreaterThan(dropped),
    );
    expect(await (await paragraphs(ebe, livedCanvas.id)).json()).toEqual({
      paragraphs: ['אף אחד לא מתקשר', 'השכנים הם המשפחה'],
    });

    // The merge stays locked until every peer stage that asks for validation has it.
    const locked = await open(sessionId, 'MK-6');
    expect(locked.status).toBe(409);
    expect((await errorOf(locked)).code).toBe('synthesis_locked');
    const facilitatorView = await view(facilitator, sessionId);
    expect(facilitatorView.stages.find((s) => s.id === 'MK-6')!.blockers).toEqual([
      { code: 'group_not_validated', stageId: 'MK-4', spaceId: lived() },
      { code: 'group_not_validated', stageId: 'MK-4', spaceId: practitioners() },
    ]);
    expect((await open(sessionId, 'MK-4')).status).toBe(200);
    expect((await validate(ebe2, sessionId, 'MK-4', lived(), 'approve')).status).toBe(201);
    expect(
      (await validate(practitioner, sessionId, 'MK-4', practitioners(), 'approve')).status,
    ).toBe(201);
    expect((await close(sessionId, 'MK-4')).status).toBe(200);

    // Each group releases part of its own work, and only its own.
    expect((await open(sessionId, 'MK-5')).status).toBe(200);
    const release = (who: Person, spaceId: string, canvasId: string, paragraphs: number[]) =>
      who.post(`${stage(sessionId, 'MK-5')}/releases`, {
        spaceId,
        items: [{ canvasId, paragraphs }],
      });
    const stolen = await release(practitioner, practitioners(), livedCanvas.id, [0]);
    expect(stolen.status).toBe(403);
    expect((await errorOf(stolen)).code).toBe('not_in_group');
    expect((await release(ebe, lived(), livedCanvas.id, [1])).status).toBe(201);
    expect((await release(practitioner, practitioners(), proCanvas.id, [0])).status).toBe(201);
    expect((await close(sessionId, 'MK-5')).status).toBe(200);

    // In the merge, releases and posts carry their group; only representatives speak for one.
    expect((await open(sessionId, 'MK-6')).status).toBe(200);
    const merged = await view(practitioner, sessionId);
    expect(merged.releases.map((r) => [r.spaceId, r.items.map((i) => i.text)])).toEqual([
      [lived(), ['השכנים הם המשפחה']],
      [practitioners(), ['Home visits reduce isolation']],
    ]);
    const speak = (who: Person, body: string, onBehalfOf = false) =>
      who.post(`${stage(sessionId, 'MK-6')}/contributions`, { body, onBehalfOf });
    const notYet = await speak(practitioner, 'We agree');
    expect((await errorOf(notYet)).code).toBe('not_representative');
    const name = (who: Person, spaceId: string, accountIds: string[]) =>
      who.call('PUT', `/api/sessions/${sessionId}/representatives`, { spaceId, accountIds });
    expect((await name(practitioner, lived(), [ids.practitioner])).status).toBe(403);
    expect((await name(ebe, lived(), [ids.ebe])).status).toBe(200);
    expect((await name(practitioner, practitioners(), [ids.practitioner])).status).toBe(200);
    expect((await speak(ebe2, 'בשם הקבוצה', true)).status).toBe(403);
    expect((await speak(ebe, 'אנחנו רואות את זה אחרת', true)).status).toBe(201);
    expect((await speak(practitioner, 'Say more?')).status).toBe(201);
    const posts = (await view(ebe2, sessionId)).contributions.filter((c) => c.stageId === 'MK-6');
    expect(posts.map((p) => [p.body, p.authorGroupId, p.onBehalfOf])).toEqual([
      ['אנחנו רואות את זה אחרת', lived(), true],
      ['Say more?', practitioners(), false],
    ]);
    // The console counts whose words reached the synthesis and warns below the threshold.
    const participation = async () =>
      (await (
        await facilitator.get(`/api/sessions/${sessionId}/participation`)
      ).json()) as SessionParticipation;
    expect((await participation()).synthesis).toEqual({
      words: [
        { spaceId: lived(), words: 8 },
        { spaceId: practitioners(), words: 6 },
      ],
      livedExperienceShare: 57,
      threshold: 30,
      underRepresented: false,
    });
    const threshold = (percent: number) =>
      facilitator.call('PUT', `/api/sessions/${sessionId}/alert-threshold`, { percent });
    expect((await threshold(60)).status).toBe(200);
    expect((await participation()).synthesis.underRepresented).toBe(true);
    expect((await threshold(101)).status).toBe(400);
    const people = (await participation()).people;
    expect(people.find((p) => p.accountId === ids.ebe)).toMatchObject({
      groupId: lived(),
      contributions: 4,
    });
    expect((await practitioner.get(`/api/sessions/${sessionId}/participation`)).status).toBe(403);
    expect((await close(sessionId, 'MK-6')).status).toBe(200);

    // A validation round records one group's request for changes; dissent stays on record.
    expect((await open(sessionId, 'MK-7')).status).toBe(200);
    expect(
      (await validate(ebe, sessionId, 'MK-7', lived(), 'changes', 'המילה "מטופל" לא שלנו')).status,
    ).toBe(201);
    expect(
      (await validate(practitioner, sessionId, 'MK-7', practitioners(), 'approve')).status,
    ).toBe(201);
    expect((await close(sessionId, 'MK-7')).status).toBe(409);
    expect((await close(sessionId, 'MK-7', 'נמשיך בסבב הבא')).status).toBe(200);
    const record = await (await facilitator.get(`/api/sessions/${sessionId}/record`)).json();
    expect(record.validations).toContainEqual(
      expect.objectContaining({ stageId: 'MK-7', decision: 'changes', round: 1 }),
    );
    expect(record.stageEvents.at(-1)).toMatchObject({
      stageId: 'MK-7',
      action: 'closed',
      overrideReason: 'נמשיך בסבב הבא',
    });
    expect((await practitioner.get(`/api/sessions/${sessionId}/record`)).status).toBe(403);

    // Reopening starts a new round; opening the open stage again changes nothing.
    expect((await open(sessionId, 'MK-7')).status).toBe(200);
    expect((await open(sessionId, 'MK-7')).status).toBe(200);
    const reopened = await view(facilitator, sessionId);
    expect(reopened.stages.find((s) => s.id === 'MK-7')).toMatchObject({
      status: 'open',
      round: 2,
    });
    expect(reopened.stages.find((s) => s.id === 'MK-7')!.blockers).toHaveLength(2);
    expect((await close(sessionId, 'MK-7', 'עוצרים כאן')).status).toBe(200);
  });

  it('warns facilitators of a dependency pair that would share the synthesis', async () => {
    const session = await startMerging();
    const declared = await seed.people.ebe.post(
      `/api/initiatives/${seed.initiativeId}/dependencies`,
      { otherAccountId: ids.practitioner, relation: 'client_caseworker' },
    );
    expect(declared.status).toBe(204);
    const put = (who: Person, spaceId: string, accountId: string) =>
      who.call('PUT', `/api/sessions/${session.id}/representatives`, {
        spaceId,
        accountIds: [accountId],
      });
    expect((await view(facilitator, session.id)).dependencyWarnings).toEqual([]);
    await put(seed.people.ebe, lived(), ids.ebe);
    await put(seed.people.practitioner, practitioners(), ids.practitioner);
    const warnings = (await view(facilitator, session.id)).dependencyWarnings;
    expect(warnings).toEqual([
      {
        declaredBy: { accountId: ids.ebe, displayName: 'מרים' },
        other: { accountId: ids.practitioner, displayName: 'Yossi' },
        relation: 'client_caseworker',
      },
    ]);
    expect((await view(seed.people.practitioner, session.id)).dependencyWarnings).toEqual([]);
  });

  it("runs Learning from Success on one person's success, which only its owner writes and confirms", async () => {
    const { ebe, ebe2 } = seed.people;
    const session = await start({
      methodId: 'learning-from-success',
      title: 'יצאתי מהבית',
      groups: [{ spaceId: lived(), facilitatorIds: [ids.facilitator] }],
      ownerId: ids.ebe,
    });
    for (const who of [ebe, ebe2]) await accept(who, session.id);
    expect((await open(session.id, 'LS-1')).status).toBe(200);
    const owned = canvasOf(await view(ebe, session.id), 'LS-1', lived())!;
    expect(owned.canWrite).toBe(true);
    // The circle and the learning companion read it; neither edits the owner's words.
    expect(canvasOf(await view(ebe2, session.id), 'LS-1', lived())!.canWrite).toBe(false);
    expect(canvasOf(await view(facilitator, session.id), 'LS-1', lived())!.canWrite).toBe(false);
    await write(ebe, owned.docName, 'הלכתי למועדון בפעם הראשונה');

    expect((await close(session.id, 'LS-1')).status).toBe(409);
    const notMine = await ebe2.post(`${stage(session.id, 'LS-1')}/owner-confirmation`, {});
    expect((await errorOf(notMine)).code).toBe('owner_only');
    expect((await ebe.post(`${stage(session.id, 'LS-1')}/owner-confirmation`, {})).status).toBe(
      201,
    );
    expect((await close(session.id, 'LS-1')).status).toBe(200);

    // Clarifying questions come from the circle, answers from the owner: no free-form advice.
    expect((await open(session.id, 'LS-3')).status).toBe(200);
    const questions = `${stage(session.id, 'LS-3')}/contributions`;
    expect((await ebe2.post(questions, { body: 'מי הזמין אותך?' })).status).toBe(201);
    const asked = (await view(ebe, session.id)).contributions.find((c) => c.kind === 'question')!;
    const ownQuestion = await ebe.post(questions, { body: 'Should I?' });
    expect((await errorOf(ownQuestion)).code).toBe('stage_artefact_mismatch');
    expect((await ebe.post(questions, { body: 'השכנה', parentId: asked.id })).status).toBe(201);
    const thread = (await view(ebe2, session.id)).contributions.filter((c) => c.stageId === 'LS-3');
    expect(thread.map((c) => [c.kind, c.body])).toEqual([
      ['question', 'מי הזמין אותך?'],
      ['answer', 'השכנה'],
    ]);
  });

  it("lets a group examine its own shared success: anyone answers, and the group validates in the owner's place", async () => {
    const { ebe, ebe2 } = seed.people;
    const session = await start({
      methodId: 'learning-from-success',
      title: 'המועדון שפתחנו',
      groups: [{ spaceId: lived(), facilitatorIds: [ids.facilitator] }],
    });
    for (const who of [ebe, ebe2]) await accept(who, session.id);
    expect((await open(session.id, 'LS-3')).status).toBe(200);
    const questions = `${stage(session.id, 'LS-3')}/contributions`;
    expect((await ebe.post(questions, { body: 'מי הביא את הכיסאות?' })).status).toBe(201);
    const asked = (await view(ebe2, session.id)).contributions[0]!;
    expect((await ebe2.post(questions, { body: 'השכנים', parentId: asked.id })).status).toBe(201);
    expect((await close(session.id, 'LS-3')).status).toBe(409);
    expect((await validate(ebe2, session.id, 'LS-3', lived(), 'approve')).status).toBe(201);
    expect((await close(session.id, 'LS-3')).status).toBe(200);
  });

  it('lets practitioners tag claims with sources and confidence, and the lived-experience group answer the validated ones', async () => {
    const { ebe, practitioner } = seed.people;
    const session = await start({
      methodId: 'practice-wisdom',
      title: 'מה עובד בביקורי בית',
      groups: [
        { spaceId: practitioners(), facilitatorIds: [ids.facilitator] },
        { spaceId: lived(), facilitatorIds: [ids.facilitator] },
      ],
    });
    for (const who of [ebe, practitioner]) await accept(who, session.id);
    const post = (who: Person, stageId: string, body: object) =>
      who.post(`${stage(session.id, stageId)}/contributions`, body);

    expect((await open(session.id, 'PW-4')).status).toBe(200);
    expect(
      (
        await post(practitioner, 'PW-4', {
          body: 'A first visit at home builds trust',
          sourceTags: ['experience'],
          confidence: 'low',
        })
      ).status,
    ).toBe(201);
    expect((await close(session.id, 'PW-4')).status).toBe(200);

    expect((await open(session.id, 'PW-8')).status).toBe(200);
    const claim = {
      body: 'In a first contact, visiting at home tends to build trust because it shows respect',
      sourceTags: ['experience', 'research'],
      confidence: 'medium',
    };
    expect((await post(practitioner, 'PW-8', claim)).status).toBe(201);
    // Before its group approves, the claim stays in the practitioners' space.
    expect((await view(ebe, session.id)).contributions).toEqual([]);
    expect(
      (await validate(practitioner, session.id, 'PW-8', practitioners(), 'approve')).status,
    ).toBe(201);
    expect((await validate(ebe, session.id, 'PW-8', lived(), 'approve')).status).toBe(201);
    expect((await close(session.id, 'PW-8')).status).toBe(200);

    expect((await open(session.id, 'PW-9')).status).toBe(200);
    const seen = (await view(ebe, session.id)).contributions;
    expect(seen.map((c) => [c.kind, c.body, c.sourceTags, c.confidence])).toEqual([
      ['claim', claim.body, ['experience', 'research'], 'medium'],
    ]);
    const all = (await view(practitioner, session.id)).contributions;
    const early = all.find((c) => c.stageId === 'PW-4')!;
    const respond = (parentId: string, stance?: string) =>
      post(ebe, 'PW-9', { body: 'לא תמיד: לפעמים הבית הוא המקום הכי פחות בטוח', parentId, stance });
    expect((await respond(early.id, 'contest')).status).toBe(400);
    expect((await respond(seen[0]!.id)).status).toBe(400);
    expect((await post(ebe, 'PW-9', { body: 'A claim of our own' })).status).toBe(409);
    expect((await respond(seen[0]!.id, 'contest')).status).toBe(201);
    // The response reaches the practitioners once the lived-experience group releases it.
    const responses = async () =>
      (await view(practitioner, session.id)).contributions.filter((c) => c.kind === 'response');
    expect(await responses()).toEqual([]);
    const released = await ebe.post(`${stage(session.id, 'PW-9')}/releases`, {
      spaceId: lived(),
      items: [],
    });
    expect(released.status).toBe(201);
    const answered = (await view(practitioner, session.id)).contributions.find(
      (c) => c.kind === 'response',
    );
    expect(answered).toMatchObject({
      parentId: seen[0]!.id,
      stance: 'contest',
      authorGroupId: lived(),
    });
  });

  it('hides a session from those outside its groups, and refuses a practitioner who starts one', async () => {
    const session = await start({
      methodId: 'practice-wisdom',
      title: 'What makes home visits work',
      groups: [{ spaceId: practitioners(), facilitatorIds: [ids.facilitator] }],
    });
    expect((await seed.people.ebe.get(`/api/sessions/${session.id}`)).status).toBe(404);
    expect((await seed.people.researcher.get(`/api/sessions/${session.id}`)).status).toBe(404);
    const listed = (await (
      await seed.people.ebe.get(`/api/initiatives/${seed.initiativeId}/sessions`)
    ).json()) as { id: string }[];
    expect(listed.map((s) => s.id)).not.toContain(session.id);
    const refused = await seed.people.practitioner.post(
      `/api/initiatives/${seed.initiativeId}/sessions`,
      { methodId: 'practice-wisdom', title: 'Mine', groups: [{ spaceId: practitioners() }] },
    );
    expect(refused.status).toBe(403);
    const badGroup = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'practice-wisdom',
      title: 'Into the synthesis',
      groups: [{ spaceId: seed.spaces.synthesis }],
    });
    expect(badGroup.status).toBe(400);
    expect(Object.keys((await errorOf(badGroup)).fields ?? {})).toEqual(['groups.0.spaceId']);
  });
});
