import { describe, expect, it } from 'vitest';
import { useSessionWorld } from './factories/method-session';
import { testStorages } from './support/databases';

/** A session started before its stages worked on boards gets them, once, whoever asks first. */
describe.each(testStorages)('the boards of an older session over %s', (kind) => {
  const world = useSessionWorld(kind);
  const { view, open } = world;

  /** A session as one started before boards existed: its boards gone (none had findings). */
  async function olderSession({ accepted = false } = {}) {
    const { id } = await world.startMerging();
    // Each answer of a command is the session's view, which would make the boards again.
    if (accepted) await world.acceptAll(id);
    await world.server.db.query('DELETE FROM boards WHERE session_id = $1', [id]);
    return id;
  }
  const boardsOf = (sessionId: string) =>
    world.server.db.query<{ space_id: string }>(
      'SELECT space_id FROM boards WHERE session_id = $1 ORDER BY space_id',
      [sessionId],
    );
  const madeFor = async (sessionId: string) =>
    (
      await world.server.db.query<{ details: string }>(
        `SELECT details::text AS details FROM audit_log WHERE action = 'board.create'`,
      )
    ).filter((entry) => JSON.parse(entry.details).sessionId === sessionId).length;

  it('makes the boards its stages work on when the session is read, once even when read twice at once', async () => {
    const { ebe, practitioner } = world.seed.people;
    const id = await olderSession();
    const before = await madeFor(id);
    const [seenByEbe, seenByPractitioner] = await Promise.all([
      view(ebe, id),
      view(practitioner, id),
    ]);
    const expected = [world.lived(), world.practitioners(), world.seed.spaces.synthesis].sort();
    expect((await boardsOf(id)).map((row) => row.space_id)).toEqual(expected);
    expect((await madeFor(id)) - before).toBe(3);
    // Each reads its group's MK-4 board and the merge's shared one.
    const mk4 = (session: typeof seenByEbe) =>
      session.stages.find((stage) => stage.id === 'MK-4')!.boards.map((board) => board.spaceId);
    expect(mk4(seenByEbe)).toEqual([world.lived()]);
    expect(mk4(seenByPractitioner)).toEqual([world.practitioners()]);
    for (const stageId of ['MK-6', 'MK-7', 'MK-8'])
      expect(seenByEbe.stages.find((stage) => stage.id === stageId)!.boards).toHaveLength(1);
    // Read again: nothing more is made.
    await view(world.facilitator, id);
    expect((await madeFor(id)) - before).toBe(3);
  });

  it('makes a stage its boards when it opens, before the answer makes the rest', async () => {
    const id = await olderSession({ accepted: true });
    const before = await madeFor(id);
    expect((await open(id, 'MK-7')).status).toBe(200);
    const made = (
      await world.server.db.query<{ details: string }>(
        `SELECT details::text AS details FROM audit_log WHERE action = 'board.create'
         ORDER BY id`,
      )
    )
      .map((entry) => JSON.parse(entry.details) as { sessionId: string; spaceId: string })
      .filter((entry) => entry.sessionId === id)
      .slice(before)
      .map((entry) => entry.spaceId);
    // MK-7's board (the synthesis one) with the opening, then the groups' MK-4 boards.
    expect(made[0]).toBe(world.seed.spaces.synthesis);
    expect(made.slice(1).sort()).toEqual([world.lived(), world.practitioners()].sort());
  });
});
