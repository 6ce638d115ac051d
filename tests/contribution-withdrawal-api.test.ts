import type { InsightCard, SessionView } from '@mizug/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardsIn, makeCard } from './factories/card-world';
import { errorOf, useSessionWorld } from './factories/method-session';
import { withFailingAudit } from './support/audit-failure';
import { testStorages } from './support/databases';

/** A participant withdraws their own session post, as the participation contract promises. */
describe.each(testStorages)('withdrawing a session post over %s', (kind) => {
  let audit!: ReturnType<typeof withFailingAudit>;
  const world = useSessionWorld(kind, (db) => (audit = withFailingAudit(db)).db);
  let heard: string[] = [];
  const onSession = (_initiativeId: string, sessionId: string) => heard.push(sessionId);
  beforeEach(() => {
    heard = [];
    world.server.events.on('sessionChanged', onSession);
  });
  afterEach(() => {
    audit.failing = false;
    world.server.events.off('sessionChanged', onSession);
  });

  const entries = async (action: string) => {
    const rows = await world.server.db.query<{ details: string }>(
      'SELECT details::text AS details FROM audit_log WHERE action = $1 AND initiative_id = $2',
      [action, world.seed.initiativeId],
    );
    return rows.map((row) => JSON.parse(row.details) as Record<string, unknown>);
  };
  const postIn = (view: SessionView, id: string) => view.contributions.find((c) => c.id === id)!;

  it('lets only its author withdraw it; others no longer read it, and cards quoting it withdraw', async () => {
    const { ebe, ebe2, practitioner } = world.seed.people;
    const session = await world.startMerging();
    await world.acceptAll(session.id);
    expect((await world.open(session.id, 'MK-2')).status).toBe(200);
    const body = 'הבדידות מתחילה בערב';
    const posted = await ebe.post(`${world.stage(session.id, 'MK-2')}/contributions`, { body });
    expect(posted.status).toBe(201);
    const postId = (await world.view(ebe2, session.id)).contributions.find(
      (c) => c.body === body,
    )!.id;
    const fromPost = { source: { kind: 'post' as const, id: postId }, quote: 'מתחילה בערב' };
    const card = await makeCard(ebe2, world.lived(), fromPost);
    expect(card.status).toBe(201);
    const cardId = ((await card.json()) as InsightCard).id;
    const withdrawal = `/api/sessions/${session.id}/contributions/${postId}/withdrawal`;

    // Another member of the group and the facilitator read it but may not; an outsider sees nothing.
    expect((await ebe2.call('PUT', withdrawal)).status).toBe(403);
    expect((await world.facilitator.call('PUT', withdrawal)).status).toBe(403);
    expect((await practitioner.call('PUT', withdrawal)).status).toBe(404);

    // A failing audit insert leaves the post standing and tells nobody.
    heard = [];
    audit.failing = true;
    expect((await ebe.call('PUT', withdrawal)).status).toBeGreaterThanOrEqual(500);
    audit.failing = false;
    expect(postIn(await world.view(ebe2, session.id), postId)).toMatchObject({
      body,
      withdrawn: false,
    });
    expect(await entries('contribution.withdraw')).toEqual([]);
    expect(heard).toEqual([]);

    const withdrawn = await ebe.call('PUT', withdrawal);
    expect(withdrawn.status).toBe(200);
    expect(postIn((await withdrawn.json()) as SessionView, postId)).toMatchObject({
      body,
      withdrawn: true,
    });
    expect(heard).toContain(session.id);
    expect(postIn(await world.view(ebe2, session.id), postId)).toMatchObject({
      body: '',
      withdrawn: true,
    });
    expect(JSON.stringify(await world.view(world.facilitator, session.id))).not.toContain(body);
    const [shown] = (await cardsIn(ebe2, world.lived())).filter((c) => c.id === cardId);
    expect(shown).toMatchObject({ withdrawn: true, quote: null });
    expect((await errorOf(await makeCard(ebe2, world.lived(), fromPost))).code).toBe(
      'source_withdrawn',
    );
    expect(await entries('contribution.withdraw')).toEqual([
      {
        sessionId: session.id,
        contributionId: postId,
        stageId: 'MK-2',
        spaceId: world.lived(),
        kind: 'post',
      },
    ]);

    // Undoing it lets the post stand again, for the others and its cards.
    expect((await ebe2.call('DELETE', withdrawal)).status).toBe(403);
    expect((await ebe.call('DELETE', withdrawal)).status).toBe(200);
    expect(postIn(await world.view(ebe2, session.id), postId)).toMatchObject({
      body,
      withdrawn: false,
    });
    const [again] = (await cardsIn(ebe2, world.lived())).filter((c) => c.id === cardId);
    expect(again).toMatchObject({ withdrawn: false });
    expect(await entries('contribution.restore')).toHaveLength(1);
  });
});
