import type { MethodDefinition } from '@mizug/methods';
import { describe, expect, it } from 'vitest';
import { errorOf, useSessionWorld } from './factories/method-session';
import type { Person } from './factories/person';
import { testStorages } from './support/databases';

interface MethodEntry {
  ref: string;
  builtin: boolean;
  definition: MethodDefinition;
}

describe.each(testStorages)('method sessions over %s', (kind) => {
  const world = useSessionWorld(kind);
  const { lived, practitioners, view, stage, open, close, validate, accept, start } = world;
  const { startMerging, write, canvasOf } = world;

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

  it('in a session whose PW-8 still holds claims, lets practitioners tag them and the lived-experience group answer the validated ones', async () => {
    const { ebe, practitioner } = world.seed.people;
    // A session started before PW-8 worked on a board: its method, as stored, has claim posts.
    const methodsPath = `/api/initiatives/${world.seed.initiativeId}/methods`;
    const copy = (await (
      await world.facilitator.post(methodsPath, { from: 'practice-wisdom' })
    ).json()) as MethodEntry;
    const { groupBoardWriters: _writers, ...codification } = copy.definition.stages.find(
      (candidate) => candidate.id === 'PW-8',
    )!;
    const withClaims = {
      ...copy.definition,
      stages: copy.definition.stages.map((candidate) =>
        candidate.id === 'PW-8' ? { ...codification, artefact: 'claims' } : candidate,
      ),
    };
    expect(
      (await world.facilitator.call('PUT', `${methodsPath}/${copy.ref}`, withClaims)).status,
    ).toBe(200);
    const session = await start({
      methodId: copy.ref,
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
