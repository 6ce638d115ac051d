import type { Finding, InsightCard, MyWords, SessionView, Story } from '@mizug/domain';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { placeCard } from '../packages/editor/src/board';
import { storedDoc } from '../server/src/collab/stored-text';
import { appendUpdates } from '../server/src/db/repositories/collab-documents';
import {
  addFinding,
  BoardEditor,
  cardFromStory,
  findingOf,
  tellStory,
} from './factories/board-world';
import { errorOf, useSessionWorld } from './factories/method-session';
import type { Person } from './factories/person';
import { testStorages } from './support/databases';

/**
 * MK-8: every person the final text quotes approves their quote and the credit it carries before
 * the finding is final; a final finding keeps its cards as they were.
 */
describe.each(testStorages)('quote approval at the final co-writing over %s', (kind) => {
  const world = useSessionWorld(kind);
  const { lived, practitioners, view, open, close, acceptAll } = world;
  let editors: BoardEditor[] = [];
  afterEach(() => {
    for (const editor of editors) editor.close();
    editors = [];
  });

  async function approveAndClose(sessionId: string, stageId: string) {
    expect((await open(sessionId, stageId)).status).toBe(200);
    await world.approveBoth(sessionId, stageId);
    expect((await close(sessionId, stageId)).status).toBe(200);
  }

  /** A session at MK-8 and its co-writing board, as the facilitator (who writes there) sees it. */
  async function coWritingBoard() {
    const { id } = await world.startMerging();
    await acceptAll(id);
    for (const stageId of ['MK-3', 'MK-4']) await approveAndClose(id, stageId);
    // MK-7 is validated on the synthesis board, finding by finding.
    expect((await open(id, 'MK-7')).status).toBe(200);
    await world.approveOnBoard(id, 'MK-7');
    expect((await close(id, 'MK-7')).status).toBe(200);
    expect((await open(id, 'MK-8')).status).toBe(200);
    const session: SessionView = await view(world.facilitator, id);
    const boardId = session.stages.find((stage) => stage.id === 'MK-8')!.boards[0]!.boardId;
    const response = await world.facilitator.get(`/api/boards/${boardId}`);
    expect(response.status).toBe(200);
    return response.json() as Promise<import('@mizug/domain').Board>;
  }

  async function quotedStory(teller: Person, text: string, quoting: 'yes' | 'ask_first') {
    const story: Story = await tellStory(world.server, world.seed, teller, text, {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: teller === world.seed.people.ebe ? 'ורד' : 'שקד',
      quoting,
    });
    return story;
  }

  const act = (findingId: string, step: 'return' | 'revise' | 'finalize') =>
    world.facilitator.post(`/api/findings/${findingId}/${step}`, {});
  const bothApprove = async (findingId: string) => {
    const { ebe, practitioner } = world.seed.people;
    for (const [who, spaceId] of [
      [ebe, lived()],
      [practitioner, practitioners()],
    ] as const)
      expect(
        (
          await who.post(`/api/findings/${findingId}/decisions`, {
            spaceId,
            decision: 'approve',
            comment: '',
          })
        ).status,
      ).toBe(201);
  };
  const answer = (who: Person, findingId: string, cardId: string, approve: boolean) =>
    who.call('PUT', `/api/findings/${findingId}/quotes/${cardId}`, { approve });
  const myWords = async (who: Person) => {
    const response = await who.get(`/api/initiatives/${world.seed.initiativeId}/my-words`);
    expect(response.status).toBe(200);
    return (await response.json()) as MyWords;
  };

  /** The MK-8 board with one finding citing a card of each teller's story, returned. */
  async function returnedFinding() {
    const { ebe, ebe2 } = world.seed.people;
    const board = await coWritingBoard();
    const first = await quotedStory(ebe, 'בערב השקט הכי חזק, אמרה', 'yes');
    const second = await quotedStory(ebe2, 'אף אחד לא שואל מה שלומי', 'ask_first');
    const synthesis = world.seed.spaces.synthesis;
    const cards: InsightCard[] = [
      await cardFromStory(world.facilitator, synthesis, first.id, 'השקט הכי חזק'),
      await cardFromStory(world.facilitator, synthesis, second.id, 'אף אחד לא שואל'),
    ];
    const finding = await addFinding(world.facilitator, board.id, 'בדידות');
    const editor = await BoardEditor.open(world.server, board, world.facilitator);
    editors.push(editor);
    await editor.place(cards[0]!.id, finding.id, 0);
    await editor.place(cards[1]!.id, finding.id, 1);
    await editor.write(finding.id, 'statement', [
      'בערב ',
      { card: cards[0]!.id },
      ' ואין שואלים ',
      { card: cards[1]!.id },
    ]);
    expect((await act(finding.id, 'return')).status).toBe(200);
    return { board, finding, cards, editor };
  }

  it('asks each quoted teller on their page, with the quote in context and the credit it carries', async () => {
    const { ebe, ebe2 } = world.seed.people;
    const { finding, cards } = await returnedFinding();
    const mine = await myWords(ebe);
    const use = mine.stories
      .flatMap((story) => story.cards)
      .find((c) => c.cardId === cards[0]!.id)!;
    expect(use.context).toEqual({ before: 'בערב ', quote: 'השקט הכי חזק', after: ', אמרה' });
    expect(use.findings).toEqual([
      expect.objectContaining({
        id: finding.id,
        cites: true,
        approval: { credit: { credit: 'pseudonym', name: 'ורד' }, decision: 'pending' },
      }),
    ]);
    // Nobody else is asked about another person's words.
    const theirs = (await myWords(ebe2)).stories.flatMap((story) => story.cards);
    expect(theirs.map((c) => c.cardId)).toEqual([cards[1]!.id]);
    expect(theirs[0]!.findings[0]!.approval).toEqual({
      credit: { credit: 'pseudonym', name: 'שקד' },
      decision: 'pending',
    });
    const returned = await findingOf(world.facilitator, finding.id);
    expect(returned.quoteApproval).toEqual({ waiting: 2, approved: 0, declined: 0 });
    // The credit block counts only quotes that may be used: the "ask me first" one still waits.
    expect(returned.credits).toEqual({
      people: [{ credit: 'pseudonym', name: 'ורד' }],
      anonymous: 0,
      groups: [],
    });
  });

  it('says with the board whose decision each reader may record', async () => {
    const board = await coWritingBoard();
    const decidesFor = async (who: Person) =>
      ((await (await who.get(`/api/boards/${board.id}`)).json()) as { decidesFor: string[] })
        .decidesFor;
    expect(await decidesFor(world.seed.people.ebe)).toEqual([lived()]);
    expect(await decidesFor(world.seed.people.practitioner)).toEqual([practitioners()]);
    // The facilitator writes the board but records no group's decision.
    expect(await decidesFor(world.facilitator)).toEqual([]);
  });

  it('refuses to make it final while quotes wait, says how many, and lets only the quoted person answer', async () => {
    const { ebe, ebe2, practitioner } = world.seed.people;
    const { finding, cards } = await returnedFinding();
    await bothApprove(finding.id);
    const refused = await act(finding.id, 'finalize');
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ code: 'quotes_not_approved', waiting: 2 });

    // Someone who reads the card but is not its teller is told it is not theirs; nothing changes.
    const notTheirs = await answer(practitioner, finding.id, cards[0]!.id, true);
    expect(notTheirs.status).toBe(403);
    expect((await errorOf(notTheirs)).code).toBe('not_the_teller');
    // A teller is asked about their own quote only.
    const other = await answer(ebe, finding.id, cards[1]!.id, true);
    expect([403, 404]).toContain(other.status);
    expect((await findingOf(world.facilitator, finding.id)).quoteApproval?.waiting).toBe(2);

    const approved = await answer(ebe, finding.id, cards[0]!.id, true);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toEqual({
      credit: { credit: 'pseudonym', name: 'ורד' },
      decision: 'approved',
    });
    const stillOne = await act(finding.id, 'finalize');
    expect(await errorOf(stillOne)).toMatchObject({ code: 'quotes_not_approved', waiting: 1 });

    // Approving an "ask me first" quote in the final text approves its quoting too.
    expect((await answer(ebe2, finding.id, cards[1]!.id, true)).status).toBe(200);
    const final = await act(finding.id, 'finalize');
    expect(final.status).toBe(200);
    const body = (await final.json()) as Finding;
    expect(body.status).toBe('final');
    expect(body.cards.find((c) => c.id === cards[1]!.id)?.quoteConsent).toBe('approved');
    expect(body.credits.people).toEqual([
      { credit: 'pseudonym', name: 'ורד' },
      { credit: 'pseudonym', name: 'שקד' },
    ]);

    const audited = await world.server.db.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM audit_log WHERE initiative_id = $1
       AND action IN ('finding.quotes_request', 'finding.quote_decide')
       AND details->>'findingId' = $2 ORDER BY id`,
      [world.seed.initiativeId, finding.id],
    );
    expect(audited.map((row) => row.action)).toEqual([
      'finding.quotes_request',
      'finding.quote_decide',
      'finding.quote_decide',
    ]);
  });

  it('refuses to make it final while it cites a declined quote, until the statement drops it', async () => {
    const { ebe, ebe2 } = world.seed.people;
    const { finding, cards, editor } = await returnedFinding();
    await bothApprove(finding.id);
    expect((await answer(ebe, finding.id, cards[0]!.id, true)).status).toBe(200);
    expect((await answer(ebe2, finding.id, cards[1]!.id, false)).status).toBe(200);
    const refused = await act(finding.id, 'finalize');
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('quote_declined_in_statement');
    expect((await findingOf(world.facilitator, finding.id)).quoteApproval).toEqual({
      waiting: 0,
      approved: 1,
      declined: 1,
    });

    expect((await act(finding.id, 'revise')).status).toBe(200);
    await editor.write(finding.id, 'statement', ['בערב ', { card: cards[0]!.id }]);
    expect((await act(finding.id, 'return')).status).toBe(200);
    await bothApprove(finding.id);
    const final = await act(finding.id, 'finalize');
    expect(final.status).toBe(200);
    expect(((await final.json()) as Finding).credits.people).toEqual([
      { credit: 'pseudonym', name: 'ורד' },
    ]);
  });

  it('asks again when the teller changes how the story credits them', async () => {
    const { ebe } = world.seed.people;
    const { finding, cards } = await returnedFinding();
    expect((await answer(ebe, finding.id, cards[0]!.id, true)).status).toBe(200);
    const storyId = cards[0]!.source.id;
    expect(
      (
        await ebe.call('PUT', `/api/stories/${storyId}/consent`, {
          audience: 'working_group',
          credit: 'anonymous',
          quoting: 'yes',
        })
      ).status,
    ).toBe(200);
    const use = (await myWords(ebe)).stories
      .flatMap((story) => story.cards)
      .find((c) => c.cardId === cards[0]!.id)!;
    expect(use.findings[0]!.approval).toEqual({
      credit: { credit: 'anonymous', name: null },
      decision: 'pending',
    });
    expect((await findingOf(world.facilitator, finding.id)).quoteApproval?.waiting).toBe(2);
  });

  it('keeps a final finding’s cards as they were when it was made final', async () => {
    const { ebe, ebe2 } = world.seed.people;
    const { board, finding, cards } = await returnedFinding();
    await bothApprove(finding.id);
    expect((await answer(ebe, finding.id, cards[0]!.id, true)).status).toBe(200);
    expect((await answer(ebe2, finding.id, cards[1]!.id, true)).status).toBe(200);
    expect((await act(finding.id, 'finalize')).status).toBe(200);
    // The board's document says otherwise afterwards: the card is moved out of the finding.
    const doc = await storedDoc(world.server.db, board.docName);
    const before = Y.encodeStateVector(doc);
    placeCard(doc, cards[1]!.id, null, 0);
    await appendUpdates(world.server.db, board.docName, [Y.encodeStateAsUpdate(doc, before)]);
    doc.destroy();
    const listed = await world.facilitator.get(
      `/api/initiatives/${world.seed.initiativeId}/findings`,
    );
    const final = ((await listed.json()) as Finding[]).find((f) => f.id === finding.id)!;
    expect(final.cards.map((c) => c.id)).toEqual([cards[0]!.id, cards[1]!.id]);
    expect(final.balance.byKnowledgeType).toEqual([
      expect.objectContaining({ knowledgeType: 'lived_experience', cards: 2, people: 2 }),
    ]);
    // Its disagreement register is closed with it, whoever asks.
    for (const [who, spaceId] of [
      [world.facilitator, lived()],
      [ebe, lived()],
    ] as const) {
      const refused = await who.post(`/api/findings/${finding.id}/disagreements`, {
        spaceId,
        position: 'לא כולם מסכימים',
      });
      expect(refused.status).toBe(409);
      expect((await errorOf(refused)).code).toBe('finding_final');
    }
    const boardView = await world.facilitator.get(`/api/boards/${board.id}`);
    expect(
      ((await boardView.json()) as { balance: Finding['balance'] }).balance.byKnowledgeType,
    ).toEqual([expect.objectContaining({ cards: 2 })]);
  });
});
