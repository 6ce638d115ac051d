import type { Board, SessionView } from '@mizug/domain';
import { describe, expect, it } from 'vitest';
import { addFinding, BoardEditor } from './factories/board-world';
import { errorOf, useSessionWorld } from './factories/method-session';
import type { Person } from './factories/person';
import { testStorages } from './support/databases';

const PROPOSITION = 'בקשר ראשון, ביקור בבית בדרך כלל בונה אמון, כי הוא מראה כבוד';

describe.each(testStorages)('Practice Wisdom on boards over %s', (kind) => {
  const world = useSessionWorld(kind);
  const { lived, practitioners, view, stage, open, close, validate, accept, start } = world;

  const boardsOf = (session: SessionView, stageId: string) =>
    session.stages.find((candidate) => candidate.id === stageId)!.boards;

  it('codifies propositions on the group’s own board, and the other group answers only those the group approved', async () => {
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

    // PW-8 is a board in each group's space, written by the group itself; no claim posts.
    expect((await open(session.id, 'PW-8')).status).toBe(200);
    const mine = boardsOf(await view(practitioner, session.id), 'PW-8');
    expect(mine).toEqual([
      expect.objectContaining({ spaceId: practitioners(), canWrite: true, writeRefusal: null }),
    ]);
    expect(boardsOf(await view(ebe, session.id), 'PW-8').map((b) => b.spaceId)).toEqual([lived()]);
    const refusedPost = await post(practitioner, 'PW-8', { body: PROPOSITION });
    expect(refusedPost.status).toBe(409);
    expect((await errorOf(refusedPost)).code).toBe('stage_artefact_mismatch');

    const finding = await addFinding(practitioner, mine[0]!.boardId, 'ביקור בית ראשון');
    const board = (await (
      await practitioner.get(`/api/boards/${mine[0]!.boardId}`)
    ).json()) as Board;
    const editor = await BoardEditor.open(world.server, board, practitioner);
    await editor.write(finding.id, 'statement', [PROPOSITION]);
    await editor.write(finding.id, 'characteristics', ['ודאות: בינונית']);
    editor.close();

    // Nothing crosses before the practitioners approve the stage.
    expect((await view(ebe, session.id)).propositions).toEqual([]);
    expect(
      (await validate(practitioner, session.id, 'PW-8', practitioners(), 'approve')).status,
    ).toBe(201);
    expect((await validate(ebe, session.id, 'PW-8', lived(), 'approve')).status).toBe(201);
    expect((await close(session.id, 'PW-8')).status).toBe(200);

    // The lived-experience group reads the proposition, never the board it came from.
    expect((await open(session.id, 'PW-9')).status).toBe(200);
    const seen = await view(ebe, session.id);
    expect(seen.propositions).toEqual([
      {
        findingId: finding.id,
        stageId: 'PW-8',
        groupSpaceId: practitioners(),
        title: 'ביקור בית ראשון',
        statement: PROPOSITION,
        characteristics: 'ודאות: בינונית',
        openQuestions: '',
      },
    ]);
    expect((await ebe.get(`/api/boards/${board.id}`)).status).toBe(404);

    const respond = (body: object) =>
      post(ebe, 'PW-9', { body: 'לא תמיד: לפעמים הבית הוא המקום הכי פחות בטוח', ...body });
    const unknown = await respond({ findingId: crypto.randomUUID(), stance: 'contest' });
    expect(unknown.status).toBe(400);
    expect((await respond({ findingId: finding.id })).status).toBe(400);
    expect(
      (await respond({ findingId: finding.id, parentId: finding.id, stance: 'add' })).status,
    ).toBe(400);
    expect((await respond({ findingId: finding.id, stance: 'contest' })).status).toBe(201);

    // The response reaches the practitioners once the lived-experience group releases it.
    const responses = async () =>
      (await view(practitioner, session.id)).contributions.filter((c) => c.kind === 'response');
    expect(await responses()).toEqual([]);
    const released = await ebe.post(`${stage(session.id, 'PW-9')}/releases`, {
      spaceId: lived(),
      items: [],
    });
    expect(released.status).toBe(201);
    expect(await responses()).toEqual([
      expect.objectContaining({
        findingId: finding.id,
        parentId: null,
        stance: 'contest',
        authorGroupId: lived(),
      }),
    ]);
  });
});
