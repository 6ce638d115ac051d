import { apiErrorSchema, collabCloseCodes, type SessionParticipation } from '@mizug/domain';
import type { MethodDefinition } from '@mizug/methods';
import { describe, expect, it } from 'vitest';
import { useSessionWorld } from './factories/method-session';
import type { Person } from './factories/person';
import { eventually, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

interface MethodEntry {
  ref: string;
  builtin: boolean;
  definition: MethodDefinition;
}

describe.each(testStorages)('method sessions over %s', (kind) => {
  const world = useSessionWorld(kind);
  const { lived, practitioners, view, stage, open, close, validate, accept, start } = world;
  const { startMerging, write, canvasOf, approveBoth, acceptAll } = world;
  const paragraphs = (who: Person, sessionId: string, canvasId: string) =>
    who.get(`/api/sessions/${sessionId}/canvases/${canvasId}/paragraphs`);

  /**
   * Merging of Knowledge up to its merge: a post in MK-2, each group's canvas written, validated
   * and its chosen paragraph released, MK-6 open.
   */
  async function throughTheReleases() {
    const { ebe, ebe2, practitioner } = world.seed.people;
    const session = await startMerging();
    const sessionId = session.id;
    await acceptAll(sessionId);
    expect((await open(sessionId, 'MK-2')).status).toBe(200);
    const posted = await ebe.post(`${stage(sessionId, 'MK-2')}/contributions`, {
      body: 'הבדידות מתחילה בערב',
    });
    expect(posted.status).toBe(201);
    expect((await close(sessionId, 'MK-2')).status).toBe(200);
    expect((await open(sessionId, 'MK-3')).status).toBe(200);
    const livedCanvas = canvasOf(await view(ebe, sessionId), 'MK-3', lived())!;
    const proCanvas = canvasOf(await view(practitioner, sessionId), 'MK-3', practitioners())!;
    await write(ebe, livedCanvas.docName, 'אף אחד לא מתקשר');
    await write(ebe, livedCanvas.docName, 'השכנים הם המשפחה');
    await write(practitioner, proCanvas.docName, 'Home visits reduce isolation');
    await approveBoth(sessionId, 'MK-3');
    expect((await close(sessionId, 'MK-3')).status).toBe(200);
    expect((await open(sessionId, 'MK-4')).status).toBe(200);
    expect((await validate(ebe2, sessionId, 'MK-4', lived(), 'approve')).status).toBe(201);
    expect(
      (await validate(practitioner, sessionId, 'MK-4', practitioners(), 'approve')).status,
    ).toBe(201);
    expect((await close(sessionId, 'MK-4')).status).toBe(200);
    expect((await open(sessionId, 'MK-5')).status).toBe(200);
    const release = (who: Person, spaceId: string, canvasId: string, at: number[]) =>
      who.post(`${stage(sessionId, 'MK-5')}/releases`, {
        spaceId,
        items: [{ canvasId, paragraphs: at }],
      });
    return { sessionId, livedCanvas, proCanvas, release };
  }

  /** The merge open, each group having released one paragraph. */
  async function inTheMerge() {
    const { ebe, practitioner } = world.seed.people;
    const flow = await throughTheReleases();
    const { sessionId, release } = flow;
    expect((await release(ebe, lived(), flow.livedCanvas.id, [1])).status).toBe(201);
    expect((await release(practitioner, practitioners(), flow.proCanvas.id, [0])).status).toBe(201);
    expect((await close(sessionId, 'MK-5')).status).toBe(200);
    expect((await open(sessionId, 'MK-6')).status).toBe(200);
    const speak = (who: Person, body: string, onBehalfOf = false) =>
      who.post(`${stage(sessionId, 'MK-6')}/contributions`, { body, onBehalfOf });
    const name = (who: Person, spaceId: string, accountIds: string[]) =>
      who.call('PUT', `/api/sessions/${sessionId}/representatives`, { spaceId, accountIds });
    return { sessionId, speak, name };
  }

  it('lists the methods to facilitators and adapts a copy, leaving the built-in as it was', async () => {
    const methodsPath = `/api/initiatives/${world.seed.initiativeId}/methods`;
    expect((await world.seed.people.practitioner.get(methodsPath)).status).toBe(403);
    const listed = (await (await world.facilitator.get(methodsPath)).json()) as MethodEntry[];
    expect(listed.map((entry) => entry.ref)).toEqual([
      'merging-of-knowledge',
      'learning-from-success',
      'practice-wisdom',
    ]);

    const copied = await world.facilitator.post(methodsPath, { from: 'learning-from-success' });
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
    const saved = await world.facilitator.call('PUT', `${methodsPath}/${copy.ref}`, adapted);
    expect(saved.status).toBe(200);
    const savedEntry = (await saved.json()) as MethodEntry;
    expect(savedEntry.definition.version).toBe(2);
    expect(savedEntry.definition.stages.map((s) => s.id).slice(0, 2)).toEqual(['LS-2', 'LS-1']);
    expect(savedEntry.definition.stages).toHaveLength(9);
    expect(savedEntry.definition.derivedFrom?.methodId).toBe('learning-from-success');

    const again = (await (await world.facilitator.get(methodsPath)).json()) as MethodEntry[];
    const builtin = again.find((entry) => entry.ref === 'learning-from-success')!;
    expect(builtin.definition.stages).toHaveLength(10);
    expect(builtin.definition.stages[0]!.prompts[0]!.en).not.toBe('What went well?');

    // A malformed definition is refused with the exact field, in the caller's language.
    const broken = structuredClone(adapted) as { stages: { prompts: { ar?: string }[] }[] };
    delete broken.stages[1]!.prompts[0]!.ar;
    const refused = await world.facilitator.call('PUT', `${methodsPath}/${copy.ref}`, broken, {
      'accept-language': 'he',
    });
    expect(refused.status).toBe(400);
    const error = await errorOf(refused);
    expect(error.code).toBe('method_invalid');
    expect(Object.keys(error.fields ?? {})).toEqual(['stages.1.prompts.0.ar']);
    expect(error.message).toMatch(/[\u0590-\u05FF]/);
    const unchanged = (await (await world.facilitator.get(methodsPath)).json()) as MethodEntry[];
    expect(unchanged.find((entry) => entry.ref === copy.ref)!.definition.version).toBe(2);
  });

  describe('Merging of Knowledge', () => {
    it('refuses a contribution until the contract is accepted', async () => {
      const { ebe } = world.seed.people;
      const { id } = await startMerging();
      expect((await open(id, 'MK-2')).status).toBe(200);
      const post = () =>
        ebe.post(`${stage(id, 'MK-2')}/contributions`, { body: 'הבדידות מתחילה בערב' });
      const early = await post();
      expect(early.status).toBe(403);
      expect((await errorOf(early)).code).toBe('contract_not_accepted');
      expect((await accept(ebe, id)).status).toBe(201);
      expect((await post()).status).toBe(201);
    });

    it('opens one stage at a time', async () => {
      const { id } = await startMerging();
      expect((await open(id, 'MK-2')).status).toBe(200);
      const second = await open(id, 'MK-3');
      expect(second.status).toBe(409);
      expect((await errorOf(second)).code).toBe('another_stage_open');
      expect((await close(id, 'MK-2')).status).toBe(200);
      expect((await open(id, 'MK-3')).status).toBe(200);
    });

    it('gives each group its own canvas, which the other group can neither see nor open', async () => {
      const { ebe, practitioner } = world.seed.people;
      const { id } = await startMerging();
      await acceptAll(id);
      expect((await open(id, 'MK-2')).status).toBe(200);
      await ebe.post(`${stage(id, 'MK-2')}/contributions`, { body: 'הבדידות מתחילה בערב' });
      expect((await close(id, 'MK-2')).status).toBe(200);
      expect((await open(id, 'MK-3')).status).toBe(200);
      const forEbe = await view(ebe, id);
      const forPractitioner = await view(practitioner, id);
      const livedCanvas = canvasOf(forEbe, 'MK-3', lived())!;
      expect(livedCanvas.canWrite).toBe(true);
      expect(canvasOf(forPractitioner, 'MK-3', practitioners())!.canWrite).toBe(true);
      expect(canvasOf(forPractitioner, 'MK-3', lived())).toBeUndefined();
      expect(canvasOf(forEbe, 'MK-3', practitioners())).toBeUndefined();
      // Nor the other group's posts of an earlier stage.
      expect(forPractitioner.contributions).toEqual([]);
      await write(ebe, livedCanvas.docName, 'אף אחד לא מתקשר');
      await write(ebe, livedCanvas.docName, 'השכנים הם המשפחה');
      expect(await (await paragraphs(ebe, id, livedCanvas.id)).json()).toEqual({
        paragraphs: ['אף אחד לא מתקשר', 'השכנים הם המשפחה'],
      });
      expect((await paragraphs(practitioner, id, livedCanvas.id)).status).toBe(404);
      const peeking = world.connect(practitioner, livedCanvas.docName);
      await eventually(() => expect(peeking.closes[0]).toBe(collabCloseCodes.forbidden));
    });

    it('closes a stage only when both groups approve their own work', async () => {
      const { ebe, practitioner } = world.seed.people;
      const { id } = await startMerging();
      await acceptAll(id);
      expect((await open(id, 'MK-3')).status).toBe(200);
      const unmet = await close(id, 'MK-3');
      expect(unmet.status).toBe(409);
      expect((await errorOf(unmet)).code).toBe('stage_exit_unmet');
      const forOthers = await validate(practitioner, id, 'MK-3', lived(), 'approve');
      expect(forOthers.status).toBe(403);
      expect((await errorOf(forOthers)).code).toBe('not_in_group');
      const bare = await validate(practitioner, id, 'MK-3', practitioners(), 'changes');
      expect(bare.status).toBe(400);
      expect(Object.keys((await errorOf(bare)).fields ?? {})).toEqual(['comment']);
      expect(
        (await validate(practitioner, id, 'MK-3', practitioners(), 'changes', 'Add data')).status,
      ).toBe(201);
      expect((await validate(ebe, id, 'MK-3', lived(), 'approve')).status).toBe(201);
      expect((await close(id, 'MK-3')).status).toBe(409);
      expect((await validate(practitioner, id, 'MK-3', practitioners(), 'approve')).status).toBe(
        201,
      );
      expect((await close(id, 'MK-3')).status).toBe(200);
    });

    it('takes no more work in a closed stage, even from a socket opened while it was open', async () => {
      const { ebe } = world.seed.people;
      const { id } = await startMerging();
      await acceptAll(id);
      expect((await open(id, 'MK-3')).status).toBe(200);
      const livedCanvas = canvasOf(await view(ebe, id), 'MK-3', lived())!;
      const stillOpen = await write(ebe, livedCanvas.docName, 'אף אחד לא מתקשר');
      await approveBoth(id, 'MK-3');
      expect((await close(id, 'MK-3')).status).toBe(200);
      expect(canvasOf(await view(ebe, id), 'MK-3', lived())!.canWrite).toBe(false);
      const dropped = world.server.collab.stats.droppedReaderUpdates;
      writeParagraph(stillOpen, 'אחרי הסגירה');
      stillOpen.destroy(); // the server counts what it dropped when the socket closes
      await eventually(() =>
        expect(world.server.collab.stats.droppedReaderUpdates).toBeGreaterThan(dropped),
      );
      expect(await (await paragraphs(ebe, id, livedCanvas.id)).json()).toEqual({
        paragraphs: ['אף אחד לא מתקשר'],
      });
    });

    it('keeps the merge locked until every group validated each peer stage that asks for it', async () => {
      const { id } = await startMerging();
      await acceptAll(id);
      expect((await open(id, 'MK-3')).status).toBe(200);
      await approveBoth(id, 'MK-3');
      expect((await close(id, 'MK-3')).status).toBe(200);
      const locked = await open(id, 'MK-6');
      expect(locked.status).toBe(409);
      expect((await errorOf(locked)).code).toBe('synthesis_locked');
      expect(
        (await view(world.facilitator, id)).stages.find((s) => s.id === 'MK-6')!.blockers,
      ).toEqual([
        { code: 'group_not_validated', stageId: 'MK-4', spaceId: lived() },
        { code: 'group_not_validated', stageId: 'MK-4', spaceId: practitioners() },
      ]);
      expect((await open(id, 'MK-4')).status).toBe(200);
      await approveBoth(id, 'MK-4');
      expect((await close(id, 'MK-4')).status).toBe(200);
      expect((await open(id, 'MK-6')).status).toBe(200);
    });

    it('lets each group release part of its own work, and only its own', async () => {
      const { ebe, practitioner } = world.seed.people;
      const { sessionId, livedCanvas, proCanvas, release } = await throughTheReleases();
      const stolen = await release(practitioner, practitioners(), livedCanvas.id, [0]);
      expect(stolen.status).toBe(403);
      expect((await errorOf(stolen)).code).toBe('not_in_group');
      expect((await release(ebe, lived(), livedCanvas.id, [1])).status).toBe(201);
      expect((await close(sessionId, 'MK-5')).status).toBe(409);
      expect((await release(practitioner, practitioners(), proCanvas.id, [0])).status).toBe(201);
      expect((await close(sessionId, 'MK-5')).status).toBe(200);
    });

    it('labels what crosses into the merge with its group, and lets only representatives speak for one', async () => {
      const { ebe, ebe2, practitioner } = world.seed.people;
      const { sessionId, speak, name } = await inTheMerge();
      const merged = await view(practitioner, sessionId);
      expect(merged.releases.map((r) => [r.spaceId, r.items.map((i) => i.text)])).toEqual([
        [lived(), ['השכנים הם המשפחה']],
        [practitioners(), ['Home visits reduce isolation']],
      ]);
      const notYet = await speak(practitioner, 'We agree');
      expect((await errorOf(notYet)).code).toBe('not_representative');
      expect((await name(practitioner, lived(), [world.ids.practitioner])).status).toBe(403);
      expect((await name(ebe, lived(), [world.ids.ebe])).status).toBe(200);
      expect((await name(practitioner, practitioners(), [world.ids.practitioner])).status).toBe(
        200,
      );
      expect((await speak(ebe2, 'בשם הקבוצה', true)).status).toBe(403);
      expect((await speak(ebe, 'אנחנו רואות את זה אחרת', true)).status).toBe(201);
      expect((await speak(practitioner, 'Say more?')).status).toBe(201);
      const posts = (await view(ebe2, sessionId)).contributions.filter((c) => c.stageId === 'MK-6');
      expect(posts.map((p) => [p.body, p.authorGroupId, p.onBehalfOf])).toEqual([
        ['אנחנו רואות את זה אחרת', lived(), true],
        ['Say more?', practitioners(), false],
      ]);
    });

    it('counts whose words reached the synthesis for the facilitators, and warns below the threshold', async () => {
      const { ebe, practitioner } = world.seed.people;
      const { sessionId, speak, name } = await inTheMerge();
      await name(ebe, lived(), [world.ids.ebe]);
      await name(practitioner, practitioners(), [world.ids.practitioner]);
      expect((await speak(ebe, 'אנחנו רואות את זה אחרת', true)).status).toBe(201);
      expect((await speak(practitioner, 'Say more?')).status).toBe(201);
      const participationPath = `/api/sessions/${sessionId}/participation`;
      const participation = async () =>
        (await (await world.facilitator.get(participationPath)).json()) as SessionParticipation;
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
        world.facilitator.call('PUT', `/api/sessions/${sessionId}/alert-threshold`, { percent });
      expect((await threshold(60)).status).toBe(200);
      expect((await participation()).synthesis.underRepresented).toBe(true);
      expect((await threshold(101)).status).toBe(400);
      // Her post in MK-2, her group's approval of MK-3, its release and her post in the merge.
      expect(
        (await participation()).people.find((p) => p.accountId === world.ids.ebe),
      ).toMatchObject({
        groupId: lived(),
        contributions: 4,
      });
      expect((await practitioner.get(participationPath)).status).toBe(403);
    });

    it("records one group's request for changes, and the reason the facilitator went on", async () => {
      const { ebe, practitioner } = world.seed.people;
      const { id } = await startMerging();
      await acceptAll(id);
      expect((await open(id, 'MK-7')).status).toBe(200);
      expect(
        (await validate(ebe, id, 'MK-7', lived(), 'changes', 'המילה "מטופל" לא שלנו')).status,
      ).toBe(201);
      expect((await validate(practitioner, id, 'MK-7', practitioners(), 'approve')).status).toBe(
        201,
      );
      expect((await close(id, 'MK-7')).status).toBe(409);
      expect((await close(id, 'MK-7', 'נמשיך בסבב הבא')).status).toBe(200);
      const record = await (await world.facilitator.get(`/api/sessions/${id}/record`)).json();
      expect(record.validations).toContainEqual(
        expect.objectContaining({ stageId: 'MK-7', decision: 'changes', round: 1 }),
      );
      expect(record.stageEvents.at(-1)).toMatchObject({
        stageId: 'MK-7',
        action: 'closed',
        overrideReason: 'נמשיך בסבב הבא',
      });
      expect((await practitioner.get(`/api/sessions/${id}/record`)).status).toBe(403);
    });

    it('starts a new round when a stage reopens, and changes nothing when the open stage is opened again', async () => {
      const { id } = await startMerging();
      expect((await open(id, 'MK-7')).status).toBe(200);
      expect((await close(id, 'MK-7', 'נמשיך בסבב הבא')).status).toBe(200);
      expect((await open(id, 'MK-7')).status).toBe(200);
      expect((await open(id, 'MK-7')).status).toBe(200);
      const reopened = await view(world.facilitator, id);
      expect(reopened.stages.find((s) => s.id === 'MK-7')).toMatchObject({
        status: 'open',
        round: 2,
      });
      expect(reopened.stages.find((s) => s.id === 'MK-7')!.blockers).toHaveLength(2);
      const record = await (await world.facilitator.get(`/api/sessions/${id}/record`)).json();
      expect(record.stageEvents.map((e: { action: string }) => e.action)).toEqual([
        'opened',
        'closed',
        'reopened',
      ]);
      expect((await close(id, 'MK-7', 'עוצרים כאן')).status).toBe(200);
    });
  });

  it('warns facilitators of a dependency pair that would share the synthesis', async () => {
    const session = await startMerging();
    const declared = await world.seed.people.ebe.post(
      `/api/initiatives/${world.seed.initiativeId}/dependencies`,
      { otherAccountId: world.ids.practitioner, relation: 'client_caseworker' },
    );
    expect(declared.status).toBe(204);
    const put = (who: Person, spaceId: string, accountId: string) =>
      who.call('PUT', `/api/sessions/${session.id}/representatives`, {
        spaceId,
        accountIds: [accountId],
      });
    expect((await view(world.facilitator, session.id)).dependencyWarnings).toEqual([]);
    await put(world.seed.people.ebe, lived(), world.ids.ebe);
    await put(world.seed.people.practitioner, practitioners(), world.ids.practitioner);
    const warnings = (await view(world.facilitator, session.id)).dependencyWarnings;
    expect(warnings).toEqual([
      {
        declaredBy: { accountId: world.ids.ebe, displayName: 'מרים' },
        other: { accountId: world.ids.practitioner, displayName: 'Yossi' },
        relation: 'client_caseworker',
      },
    ]);
    expect((await view(world.seed.people.practitioner, session.id)).dependencyWarnings).toEqual([]);
  });

  it("runs Learning from Success on one person's success, which only its owner writes and confirms", async () => {
    const { ebe, ebe2 } = world.seed.people;
    const session = await start({
      methodId: 'learning-from-success',
      title: 'יצאתי מהבית',
      groups: [{ spaceId: lived(), facilitatorIds: [world.ids.facilitator] }],
      ownerId: world.ids.ebe,
    });
    for (const who of [ebe, ebe2]) await accept(who, session.id);
    expect((await open(session.id, 'LS-1')).status).toBe(200);
    const owned = canvasOf(await view(ebe, session.id), 'LS-1', lived())!;
    expect(owned.canWrite).toBe(true);
    // The circle and the learning companion read it; neither edits the owner's words.
    expect(canvasOf(await view(ebe2, session.id), 'LS-1', lived())!.canWrite).toBe(false);
    expect(canvasOf(await view(world.facilitator, session.id), 'LS-1', lived())!.canWrite).toBe(
      false,
    );
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
    const { ebe, ebe2 } = world.seed.people;
    const session = await start({
      methodId: 'learning-from-success',
      title: 'המועדון שפתחנו',
      groups: [{ spaceId: lived(), facilitatorIds: [world.ids.facilitator] }],
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
    const { ebe, practitioner } = world.seed.people;
    const session = await start({
      methodId: 'practice-wisdom',
      title: 'מה עובד בביקורי בית',
      groups: [
        { spaceId: practitioners(), facilitatorIds: [world.ids.facilitator] },
        { spaceId: lived(), facilitatorIds: [world.ids.facilitator] },
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
      groups: [{ spaceId: practitioners(), facilitatorIds: [world.ids.facilitator] }],
    });
    expect((await world.seed.people.ebe.get(`/api/sessions/${session.id}`)).status).toBe(404);
    expect((await world.seed.people.researcher.get(`/api/sessions/${session.id}`)).status).toBe(
      404,
    );
    const listed = (await (
      await world.seed.people.ebe.get(`/api/initiatives/${world.seed.initiativeId}/sessions`)
    ).json()) as { id: string }[];
    expect(listed.map((s) => s.id)).not.toContain(session.id);
    const refused = await world.seed.people.practitioner.post(
      `/api/initiatives/${world.seed.initiativeId}/sessions`,
      { methodId: 'practice-wisdom', title: 'Mine', groups: [{ spaceId: practitioners() }] },
    );
    expect(refused.status).toBe(403);
    const badGroup = await world.facilitator.post(
      `/api/initiatives/${world.seed.initiativeId}/sessions`,
      {
        methodId: 'practice-wisdom',
        title: 'Into the synthesis',
        groups: [{ spaceId: world.seed.spaces.synthesis }],
      },
    );
    expect(badGroup.status).toBe(400);
    expect(Object.keys((await errorOf(badGroup)).fields ?? {})).toEqual(['groups.0.spaceId']);
  });
});
