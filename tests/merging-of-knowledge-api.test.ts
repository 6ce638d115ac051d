import { collabCloseCodes, type SessionParticipation } from '@mizug/domain';
import { describe, expect, it } from 'vitest';
import { errorOf, useSessionWorld } from './factories/method-session';
import type { Person } from './factories/person';
import { eventually, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';

/** Merging of Knowledge, one rule per test: groups apart, validation, release, the merge. */
describe.each(testStorages)('Merging of Knowledge over %s', (kind) => {
  const world = useSessionWorld(kind);
  const { lived, practitioners, view, stage, open, close, validate, accept } = world;
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
    const name = (who: Person, spaceId: string, accountIds: string[]) =>
      who.call('PUT', `/api/sessions/${sessionId}/representatives`, { spaceId, accountIds });
    return { sessionId, name };
  }

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
    expect((await validate(practitioner, id, 'MK-3', practitioners(), 'approve')).status).toBe(201);
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

  it('labels what crosses into the merge with its group, and lets only representatives merge it on the board', async () => {
    const { ebe, ebe2, practitioner } = world.seed.people;
    const { sessionId, name } = await inTheMerge();
    const merged = await view(practitioner, sessionId);
    expect(merged.releases.map((r) => [r.spaceId, r.items.map((i) => i.text)])).toEqual([
      [lived(), ['השכנים הם המשפחה']],
      [practitioners(), ['Home visits reduce isolation']],
    ]);
    // MK-6 works on the synthesis board, not in posts: the view says who writes on it and why not.
    const board = async (who: Person) =>
      (await view(who, sessionId)).stages.find((s) => s.id === 'MK-6')!.boards;
    expect(await board(practitioner)).toEqual([
      expect.objectContaining({ canWrite: false, writeRefusal: 'not_representative' }),
    ]);
    expect((await board(world.facilitator))[0]).toMatchObject({ canWrite: true });
    const boardId = (await board(world.facilitator))[0]!.boardId;
    const addFinding = (who: Person, title: string) =>
      who.post(`/api/boards/${boardId}/findings`, { title });
    const notYet = await addFinding(practitioner, 'Isolation at night');
    expect(notYet.status).toBe(403);
    const posted = await practitioner.post(`${stage(sessionId, 'MK-6')}/contributions`, {
      body: 'We agree',
    });
    expect((await errorOf(posted)).code).toBe('stage_artefact_mismatch');
    expect((await name(practitioner, lived(), [world.ids.practitioner])).status).toBe(403);
    expect((await name(ebe, lived(), [world.ids.ebe])).status).toBe(200);
    expect((await name(practitioner, practitioners(), [world.ids.practitioner])).status).toBe(200);
    const writes = async (who: Person) => (await board(who))[0]!.canWrite;
    expect([await writes(practitioner), await writes(ebe), await writes(ebe2)]).toEqual([
      true,
      true,
      false,
    ]);
    expect((await board(ebe2))[0]!.writeRefusal).toBe('not_representative');
    expect((await addFinding(ebe2, 'בדידות בערב')).status).toBe(403);
    expect((await addFinding(ebe, 'בדידות בערב')).status).toBe(201);
    expect((await addFinding(practitioner, 'Isolation at night')).status).toBe(201);
    const findings = await (await ebe2.get(`/api/boards/${boardId}/findings`)).json();
    expect(findings.map((f: { title: string }) => f.title)).toEqual([
      'בדידות בערב',
      'Isolation at night',
    ]);
    expect((await view(ebe2, sessionId)).contributions.filter((c) => c.stageId === 'MK-6')).toEqual(
      [],
    );
  });

  it('counts whose words reached the synthesis for the facilitators, and warns below the threshold', async () => {
    const { practitioner } = world.seed.people;
    const { sessionId } = await inTheMerge();
    const participationPath = `/api/sessions/${sessionId}/participation`;
    const participation = async () =>
      (await (await world.facilitator.get(participationPath)).json()) as SessionParticipation;
    expect((await participation()).synthesis).toEqual({
      words: [
        { spaceId: lived(), words: 3 },
        { spaceId: practitioners(), words: 4 },
      ],
      livedExperienceShare: 43,
      threshold: 30,
      // The session's board in the synthesis space, with no card placed on it yet.
      board: {
        boardId: expect.any(String),
        livedExperienceCardShare: null,
        livedExperienceMissing: false,
      },
      underRepresented: false,
    });
    const threshold = (percent: number) =>
      world.facilitator.call('PUT', `/api/sessions/${sessionId}/alert-threshold`, { percent });
    expect((await threshold(60)).status).toBe(200);
    expect((await participation()).synthesis.underRepresented).toBe(true);
    expect((await threshold(101)).status).toBe(400);
    // Her post in MK-2, her group's approval of MK-3 and its release.
    expect((await participation()).people.find((p) => p.accountId === world.ids.ebe)).toMatchObject(
      {
        groupId: lived(),
        contributions: 3,
      },
    );
    expect((await practitioner.get(participationPath)).status).toBe(403);
  });

  it("validates MK-7 on the merged board's findings: one group's request for changes holds it, and the reason the facilitator went on is recorded", async () => {
    const { ebe, practitioner } = world.seed.people;
    const { id } = await startMerging();
    await acceptAll(id);
    expect((await open(id, 'MK-7')).status).toBe(200);
    const standing = async (who: Person) =>
      (await view(who, id)).stages.find((s) => s.id === 'MK-7')!;
    // Nothing on the board yet: no group has validated anything.
    expect((await standing(world.facilitator)).blockers).toHaveLength(2);
    const boardId = (await standing(world.facilitator)).boards[0]!.boardId;
    const made = await world.facilitator.post(`/api/boards/${boardId}/findings`, {
      title: 'בדידות בערב',
    });
    const findingId = ((await made.json()) as { id: string }).id;
    expect((await world.facilitator.post(`/api/findings/${findingId}/return`, {})).status).toBe(
      200,
    );
    const decide = (who: Person, spaceId: string, decision: string, comment = '') =>
      who.post(`/api/findings/${findingId}/decisions`, { spaceId, decision, comment });
    expect((await decide(ebe, lived(), 'changes', 'המילה "מטופל" לא שלנו')).status).toBe(201);
    expect((await decide(practitioner, practitioners(), 'approve')).status).toBe(201);
    // One way to validate: a decision on the stage itself is refused, nothing recorded.
    const onStage = await validate(practitioner, id, 'MK-7', practitioners(), 'approve');
    expect(onStage.status).toBe(409);
    expect((await errorOf(onStage)).code).toBe('validate_on_board');
    // The session view says where each finding stands for each group, as the board does.
    expect((await standing(ebe)).findings).toEqual([
      {
        findingId,
        boardId,
        title: 'בדידות בערב',
        status: 'returned',
        round: 1,
        groups: [
          { spaceId: lived(), standing: 'changes' },
          { spaceId: practitioners(), standing: 'approve' },
        ],
      },
    ]);
    expect((await standing(world.facilitator)).blockers).toEqual([
      { code: 'group_not_validated', stageId: 'MK-7', spaceId: lived() },
    ]);
    expect((await close(id, 'MK-7')).status).toBe(409);
    expect((await close(id, 'MK-7', 'נמשיך בסבב הבא')).status).toBe(200);
    const record = await (await world.facilitator.get(`/api/sessions/${id}/record`)).json();
    expect(record.validations).toEqual([]);
    expect(record.stageEvents.at(-1)).toMatchObject({
      stageId: 'MK-7',
      action: 'closed',
      overrideReason: 'נמשיך בסבב הבא',
    });
    expect((await practitioner.get(`/api/sessions/${id}/record`)).status).toBe(403);
  });

  it('closes MK-7 once every group approved every finding, and holds it again when one is revised', async () => {
    const { id } = await startMerging();
    await acceptAll(id);
    expect((await open(id, 'MK-7')).status).toBe(200);
    const findingId = await world.approveOnBoard(id, 'MK-7');
    const mk7 = async () =>
      (await view(world.facilitator, id)).stages.find((s) => s.id === 'MK-7')!;
    expect((await mk7()).blockers).toEqual([]);
    // Revised, the finding waits to be returned: neither group's approval stands any more.
    expect((await world.facilitator.post(`/api/findings/${findingId}/revise`, {})).status).toBe(
      200,
    );
    expect((await mk7()).blockers).toHaveLength(2);
    expect((await mk7()).findings[0]!.groups.map((g) => g.standing)).toEqual([null, null]);
    expect((await close(id, 'MK-7')).status).toBe(409);
    expect((await world.facilitator.post(`/api/findings/${findingId}/return`, {})).status).toBe(
      200,
    );
    const { ebe, practitioner } = world.seed.people;
    for (const [who, spaceId] of [
      [ebe, lived()],
      [practitioner, practitioners()],
    ] as const)
      await who.post(`/api/findings/${findingId}/decisions`, {
        spaceId,
        decision: 'approve',
        comment: '',
      });
    expect((await close(id, 'MK-7')).status).toBe(200);
    // What MK-8 waits for reads the same decisions: MK-7 no longer holds it, MK-3 still does.
    const waits = (await view(world.facilitator, id)).stages.find((s) => s.id === 'MK-8')!.blockers;
    expect(waits.filter((b) => 'stageId' in b && b.stageId === 'MK-7')).toEqual([]);
    expect(waits.filter((b) => 'stageId' in b && b.stageId === 'MK-3')).toHaveLength(2);
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
