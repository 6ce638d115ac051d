import type { SessionView } from '@mizug/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSessionWorld } from './factories/method-session';
import { withFailingAudit } from './support/audit-failure';
import { testStorages } from './support/databases';

/**
 * What a session command did, for the tests below: the session it acted on (if any) and
 * whatever it needs to tell that nothing changed.
 */
interface Arranged {
  sessionId?: string;
  before?: unknown;
}

interface CommandCase {
  name: string;
  action: string;
  status: number;
  /** Whether the command changes who may write (and so also sends `accessChanged`). */
  access?: boolean;
  /** Whether the command belongs to a session (and so sends `sessionChanged`). */
  session?: boolean;
  arrange(): Promise<Arranged>;
  act(arranged: Arranged): Promise<Response>;
  /** The audit entry's details the command must have stored. */
  details(arranged: Arranged): object;
  /** What the command would have changed, read again: equal to `before` when nothing changed. */
  state(arranged: Arranged): Promise<unknown>;
}

/** Each session command's audit entry is stored with its change, or neither is (issue 10). */
describe.each(testStorages)('session commands over %s', (kind) => {
  let audit!: ReturnType<typeof withFailingAudit>;
  const world = useSessionWorld(kind, (db) => (audit = withFailingAudit(db)).db);
  const { lived, view, stage, open, accept, start, startMerging, acceptAll } = world;
  let heard: string[] = [];
  const onSession = (_: string, sessionId: string) => heard.push(`session:${sessionId}`);
  const onAccess = () => heard.push('access');
  beforeEach(() => {
    heard = [];
    world.server.events.on('sessionChanged', onSession);
    world.server.events.on('accessChanged', onAccess);
  });
  afterEach(() => {
    audit.failing = false;
    world.server.events.off('sessionChanged', onSession);
    world.server.events.off('accessChanged', onAccess);
  });

  const entries = async (action: string) => {
    const rows = await world.server.db.query<{ details: string }>(
      'SELECT details::text AS details FROM audit_log WHERE action = $1 AND initiative_id = $2',
      [action, world.seed.initiativeId],
    );
    return rows.map((row) => JSON.parse(row.details) as Record<string, unknown>);
  };
  const facilitatorView = (arranged: Arranged) => view(world.facilitator, arranged.sessionId!);
  const stageStatus = async (arranged: Arranged, stageId: string) =>
    (await facilitatorView(arranged)).stages.find((s) => s.id === stageId)!.status;
  const merging = async (prepare?: (sessionId: string) => Promise<void>) => {
    const { id } = await startMerging();
    await prepare?.(id);
    return { sessionId: id };
  };
  const opened = (stageId: string) => async (sessionId: string) => {
    await acceptAll(sessionId);
    expect((await open(sessionId, stageId)).status).toBe(200);
  };
  const sessionsPath = () => `/api/initiatives/${world.seed.initiativeId}/sessions`;
  const methodsPath = () => `/api/initiatives/${world.seed.initiativeId}/methods`;
  const countOf = async (path: string) =>
    ((await (await world.facilitator.get(path)).json()) as unknown[]).length;

  const declarations = () =>
    world.server.db.query(
      `SELECT relation, declared_at::text AS at FROM dependency_declarations
       WHERE initiative_id = $1 AND declared_by = $2`,
      [world.seed.initiativeId, world.ids.ebe],
    );

  const cases: CommandCase[] = [
    {
      name: 'starting a session',
      action: 'method_session.start',
      status: 201,
      arrange: async () => ({ before: await countOf(sessionsPath()) }),
      act: () =>
        world.facilitator.post(sessionsPath(), {
          methodId: 'merging-of-knowledge',
          title: 'מה זו בדידות',
          groups: [{ spaceId: lived(), facilitatorIds: [world.ids.facilitator] }],
        }),
      details: () => ({ methodId: 'merging-of-knowledge', groups: [lived()] }),
      state: () => countOf(sessionsPath()),
    },
    {
      name: 'opening a stage',
      action: 'stage.open',
      status: 200,
      access: true,
      session: true,
      arrange: async () => ({ ...(await merging()), before: 'not_started' }),
      act: ({ sessionId }) => open(sessionId!, 'MK-2'),
      details: ({ sessionId }) => ({ sessionId, stageId: 'MK-2', reopened: false }),
      state: (arranged) => stageStatus(arranged, 'MK-2'),
    },
    {
      name: 'closing a stage',
      action: 'stage.close',
      status: 200,
      access: true,
      session: true,
      arrange: async () => ({ ...(await merging(opened('MK-2'))), before: 'open' }),
      act: ({ sessionId }) => world.close(sessionId!, 'MK-2'),
      details: ({ sessionId }) => ({ sessionId, stageId: 'MK-2', overrideReason: null }),
      state: (arranged) => stageStatus(arranged, 'MK-2'),
    },
    {
      name: 'revising the contract',
      action: 'contract.revise',
      status: 200,
      access: true,
      session: true,
      arrange: async () => ({ ...(await merging()), before: 1 }),
      act: ({ sessionId }) =>
        world.facilitator.call('PUT', `/api/sessions/${sessionId}/contract`, {
          confidentiality: 'מה שנאמר כאן נשאר כאן',
          quoting: 'רק בהסכמה',
          leaving: 'אפשר לעזוב בכל עת',
        }),
      details: ({ sessionId }) => ({ sessionId, version: 2 }),
      state: async (arranged) => (await facilitatorView(arranged)).contract.version,
    },
    {
      name: 'accepting the contract',
      action: 'contract.accept',
      status: 201,
      access: true,
      session: true,
      arrange: async () => ({ ...(await merging()), before: false }),
      act: ({ sessionId }) => accept(world.seed.people.ebe, sessionId!),
      details: ({ sessionId }) => ({ sessionId, version: 1 }),
      state: async ({ sessionId }) =>
        (await view(world.seed.people.ebe, sessionId!)).contract.acceptedByMe,
    },
    {
      name: "validating a group's work",
      action: 'stage.validate',
      status: 201,
      session: true,
      arrange: async () => ({ ...(await merging(opened('MK-3'))), before: [] }),
      act: ({ sessionId }) =>
        world.validate(world.seed.people.ebe, sessionId!, 'MK-3', lived(), 'approve'),
      details: ({ sessionId }) => ({ sessionId, stageId: 'MK-3', spaceId: lived(), round: 1 }),
      state: async (arranged) => (await facilitatorView(arranged)).validations,
    },
    {
      name: "releasing a group's work",
      action: 'stage.release',
      status: 201,
      session: true,
      arrange: async () => ({ ...(await merging(opened('MK-5'))), before: [] }),
      act: ({ sessionId }) =>
        world.seed.people.ebe.post(`${stage(sessionId!, 'MK-5')}/releases`, {
          spaceId: lived(),
          items: [],
        }),
      details: ({ sessionId }) => ({ sessionId, stageId: 'MK-5', spaceId: lived(), items: 0 }),
      state: async (arranged) => (await facilitatorView(arranged)).releases,
    },
    {
      name: "naming a group's representatives",
      action: 'session.representatives',
      status: 200,
      access: true,
      session: true,
      arrange: async () => ({ ...(await merging()), before: [] }),
      act: ({ sessionId }) =>
        world.seed.people.ebe.call('PUT', `/api/sessions/${sessionId}/representatives`, {
          spaceId: lived(),
          accountIds: [world.ids.ebe],
        }),
      details: ({ sessionId }) => ({ sessionId, spaceId: lived(), accountIds: [world.ids.ebe] }),
      state: async (arranged) =>
        (await facilitatorView(arranged)).groups.find((g) => g.spaceId === lived())!
          .representatives,
    },
    {
      name: 'choosing the writing team',
      action: 'session.writing_team',
      status: 200,
      access: true,
      session: true,
      arrange: async () => ({ ...(await merging()), before: [] }),
      act: ({ sessionId }) =>
        world.facilitator.call('PUT', `/api/sessions/${sessionId}/writing-team`, {
          accountIds: [world.ids.ebe2, world.ids.practitioner],
        }),
      details: ({ sessionId }) => ({
        sessionId,
        accountIds: [world.ids.ebe2, world.ids.practitioner],
      }),
      state: async (arranged) => (await facilitatorView(arranged)).writingTeam,
    },
    {
      name: "the owner's confirmation",
      action: 'stage.owner_confirm',
      status: 201,
      session: true,
      arrange: async () => {
        const { ebe, ebe2 } = world.seed.people;
        const session: SessionView = await start({
          methodId: 'learning-from-success',
          title: 'יצאתי מהבית',
          groups: [{ spaceId: lived(), facilitatorIds: [world.ids.facilitator] }],
          ownerId: world.ids.ebe,
        });
        for (const who of [ebe, ebe2]) await accept(who, session.id);
        expect((await open(session.id, 'LS-1')).status).toBe(200);
        return { sessionId: session.id, before: [] };
      },
      act: ({ sessionId }) =>
        world.seed.people.ebe.post(`${stage(sessionId!, 'LS-1')}/owner-confirmation`, {}),
      details: ({ sessionId }) => ({ sessionId, stageId: 'LS-1', round: 1 }),
      state: async (arranged) => (await facilitatorView(arranged)).ownerConfirmations,
    },
    {
      name: 'posting in a stage',
      action: 'contribution.add',
      status: 201,
      session: true,
      arrange: async () => ({ ...(await merging(opened('MK-2'))), before: 0 }),
      act: ({ sessionId }) =>
        world.seed.people.ebe.post(`${stage(sessionId!, 'MK-2')}/contributions`, {
          body: 'הבדידות מתחילה בערב',
        }),
      // Ids and kind, never the words.
      details: ({ sessionId }) => ({ sessionId, stageId: 'MK-2', kind: 'post', parentId: null }),
      state: async (arranged) => (await facilitatorView(arranged)).contributions.length,
    },
    {
      name: 'setting a stage timer',
      action: 'stage.timer',
      status: 200,
      session: true,
      arrange: async () => ({ ...(await merging(opened('MK-2'))), before: null }),
      act: ({ sessionId }) =>
        world.facilitator.call('PUT', `${stage(sessionId!, 'MK-2')}/timer`, { minutes: 10 }),
      details: ({ sessionId }) => ({ sessionId, stageId: 'MK-2', minutes: 10 }),
      state: async (arranged) =>
        (await facilitatorView(arranged)).stages.find((s) => s.id === 'MK-2')!.timerEndsAt,
    },
    {
      name: 'changing the alert threshold',
      action: 'session.alert_threshold',
      status: 200,
      session: true,
      arrange: async () => ({ ...(await merging()), before: 30 }),
      act: ({ sessionId }) =>
        world.facilitator.call('PUT', `/api/sessions/${sessionId}/alert-threshold`, {
          percent: 60,
        }),
      details: ({ sessionId }) => ({ sessionId, percent: 60 }),
      state: async ({ sessionId }) => {
        const path = `/api/sessions/${sessionId}/participation`;
        const read = (await (await world.facilitator.get(path)).json()) as {
          synthesis: { threshold: number };
        };
        return read.synthesis.threshold;
      },
    },
    {
      name: 'adapting a method',
      action: 'method.adapt',
      status: 201,
      arrange: async () => ({ before: await countOf(methodsPath()) }),
      act: () => world.facilitator.post(methodsPath(), { from: 'learning-from-success' }),
      details: () => ({ from: 'learning-from-success' }),
      state: () => countOf(methodsPath()),
    },
    {
      name: 'declaring a dependency',
      action: 'dependency.declare',
      status: 204,
      arrange: async () => ({ before: await declarations() }),
      act: () =>
        world.seed.people.ebe.post(`/api/initiatives/${world.seed.initiativeId}/dependencies`, {
          otherAccountId: world.ids.practitioner,
          relation: 'family',
        }),
      details: () => ({ otherId: world.ids.practitioner, relation: 'family' }),
      // An upsert: a second declaration would renew `declared_at`.
      state: () => declarations(),
    },
  ];
  describe.each(cases)('$name', (command) => {
    it(`stores its change with a ${command.action} audit entry, then tells open pages`, async () => {
      const arranged = await command.arrange();
      heard = [];
      expect((await command.act(arranged)).status).toBe(command.status);
      expect(await entries(command.action)).toContainEqual(
        expect.objectContaining(command.details(arranged)),
      );
      expect(await command.state(arranged)).not.toEqual(arranged.before);
      if (command.session) expect(heard).toContain(`session:${arranged.sessionId}`);
      if (command.action === 'method_session.start')
        expect(heard.filter((event) => event.startsWith('session:'))).toHaveLength(1);
      expect(heard.includes('access')).toBe(!!command.access);
    });

    it('leaves nothing behind and tells nobody when its audit entry cannot be stored', async () => {
      const arranged = await command.arrange();
      const stored = (await entries(command.action)).length;
      heard = [];
      audit.failing = true;
      expect((await command.act(arranged)).status).toBe(500);
      audit.failing = false;
      expect(await command.state(arranged)).toEqual(arranged.before);
      expect(await entries(command.action)).toHaveLength(stored);
      expect(heard).toEqual([]);
    });
  });
});
