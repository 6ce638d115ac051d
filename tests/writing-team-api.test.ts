import type { SessionView } from '@mizug/domain';
import { describe, expect, it } from 'vitest';
import { errorOf, useSessionWorld } from './factories/method-session';
import type { Person } from './factories/person';
import { testStorages } from './support/databases';

/** MK-8's mixed writing team, chosen in the session, and why each person may or may not write. */
describe.each(testStorages)('PUT /api/sessions/:sessionId/writing-team over %s', (kind) => {
  const world = useSessionWorld(kind);
  const { lived, practitioners, view, stage, open, close, validate, acceptAll } = world;
  const choose = (who: Person, sessionId: string, accountIds: string[]) =>
    who.call('PUT', `/api/sessions/${sessionId}/writing-team`, { accountIds });
  /** The co-writing stage's board (the session's board in the synthesis space). */
  const writingCanvas = (session: SessionView) =>
    session.stages.find((stage) => stage.id === 'MK-8')?.boards[0];

  /** Both groups approve the open stage, which then closes. */
  async function approveAndClose(sessionId: string, stageId: string) {
    const { ebe, practitioner } = world.seed.people;
    expect((await open(sessionId, stageId)).status).toBe(200);
    expect((await validate(ebe, sessionId, stageId, lived(), 'approve')).status).toBe(201);
    expect(
      (await validate(practitioner, sessionId, stageId, practitioners(), 'approve')).status,
    ).toBe(201);
    expect((await close(sessionId, stageId)).status).toBe(200);
  }

  /** Merging of Knowledge with every validation behind it and the co-writing stage open. */
  async function coWriting() {
    const { id } = await world.startMerging();
    await acceptAll(id);
    for (const stageId of ['MK-3', 'MK-4']) await approveAndClose(id, stageId);
    // MK-7 is validated on the merged board's findings.
    expect((await open(id, 'MK-7')).status).toBe(200);
    await world.approveOnBoard(id, 'MK-7');
    expect((await close(id, 'MK-7')).status).toBe(200);
    expect((await open(id, 'MK-8')).status).toBe(200);
    return id;
  }

  it('lets the facilitator choose a team from every group, named in the session view', async () => {
    const { ebe, ebe2, practitioner } = world.seed.people;
    const sessionId = await coWriting();
    const chosen = await choose(world.facilitator, sessionId, [
      world.ids.ebe2,
      world.ids.practitioner,
    ]);
    expect(chosen.status).toBe(200);
    // The team is a set: two people chosen at once have no order between them.
    const names = (session: SessionView) => session.writingTeam.map((p) => p.accountId).sort();
    const team = [world.ids.ebe2, world.ids.practitioner].sort();
    expect(names((await chosen.json()) as SessionView)).toEqual(team);
    expect((await view(ebe2, sessionId)).me.inWritingTeam).toBe(true);
    expect((await view(practitioner, sessionId)).me.inWritingTeam).toBe(true);
    const outside = await view(ebe, sessionId);
    expect(outside.me.inWritingTeam).toBe(false);
    expect(names(outside)).toEqual(team);

    const audited = await world.server.db.query<{ actor_id: string; details: string }>(
      `SELECT actor_id, details::text AS details FROM audit_log
       WHERE action = 'session.writing_team' AND initiative_id = $1`,
      [world.seed.initiativeId],
    );
    expect(audited.map((row) => [row.actor_id, JSON.parse(row.details)])).toContainEqual([
      world.ids.facilitator,
      { sessionId, accountIds: [world.ids.ebe2, world.ids.practitioner] },
    ]);

    // Choosing again replaces the team.
    expect((await choose(world.facilitator, sessionId, [world.ids.ebe])).status).toBe(200);
    expect(names(await view(ebe, sessionId))).toEqual([world.ids.ebe]);
  });

  it('tells each person whether they write the final text, and why not', async () => {
    const { ebe, ebe2, practitioner } = world.seed.people;
    const sessionId = await coWriting();
    expect(writingCanvas(await view(ebe2, sessionId))).toMatchObject({
      canWrite: false,
      writeRefusal: 'not_in_writing_team',
    });
    expect(writingCanvas(await view(world.facilitator, sessionId))).toMatchObject({
      canWrite: true,
      writeRefusal: null,
    });
    expect((await choose(world.facilitator, sessionId, [world.ids.ebe2])).status).toBe(200);
    expect(writingCanvas(await view(ebe2, sessionId))).toMatchObject({
      canWrite: true,
      writeRefusal: null,
    });
    for (const outside of [ebe, practitioner])
      expect(writingCanvas(await view(outside, sessionId))).toMatchObject({
        canWrite: false,
        writeRefusal: 'not_in_writing_team',
      });
    // The ticked "working group" box on the members page no longer lets anyone write here.
    expect(
      (
        await world.seed.admin.call(
          'PATCH',
          `/api/initiatives/${world.seed.initiativeId}/members/${world.ids.practitioner}`,
          { inWorkingGroup: true },
        )
      ).status,
    ).toBe(204);
    expect(writingCanvas(await view(practitioner, sessionId))?.writeRefusal).toBe(
      'not_in_writing_team',
    );

    // Once the stage closes, even the team reads only, and is told why.
    expect((await close(sessionId, 'MK-8', 'ליום אחר')).status).toBe(200);
    expect(writingCanvas(await view(ebe2, sessionId))).toMatchObject({
      canWrite: false,
      writeRefusal: 'stage_closed',
    });
  });

  it("gives MK-4 each group's own board, drafted by the facilitators, and the merge one shared board", async () => {
    const { ebe, practitioner } = world.seed.people;
    const sessionId = await coWriting();
    const boardsOf = (session: SessionView, stageId: string) =>
      session.stages.find((stage) => stage.id === stageId)!.boards;
    const facilitator = await view(world.facilitator, sessionId);
    const peerBoards = boardsOf(facilitator, 'MK-4');
    expect(peerBoards.map((board) => board.spaceId).sort()).toEqual(
      [lived(), practitioners()].sort(),
    );
    expect(new Set(peerBoards.map((board) => board.boardId)).size).toBe(2);
    // Each group sees only its own, which its facilitators draft (MK-4 is closed by now).
    const own = boardsOf(await view(ebe, sessionId), 'MK-4');
    expect(own).toEqual([
      expect.objectContaining({ spaceId: lived(), canWrite: false, writeRefusal: 'stage_closed' }),
    ]);
    expect(boardsOf(await view(practitioner, sessionId), 'MK-4').map((b) => b.spaceId)).toEqual([
      practitioners(),
    ]);
    // The merge, its validation and the co-writing work on one board in the synthesis space.
    const shared = ['MK-6', 'MK-7', 'MK-8'].map((id) => boardsOf(facilitator, id));
    for (const boards of shared) expect(boards).toHaveLength(1);
    expect(new Set(shared.map((boards) => boards[0]!.boardId)).size).toBe(1);
    const board = await world.facilitator.get(`/api/boards/${shared[0]![0]!.boardId}`);
    expect(board.status).toBe(200);
    expect(await board.json()).toMatchObject({ sessionId, canWrite: true });
    // The board's own API answers as the session does: outside the writing team, no writing.
    const asMember = await ebe.get(`/api/boards/${shared[0]![0]!.boardId}`);
    expect(await asMember.json()).toMatchObject({ canWrite: false });
  });

  it('says when the agreement, or being a representative, is what is missing', async () => {
    const { ebe, practitioner } = world.seed.people;
    const { id } = await world.startMerging();
    expect((await open(id, 'MK-1')).status).toBe(200);
    const canvas = world.canvasOf(await view(ebe, id), 'MK-1', lived())!;
    expect(canvas).toMatchObject({ canWrite: false, writeRefusal: 'contract_not_accepted' });
    await acceptAll(id);
    expect(world.canvasOf(await view(ebe, id), 'MK-1', lived())!.writeRefusal).toBe(null);
    expect((await close(id, 'MK-1')).status).toBe(200);

    for (const stageId of ['MK-3', 'MK-4']) await approveAndClose(id, stageId);
    expect((await open(id, 'MK-5')).status).toBe(200);
    for (const [who, spaceId] of [
      [ebe, lived()],
      [practitioner, practitioners()],
    ] as const)
      expect((await who.post(`${stage(id, 'MK-5')}/releases`, { spaceId, items: [] })).status).toBe(
        201,
      );
    expect((await close(id, 'MK-5')).status).toBe(200);
    expect((await open(id, 'MK-6')).status).toBe(200);
    // The representatives merge on the board, not in posts: the others read it and are told why.
    const merge = (session: SessionView) => session.stages.find((s) => s.id === 'MK-6')!.boards[0];
    expect(merge(await view(ebe, id))).toMatchObject({
      canWrite: false,
      writeRefusal: 'not_representative',
    });
    const named = await ebe.call('PUT', `/api/sessions/${id}/representatives`, {
      spaceId: lived(),
      accountIds: [world.ids.ebe],
    });
    expect(named.status).toBe(200);
    expect(merge(await view(ebe, id))).toMatchObject({ canWrite: true, writeRefusal: null });
  });

  it('refuses a team chosen by anyone but a facilitator, or with someone outside the groups', async () => {
    const { ebe, researcher } = world.seed.people;
    const sessionId = await coWriting();
    const byMember = await choose(ebe, sessionId, [world.ids.ebe]);
    expect(byMember.status).toBe(403);
    expect((await errorOf(byMember)).code).toBe('forbidden');
    const researcherId = await researcher.accountId();
    const outsider = await choose(world.facilitator, sessionId, [world.ids.ebe, researcherId]);
    expect(outsider.status).toBe(422);
    expect((await errorOf(outsider)).code).toBe('not_a_participant');
    const bad = await choose(world.facilitator, sessionId, ['not-an-id'] as string[]);
    expect(bad.status).toBe(400);
    // Nothing changed.
    expect((await view(world.facilitator, sessionId)).writingTeam).toEqual([]);
  });
});
