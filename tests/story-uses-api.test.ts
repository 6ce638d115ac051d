import {
  apiErrorSchema,
  type AuditEntry,
  type InsightCard,
  type MyWords,
  type SessionView,
  type StoryUses,
} from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardWorld, makeCard } from './factories/card-world';
import type { SeededInitiative } from './factories/initiative';
import type { Person } from './factories/person';
import { addFinding, BoardEditor, findingOf, makeBoard } from './factories/board-world';
import { cardAs, toldStory } from './factories/quoted-story';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

describe.each(testStorages)('where my words are used over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let miriam: Person;

  const usesOf = (who: Person, storyId: string) => who.get(`/api/stories/${storyId}/uses`);
  const withdraw = (who: Person, cardId: string) =>
    who.call('DELETE', `/api/cards/${cardId}/quote`);
  async function quote(who: Person, spaceId: string, storyId: string, words: string) {
    const made = await makeCard(who, spaceId, {
      source: { kind: 'story', id: storyId },
      quote: words,
    });
    expect(made.status).toBe(201);
    return (await made.json()) as InsightCard;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    ({ seed, facilitator } = await cardWorld(server));
    miriam = seed.people.ebe;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('shows the teller every card quoting her story, and nobody else even that there is one', async () => {
    const story = await toldStory(server, seed, miriam, 'בבית הזה אף אחד לא דופק בדלת', {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'ask_first',
    });
    const inSynthesis = await quote(
      seed.people.practitioner,
      seed.spaces.synthesis,
      story.id,
      'לא דופק בדלת',
    );
    const inLived = await quote(
      seed.people.ebe2,
      seed.spaces.lived_experience,
      story.id,
      'בבית הזה',
    );

    // On the synthesis board: one finding holds the card, another cites it in its statement.
    const board = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'בדידות' });
    const holding = await addFinding(facilitator, board.id, 'אף אחד לא בא');
    const citing = await addFinding(facilitator, board.id, 'הבית סגור');
    const editor = await BoardEditor.open(server, board, facilitator);
    try {
      await editor.place(inSynthesis.id, holding.id);
      await editor.write(citing.id, 'statement', ['הבית שקט ', { card: inSynthesis.id }]);
    } finally {
      editor.close();
    }

    const response = await usesOf(miriam, story.id);
    expect(response.status).toBe(200);
    const uses = (await response.json()) as StoryUses;
    expect(uses.story).toMatchObject({ id: story.id, withdrawn: false });
    expect(uses.cards.map((c) => c.cardId)).toEqual([inSynthesis.id, inLived.id]);
    expect(uses.cards[0]).toMatchObject({
      quote: 'לא דופק בדלת',
      context: { before: 'בבית הזה אף אחד ', after: '' },
      space: { id: seed.spaces.synthesis, kind: 'synthesis' },
      group: { id: seed.spaces.lived_experience, kind: 'lived_experience' },
      quoteConsent: 'pending',
      withdrawn: false,
      exportable: false,
      findings: [
        { id: holding.id, boardId: board.id, title: 'אף אחד לא בא', status: 'draft', cites: false },
        { id: citing.id, boardId: board.id, title: 'הבית סגור', status: 'draft', cites: true },
      ],
    });
    // While she has not answered, her words credit nobody; approved, the finding credits her as
    // she chose, never by her name.
    expect((await findingOf(seed.people.practitioner, holding.id)).credits).toEqual({
      people: [],
      anonymous: 0,
      groups: [],
    });
    const approved = await miriam.call('PUT', `/api/cards/${inSynthesis.id}/quote-consent`, {
      approve: true,
    });
    expect(approved.status).toBe(200);
    expect((await findingOf(seed.people.practitioner, holding.id)).credits).toEqual({
      people: [{ credit: 'pseudonym', name: 'ורד' }],
      anonymous: 0,
      groups: [],
    });
    // A card in another space is on no board of the synthesis.
    expect(uses.cards[1]!.findings).toEqual([]);

    // To everyone else (her peer, the maker, the admin) the story's uses are not there.
    const missing = await usesOf(seed.admin, crypto.randomUUID());
    expect(missing.status).toBe(404);
    for (const who of [seed.people.ebe2, seed.people.practitioner, seed.admin, facilitator]) {
      const refused = await usesOf(who, story.id);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual(await missing.clone().json());
    }
  });

  it('withdraws one quote: that card shows withdrawn everywhere, the others stay', async () => {
    const story = await toldStory(server, seed, miriam, 'ביום שישי הבת שלי מתקשרת', {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    });
    const kept = await quote(
      seed.people.practitioner,
      seed.spaces.synthesis,
      story.id,
      'ביום שישי',
    );
    const gone = await quote(
      seed.people.practitioner,
      seed.spaces.synthesis,
      story.id,
      'הבת שלי מתקשרת',
    );

    // Only the person it quotes withdraws it; the card's maker cannot, and nothing changes.
    const byMaker = await withdraw(seed.people.practitioner, gone.id);
    expect(byMaker.status).toBe(403);
    expect((await errorOf(byMaker)).code).toBe('not_the_teller');
    expect((await cardAs(seed.people.researcher, gone.id)).withdrawn).toBe(false);

    const withdrawn = await withdraw(miriam, gone.id);
    expect(withdrawn.status).toBe(200);
    const seen = await cardAs(seed.people.researcher, gone.id);
    expect(seen).toMatchObject({ withdrawn: true, quote: null, anchor: null, exportable: false });
    expect(seen.credit.name).toBeNull();
    const board = await cardsIn(seed.people.ebe2, seed.spaces.synthesis);
    expect(board.find((c) => c.id === gone.id)).toMatchObject({ withdrawn: true, quote: null });
    expect(board.find((c) => c.id === kept.id)).toMatchObject({
      withdrawn: false,
      quote: 'ביום שישי',
    });

    // Her page still shows her words, marked withdrawn.
    const uses = (await (await usesOf(miriam, story.id)).json()) as StoryUses;
    expect(uses.cards.find((c) => c.cardId === gone.id)).toMatchObject({
      quote: 'הבת שלי מתקשרת',
      withdrawn: true,
      exportable: false,
    });
    // Audited as "the teller", by the credit the reader sees.
    const log = (await (
      await seed.admin.get(`/api/initiatives/${seed.initiativeId}/audit?action=quote.withdraw`)
    ).json()) as AuditEntry[];
    expect(log.find((e) => e.details.cardId === gone.id)).toMatchObject({
      actor: null,
      teller: { storyId: story.id, name: 'ורד' },
    });
    expect(JSON.stringify(log)).not.toContain('הבת');
  });

  it("lets a post's author withdraw its quote, and lists her quoted posts with her stories", async () => {
    const { ebe, ebe2, practitioner } = seed.people;
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'merging-of-knowledge',
      title: 'מה זו בדידות',
      groups: [
        { spaceId: seed.spaces.lived_experience, facilitatorIds: [await facilitator.accountId()] },
        { spaceId: seed.spaces.practitioners, facilitatorIds: [await facilitator.accountId()] },
      ],
    });
    expect(started.status).toBe(201);
    const session = (await started.json()) as SessionView;
    for (const who of [ebe, ebe2, practitioner])
      expect((await who.post(`/api/sessions/${session.id}/contract/acceptance`, {})).status).toBe(
        201,
      );
    const stage = `/api/sessions/${session.id}/stages/MK-2`;
    expect((await facilitator.post(`${stage}/open`, {})).status).toBe(200);
    expect((await ebe.post(`${stage}/contributions`, { body: 'הבדידות מתחילה בערב' })).status).toBe(
      201,
    );
    const view = (await (await ebe2.get(`/api/sessions/${session.id}`)).json()) as SessionView;
    const post = view.contributions.find((c) => c.body === 'הבדידות מתחילה בערב')!;
    const made = await makeCard(ebe2, seed.spaces.lived_experience, {
      source: { kind: 'post', id: post.id },
      quote: 'מתחילה בערב',
    });
    const card = (await made.json()) as InsightCard;
    expect(card).toMatchObject({ quoteConsent: 'not_needed', exportable: true });

    const mine = (await (
      await ebe.get(`/api/initiatives/${seed.initiativeId}/my-words`)
    ).json()) as MyWords;
    expect(mine.posts).toEqual([
      {
        post: {
          id: post.id,
          sessionId: session.id,
          excerpt: 'הבדידות מתחילה בערב',
          withdrawn: false,
        },
        cards: [
          expect.objectContaining({
            cardId: card.id,
            context: { before: 'הבדידות ', quote: 'מתחילה בערב', after: '' },
          }),
        ],
      },
    ]);
    expect(mine.stories.length).toBeGreaterThan(0);
    const theirs = (await (
      await ebe2.get(`/api/initiatives/${seed.initiativeId}/my-words`)
    ).json()) as MyWords;
    expect(theirs.posts).toEqual([]);

    expect((await errorOf(await withdraw(ebe2, card.id))).code).toBe('not_the_teller');
    expect((await withdraw(ebe, card.id)).status).toBe(200);
    expect(await cardAs(ebe2, card.id)).toMatchObject({ withdrawn: true, quote: null });
  });
});
