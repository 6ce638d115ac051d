import type { SessionView } from '@mizug/domain';
import type { MethodDefinition } from '@mizug/methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminInDatabase,
  inviteFacilitator,
  seedInitiative,
  type SeededInitiative,
} from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

/** The method rules the server sends with the session view, and where it files the work. */
describe.each(testStorages)('method rules over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let facilitatorId: string;
  const lived = () => seed.spaces.lived_experience;
  const practitioners = () => seed.spaces.practitioners;

  const view = async (who: Person, sessionId: string) => {
    const response = await who.get(`/api/sessions/${sessionId}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SessionView;
  };
  const stagePath = (sessionId: string, stageId: string) =>
    `/api/sessions/${sessionId}/stages/${stageId}`;
  async function start(body: object): Promise<SessionView> {
    const response = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, body);
    expect(response.status).toBe(201);
    return (await response.json()) as SessionView;
  }
  const stageOf = (session: SessionView, stageId: string) =>
    session.stages.find((stage) => stage.id === stageId)!;

  beforeAll(async () => {
    server = await startTestServer(kind);
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
    facilitator = await inviteFacilitator(overHttp(server.url), seed);
    facilitatorId = await facilitator.accountId();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("files a post in an adapted method's everyone stage in the synthesis space, for every group to read", async () => {
    const { ebe, ebe2, practitioner } = seed.people;
    const methodsPath = `/api/initiatives/${seed.initiativeId}/methods`;
    const copied = await facilitator.post(methodsPath, { from: 'merging-of-knowledge' });
    expect(copied.status).toBe(201);
    const copy = (await copied.json()) as { ref: string; definition: MethodDefinition };
    // MK-2's individual posts become everyone's, written together.
    const adapted = {
      ...copy.definition,
      stages: copy.definition.stages.map((stage) =>
        stage.id === 'MK-2' ? { ...stage, participation: 'everyone' } : stage,
      ),
    };
    expect((await facilitator.call('PUT', `${methodsPath}/${copy.ref}`, adapted)).status).toBe(200);
    const session = await start({
      methodId: copy.ref,
      title: 'מה זו בדידות, יחד',
      groups: [
        { spaceId: lived(), facilitatorIds: [facilitatorId] },
        { spaceId: practitioners(), facilitatorIds: [facilitatorId] },
      ],
    });
    for (const who of [ebe, ebe2, practitioner])
      expect((await who.post(`/api/sessions/${session.id}/contract/acceptance`, {})).status).toBe(
        201,
      );
    expect((await facilitator.post(`${stagePath(session.id, 'MK-2')}/open`, {})).status).toBe(200);
    const posted = await ebe.post(`${stagePath(session.id, 'MK-2')}/contributions`, {
      body: 'הבדידות מתחילה בערב',
    });
    expect(posted.status).toBe(201);

    const posts = (who: Person) =>
      view(who, session.id).then((seen) =>
        seen.contributions
          .filter((post) => post.stageId === 'MK-2')
          .map(({ spaceId, authorGroupId, body }) => ({ spaceId, authorGroupId, body })),
      );
    const expected = [
      { spaceId: seed.spaces.synthesis, authorGroupId: lived(), body: 'הבדידות מתחילה בערב' },
    ];
    expect(await posts(ebe)).toEqual(expected);
    // Filed under the lived-experience space, the practitioners would never have read it.
    expect(await posts(practitioner)).toEqual(expected);
  });

  it("sends each caller the groups a stage asks for: the owner's alone in an owner stage", async () => {
    const { ebe, ebe2, practitioner } = seed.people;
    const session = await start({
      methodId: 'learning-from-success',
      title: 'יצאתי מהבית',
      groups: [
        { spaceId: lived(), facilitatorIds: [facilitatorId] },
        { spaceId: practitioners(), facilitatorIds: [facilitatorId] },
      ],
      ownerId: await ebe.accountId(),
    });
    const asks = async (who: Person, stageId: string) => {
      const { groupIds, asksForValidation } = stageOf(await view(who, session.id), stageId);
      return { groupIds, asksForValidation };
    };
    // LS-1 is the owner's account of their success: their group's, confirmed by the owner.
    expect(await asks(facilitator, 'LS-1')).toEqual({
      groupIds: [lived()],
      asksForValidation: false,
    });
    expect(await asks(ebe2, 'LS-1')).toEqual({ groupIds: [lived()], asksForValidation: false });
    // Another group's member learns nothing of which group the owner is in.
    expect(await asks(practitioner, 'LS-1')).toEqual({ groupIds: [], asksForValidation: false });
    // The working group's stage asks every group to validate; a member hears of their own.
    expect(await asks(facilitator, 'LS-9')).toEqual({
      groupIds: [lived(), practitioners()],
      asksForValidation: true,
    });
    expect(await asks(practitioner, 'LS-9')).toEqual({
      groupIds: [practitioners()],
      asksForValidation: true,
    });
  });

  it("asks the groups to validate a group's own success, where no owner confirms it", async () => {
    const session = await start({
      methodId: 'learning-from-success',
      title: 'המועדון שפתחנו',
      groups: [{ spaceId: lived(), facilitatorIds: [facilitatorId] }],
    });
    expect(stageOf(await view(facilitator, session.id), 'LS-1')).toMatchObject({
      groupIds: [lived()],
      asksForValidation: true,
    });
  });
});
