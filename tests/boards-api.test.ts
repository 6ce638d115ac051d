import {
  apiErrorSchema,
  boardSchema,
  findingSchema,
  type AuditEntry,
  type Board,
  type Finding,
  type SessionView,
} from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addFinding,
  BoardEditor,
  cardFromStory,
  findingOf,
  makeBoard,
  tellStory,
} from './factories/board-world';
import { cardWorld } from './factories/card-world';
import { invitePerson, type SeededInitiative } from './factories/initiative';
import { overHttp, type Person } from './factories/person';
import { testStorages } from './support/databases';
import { openEventStream } from './support/event-stream';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;
const pseudonymous = {
  audience: 'working_group',
  credit: 'pseudonym',
  pseudonym: 'ורד',
  quoting: 'yes',
} as const;

describe.each(testStorages)('boards and findings over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let editors: BoardEditor[] = [];

  async function openEditor(board: Board, who: Person = facilitator) {
    const editor = await BoardEditor.open(server, board, who);
    editors.push(editor);
    return editor;
  }

  async function initiativeFindings(who: Person) {
    const response = await who.get(`/api/initiatives/${seed.initiativeId}/findings`);
    expect(response.status).toBe(200);
    return findingSchema.array().parse(await response.json());
  }

  async function auditOf(action: string): Promise<AuditEntry[]> {
    const response = await seed.admin.get(
      `/api/initiatives/${seed.initiativeId}/audit?action=${action}`,
    );
    return (await response.json()) as AuditEntry[];
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    ({ seed, facilitator } = await cardWorld(server));
  });
  afterEach(() => {
    for (const editor of editors) editor.close();
    editors = [];
  });
  afterAll(() => server.stop());

  it('makes a synthesis board that its space reads and its writers write, with every peer group deciding', async () => {
    const { ebe, practitioner, researcher } = seed.people;
    const board = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'מה זו בדידות' });
    expect(boardSchema.parse(board)).toMatchObject({
      spaceId: seed.spaces.synthesis,
      sessionId: null,
      docName: `board.${board.id}.layout`,
      canWrite: true,
      groups: [
        { spaceId: seed.spaces.lived_experience, kind: 'lived_experience' },
        { spaceId: seed.spaces.practitioners, kind: 'practitioners' },
      ],
      balance: { byKnowledgeType: [], livedExperienceMissing: false },
    });
    const asResearcher = await researcher.get(`/api/boards/${board.id}`);
    expect(asResearcher.status).toBe(200);
    expect(((await asResearcher.json()) as Board).canWrite).toBe(false);
    const listed = await ebe.get(`/api/spaces/${seed.spaces.synthesis}/boards`);
    expect(((await listed.json()) as Board[]).map(({ id }) => id)).toContain(board.id);

    // The working group writes here; a member outside it, or a researcher, does not.
    expect((await addFinding(practitioner, board.id, 'בדידות בערב')).status).toBe('draft');
    const notAWriter = await ebe.post(`/api/boards/${board.id}/findings`, { title: 'x' });
    expect(notAWriter.status).toBe(403);
    expect((await errorOf(notAWriter)).code).toBe('forbidden');
    expect(
      (await researcher.post(`/api/spaces/${seed.spaces.synthesis}/boards`, { title: 'x' })).status,
    ).toBe(403);

    const [created] = (await auditOf('board.create')).filter((e) => e.details.boardId === board.id);
    expect(created).toMatchObject({ actor: { displayName: 'נועה' } });
    expect(
      (await auditOf('finding.create')).filter((e) => e.details.boardId === board.id),
    ).toHaveLength(1);
  });

  it("keeps a peer group's board to that group, drafted by its facilitators", async () => {
    const { ebe, practitioner, researcher } = seed.people;
    const guarantor = await invitePerson(overHttp(server.url), seed.admin, seed.initiativeId, {
      handle: 'gal',
      displayName: 'גל',
      role: 'facilitator',
      spaceId: seed.spaces.lived_experience,
    });
    // Its members validate it; drafting it is the facilitators'.
    const byMember = await ebe.post(`/api/spaces/${seed.spaces.lived_experience}/boards`, {
      title: 'מה אמרנו',
    });
    expect(byMember.status).toBe(403);
    const board = await makeBoard(guarantor, seed.spaces.lived_experience, { title: 'מה אמרנו' });
    expect(board.groups).toEqual([
      { spaceId: seed.spaces.lived_experience, kind: 'lived_experience', name: null },
    ]);
    const finding = await addFinding(guarantor, board.id, 'ערבים');
    expect(((await (await ebe.get(`/api/boards/${board.id}`)).json()) as Board).canWrite).toBe(
      false,
    );
    for (const outsider of [practitioner, researcher]) {
      const path = `/api/spaces/${seed.spaces.lived_experience}/boards`;
      expect((await outsider.post(path, { title: 'x' })).status).toBe(404);
      expect((await outsider.get(path)).status).toBe(404);
      expect((await outsider.get(`/api/boards/${board.id}`)).status).toBe(404);
      expect((await outsider.get(`/api/findings/${finding.id}`)).status).toBe(404);
      expect((await initiativeFindings(outsider)).map(({ id }) => id)).not.toContain(finding.id);
    }
    expect((await initiativeFindings(ebe)).map(({ id }) => id)).toContain(finding.id);
    expect((await ebe.post(`/api/findings/${finding.id}/return`, {})).status).toBe(403);
    expect((await guarantor.post(`/api/findings/${finding.id}/return`, {})).status).toBe(200);
    const decided = await ebe.post(`/api/findings/${finding.id}/decisions`, {
      spaceId: seed.spaces.lived_experience,
      decision: 'approve',
    });
    expect(decided.status).toBe(201);
    expect((await guarantor.post(`/api/findings/${finding.id}/finalize`, {})).status).toBe(200);
  });

  it("makes one board per session and space, only for the session's spaces", async () => {
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'merging-of-knowledge',
      title: 'מה זו בדידות',
      groups: [
        {
          spaceId: seed.spaces.lived_experience,
          facilitatorIds: [await facilitator.accountId()],
        },
      ],
    });
    const session = (await started.json()) as SessionView;
    // A session's boards are made with it, one per space its stages work on.
    const listed = await facilitator.get(`/api/spaces/${seed.spaces.synthesis}/boards`);
    const board = ((await listed.json()) as Board[]).find((b) => b.sessionId === session.id);
    expect(board).toMatchObject({ groups: [{ spaceId: seed.spaces.lived_experience }] });
    const twice = await facilitator.post(`/api/spaces/${seed.spaces.synthesis}/boards`, {
      title: 'שוב',
      sessionId: session.id,
    });
    expect((await errorOf(twice)).code).toBe('conflict');
    const unknown = await facilitator.post(`/api/spaces/${seed.spaces.synthesis}/boards`, {
      title: 'אחר',
      sessionId: crypto.randomUUID(),
    });
    expect(unknown.status).toBe(400);
    const notInSession = await facilitator.post(`/api/spaces/${seed.spaces.practitioners}/boards`, {
      title: 'אחר',
      sessionId: session.id,
    });
    expect(notInSession.status).toBe(404);
  });

  it('shows each finding with its cards and balance, a withdrawn card withdrawn and not counted', async () => {
    const { ebe, practitioner, researcher } = seed.people;
    const lived = await tellStory(server, seed, ebe, 'הערבים הם הכי קשים לבד', pseudonymous);
    const practice = await tellStory(
      server,
      seed,
      practitioner,
      'Home visits reduce isolation',
      { ...pseudonymous, pseudonym: 'Y' },
      seed.spaces.practitioners,
    );
    const livedCard = await cardFromStory(
      practitioner,
      seed.spaces.synthesis,
      lived.id,
      'הערבים הם הכי קשים',
    );
    const practiceCard = await cardFromStory(
      practitioner,
      seed.spaces.synthesis,
      practice.id,
      'Home visits',
    );
    const board = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'איזון' });
    const finding = await addFinding(facilitator, board.id, 'ביקורי בית');
    const editor = await openEditor(board);
    await editor.place(practiceCard.id, finding.id, 2);
    await editor.place(livedCard.id, finding.id, 1);
    await editor.write(finding.id, 'statement', [
      { card: practiceCard.id },
      ' ',
      { card: livedCard.id },
    ]);

    const [read] = (await initiativeFindings(researcher)).filter(({ id }) => id === finding.id);
    expect(read).toMatchObject({
      statement: '[1] [2]',
      citations: [practiceCard.id, livedCard.id],
    });
    expect(read!.cards.map(({ id }) => id)).toEqual([livedCard.id, practiceCard.id]);
    expect(read!.cards[0]).toMatchObject({
      quote: 'הערבים הם הכי קשים',
      source: { kind: 'story', id: lived.id },
      group: { spaceId: seed.spaces.lived_experience },
      knowledgeType: 'lived_experience',
      credit: { credit: 'pseudonym', name: 'ורד' },
      withdrawn: false,
    });
    expect(read!.balance).toEqual({
      byKnowledgeType: [
        { knowledgeType: 'lived_experience', cards: 1, words: 4, people: 1 },
        { knowledgeType: 'practice', cards: 1, words: 2, people: 1 },
      ],
      livedExperienceMissing: false,
    });
    const boardRead = (await (await researcher.get(`/api/boards/${board.id}`)).json()) as Board;
    expect(boardRead.balance).toEqual(read!.balance);

    expect((await ebe.call('PUT', `/api/stories/${lived.id}/withdrawal`, {})).status).toBe(200);
    const after = await findingOf(researcher, finding.id);
    expect(after.cards[0]).toMatchObject({ id: livedCard.id, withdrawn: true, quote: null });
    // Without the lived experience, the finding rests on professionals alone.
    expect(after.balance).toEqual({
      byKnowledgeType: [{ knowledgeType: 'practice', cards: 1, words: 2, people: 1 }],
      livedExperienceMissing: true,
    });
  });

  it('never names an anonymous teller in the findings, their cards or what they cite', async () => {
    // Salma, in the working group, tells anonymously and quotes herself in the synthesis.
    const { ebe2: teller, practitioner } = seed.people;
    const anonymous = { audience: 'working_group', credit: 'anonymous', quoting: 'yes' } as const;
    const story = await tellStory(server, seed, teller, 'אף אחד לא מתקשר אליי', anonymous);
    // The teller makes the card herself: naming its maker would name her.
    const own = await cardFromStory(teller, seed.spaces.synthesis, story.id, 'לא מתקשר');
    const other = await cardFromStory(practitioner, seed.spaces.synthesis, story.id, 'אף אחד');
    const board = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'אנונימי' });
    const finding = await addFinding(facilitator, board.id, 'שקט');
    const editor = await openEditor(board);
    await editor.place(own.id, finding.id);
    await editor.place(other.id, finding.id, 1);
    await editor.write(finding.id, 'statement', ['שקט ', { card: own.id }]);

    const tellerId = await teller.accountId();
    for (const reader of [practitioner, facilitator, seed.people.researcher, seed.people.ebe]) {
      const seen = JSON.stringify([
        await initiativeFindings(reader),
        await findingOf(reader, finding.id),
        await (await reader.get(`/api/boards/${board.id}/findings`)).json(),
      ]);
      for (const secret of [tellerId, 'سلمى', 'salma']) expect(seen).not.toContain(secret);
      const read = await findingOf(reader, finding.id);
      expect(read.cards.map(({ credit }) => credit)).toEqual([
        { credit: 'anonymous', name: null },
        { credit: 'anonymous', name: null },
      ]);
      expect(read.cards[0]!.createdBy).toBeNull();
    }
  });

  it('tells open pages a board changed, after the change is stored', async () => {
    const board = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'אירועים' });
    const seen: [string, string][] = [];
    const listener = (initiativeId: string, boardId: string) => seen.push([initiativeId, boardId]);
    server.events.on('boardChanged', listener);
    try {
      const finding: Finding = await addFinding(facilitator, board.id, 'אחת');
      expect(seen).toEqual([[seed.initiativeId, board.id]]);
      const renamed = await facilitator.call('PATCH', `/api/findings/${finding.id}`, {
        title: 'שתיים',
      });
      expect(((await renamed.json()) as Finding).title).toBe('שתיים');
      expect(seen).toHaveLength(2);
      expect(
        (await auditOf('finding.rename')).filter((e) => e.details.findingId === finding.id),
      ).toHaveLength(1);
    } finally {
      server.events.off('boardChanged', listener);
    }
  });

  it("tells the event stream of a board's change only to those who read it", async () => {
    const guarantor = await invitePerson(overHttp(server.url), seed.admin, seed.initiativeId, {
      handle: 'tal',
      displayName: 'טל',
      role: 'facilitator',
      spaceId: seed.spaces.lived_experience,
    });
    const member = await openEventStream(
      server.url,
      seed.initiativeId,
      seed.people.ebe.sessionCookie,
    );
    const outsider = await openEventStream(
      server.url,
      seed.initiativeId,
      seed.people.practitioner.sessionCookie,
    );
    try {
      const peer = await makeBoard(guarantor, seed.spaces.lived_experience, { title: 'שלנו' });
      await addFinding(guarantor, peer.id, 'ערבים');
      expect(
        await member.until((event) => event.event === 'board' && event.data === peer.id),
      ).toContainEqual({ event: 'board', data: peer.id });
      // The synthesis board's change is the first thing the practitioner hears of boards.
      const synthesis = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'כולנו' });
      await addFinding(facilitator, synthesis.id, 'ביחד');
      const heard = await outsider.until((event) => event.event === 'board');
      expect(heard.filter((event) => event.event === 'board')).toEqual([
        { event: 'board', data: synthesis.id },
      ]);
      expect(outsider.text()).not.toContain(peer.id);
    } finally {
      await member.close();
      await outsider.close();
    }
  });
});
