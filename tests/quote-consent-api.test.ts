import {
  apiErrorSchema,
  type AuditEntry,
  type Consent,
  type InsightCard,
  type MyWords,
} from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardWorld, makeCard } from './factories/card-world';
import type { SeededInitiative } from './factories/initiative';
import type { Person } from './factories/person';
import { cardAs, toldStory } from './factories/quoted-story';
import { withFailingAudit } from './support/audit-failure';
import { createTestDatabase, testStorages } from './support/databases';
import { openEventStream } from './support/event-stream';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

const sharedAs = (quoting: Consent['quoting'], pseudonym = 'ורד'): Consent => ({
  audience: 'working_group',
  credit: 'pseudonym',
  pseudonym,
  quoting,
});

describe.each(testStorages)('quote consent over %s', (kind) => {
  let server: TestServer;
  let audit: ReturnType<typeof withFailingAudit>;
  let seed: SeededInitiative;
  let miriam: Person;
  let miriamId: string;

  /** Miriam tells a story; Yossi (practitioner, working group) quotes it in the synthesis. */
  async function quoted(text: string, quote: string, consent: Consent) {
    const story = await toldStory(server, seed, miriam, text, consent);
    const made = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source: { kind: 'story', id: story.id },
      quote,
    });
    expect(made.status).toBe(201);
    return { story, card: (await made.json()) as InsightCard };
  }
  const decide = (who: Person, cardId: string, approve: boolean) =>
    who.call('PUT', `/api/cards/${cardId}/quote-consent`, { approve });
  const auditLog = async (action: string) =>
    (await (
      await seed.admin.get(`/api/initiatives/${seed.initiativeId}/audit?action=${action}`)
    ).json()) as AuditEntry[];
  const requestRows = async (cardId: string) =>
    server.db.query<{ decision: string | null }>(
      'SELECT decision FROM quote_requests WHERE card_id = $1',
      [cardId],
    );

  beforeAll(async () => {
    audit = withFailingAudit(await createTestDatabase(kind));
    server = await startTestServer(kind, { db: audit.db });
    ({ seed } = await cardWorld(server));
    miriam = seed.people.ebe;
    miriamId = await miriam.accountId();
  });
  afterEach(() => {
    audit.failing = false;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('asks the teller only when the story says "ask me first"; yes needs nobody, no never leaves', async () => {
    const asked = await quoted('בערב השקט הכי חזק', 'השקט', sharedAs('ask_first'));
    const free = await quoted('בבוקר יש תקווה', 'תקווה', sharedAs('yes'));
    const never = await quoted('בלילה אני לבד', 'לבד', sharedAs('no'));
    expect(asked.card).toMatchObject({ quoteConsent: 'pending', exportable: false });
    expect(free.card).toMatchObject({ quoteConsent: 'not_needed', exportable: true });
    expect(never.card).toMatchObject({ quoteConsent: 'never', exportable: false });
    // Still usable: every reader of the synthesis reads the pending card, quote and all.
    const read = await cardsIn(seed.people.researcher, seed.spaces.synthesis);
    expect(read.find((c) => c.id === asked.card.id)).toMatchObject({
      quote: 'השקט',
      quoteConsent: 'pending',
    });

    expect(await requestRows(asked.card.id)).toEqual([{ decision: null }]);
    expect(await requestRows(free.card.id)).toEqual([]);
    expect(await requestRows(never.card.id)).toEqual([]);
    const log = await auditLog('quote.request');
    expect(log.map((e) => e.details.cardId)).toEqual([asked.card.id]);
    expect(log[0]!.actor?.displayName).toBe('Yossi');
    expect(JSON.stringify(log)).not.toContain(miriamId);
    expect(JSON.stringify(log)).not.toContain('השקט');

    // The teller sees the request with the quote in its passage.
    const mine = (await (
      await miriam.get(`/api/initiatives/${seed.initiativeId}/my-words`)
    ).json()) as MyWords;
    const use = mine.stories
      .find((s) => s.story.id === asked.story.id)!
      .cards.find((c) => c.cardId === asked.card.id);
    expect(use).toMatchObject({
      quoteConsent: 'pending',
      context: { before: 'בערב ', quote: 'השקט', after: ' הכי חזק' },
    });
  });

  it('lets only the teller decide, and exports only what she approved', async () => {
    const first = await quoted('אמא שלי לא ידעה', 'לא ידעה', sharedAs('ask_first'));
    const second = await quoted('אף אחד לא שאל', 'לא שאל', sharedAs('ask_first'));

    // A peer who reads the card is refused; nothing changes.
    const byPeer = await decide(seed.people.ebe2, first.card.id, true);
    expect(byPeer.status).toBe(403);
    expect((await errorOf(byPeer)).code).toBe('not_the_teller');
    const byMaker = await decide(seed.people.practitioner, first.card.id, true);
    expect((await errorOf(byMaker)).code).toBe('not_the_teller');
    expect(await cardAs(seed.people.practitioner, first.card.id)).toMatchObject({
      quoteConsent: 'pending',
    });

    // A card someone cannot read is as unknown to them as a missing one.
    const peerStory = await toldStory(server, seed, seed.people.ebe2, 'רק בקבוצה שלנו', {
      audience: 'peer_group',
      credit: 'anonymous',
      quoting: 'ask_first',
    });
    const inLived = await makeCard(miriam, seed.spaces.lived_experience, {
      source: { kind: 'story', id: peerStory.id },
      quote: 'בקבוצה',
    });
    const hidden = ((await inLived.json()) as InsightCard).id;
    const unseen = await decide(seed.people.practitioner, hidden, true);
    const missing = await decide(seed.people.practitioner, crypto.randomUUID(), true);
    expect(unseen.status).toBe(404);
    expect(await unseen.json()).toEqual(await missing.json());

    // A decision whose audit entry cannot be stored leaves the request pending.
    audit.failing = true;
    expect((await decide(miriam, first.card.id, true)).status).toBe(500);
    audit.failing = false;
    expect(await requestRows(first.card.id)).toEqual([{ decision: null }]);

    const approved = await decide(miriam, first.card.id, true);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ quoteConsent: 'approved', exportable: true });
    expect((await decide(miriam, second.card.id, false)).status).toBe(200);
    expect(await cardAs(seed.people.practitioner, first.card.id)).toMatchObject({
      quoteConsent: 'approved',
      exportable: true,
    });
    expect(await cardAs(seed.people.practitioner, second.card.id)).toMatchObject({
      quoteConsent: 'declined',
      exportable: false,
      quote: 'לא שאל',
    });

    // A story that may be quoted freely asks nothing to decide.
    const free = await quoted('שאלו אותי פעם', 'שאלו', sharedAs('yes'));
    const notAsked = await decide(miriam, free.card.id, true);
    expect(notAsked.status).toBe(409);
    expect((await errorOf(notAsked)).code).toBe('quote_consent_not_asked');

    // Quoting changes apply at once: "no" overrides an approval; back to "ask me first", it stands.
    const story = `/api/stories/${first.story.id}/consent`;
    expect((await miriam.call('PUT', story, sharedAs('no'))).status).toBe(200);
    expect(await cardAs(seed.people.researcher, first.card.id)).toMatchObject({
      quoteConsent: 'never',
      exportable: false,
    });
    expect((await miriam.call('PUT', story, sharedAs('ask_first'))).status).toBe(200);
    expect(await cardAs(seed.people.researcher, first.card.id)).toMatchObject({
      quoteConsent: 'approved',
    });
  });

  it("keeps the teller's pseudonym and anonymity in the request, the log and every answer", async () => {
    const named = await quoted('הפחד מהטלפון', 'מהטלפון', sharedAs('ask_first', 'שושנה'));
    const anonymous = await quoted('אין לי למי לספר', 'למי לספר', {
      audience: 'working_group',
      credit: 'anonymous',
      quoting: 'ask_first',
    });
    // Readers of the synthesis are told its cards changed, and nothing about who decided.
    const stream = await openEventStream(
      server.url,
      seed.initiativeId,
      seed.people.researcher.sessionCookie,
    );
    try {
      expect((await decide(miriam, named.card.id, true)).status).toBe(200);
      await stream.until((e) => e.event === 'cards' && e.data === seed.spaces.synthesis);
      expect(stream.text()).not.toContain(miriamId);
      expect(stream.text()).not.toContain('שושנה');
    } finally {
      await stream.close();
    }
    expect((await decide(miriam, anonymous.card.id, false)).status).toBe(200);

    const log = await auditLog('quote.decide');
    const entryOf = (cardId: string) => log.find((e) => e.details.cardId === cardId)!;
    expect(entryOf(named.card.id)).toMatchObject({
      actor: null,
      teller: { storyId: named.story.id, name: 'שושנה' },
      details: { decision: 'approved' },
    });
    expect(entryOf(anonymous.card.id)).toMatchObject({
      actor: null,
      teller: { storyId: anonymous.story.id, name: null },
      details: { decision: 'declined' },
    });
    // The teller's own view of the log names her; nobody else's does.
    for (const who of [seed.admin, seed.people.practitioner, seed.people.researcher]) {
      const cards = await cardsIn(who, seed.spaces.synthesis);
      const seen = JSON.stringify([log, cards]);
      expect(seen).not.toContain(miriamId);
      expect(seen).not.toContain('מרים');
      expect(seen).not.toContain('miriam');
    }
    const anonymousCard = await cardAs(seed.people.practitioner, anonymous.card.id);
    expect(anonymousCard.credit).toEqual({ credit: 'anonymous', name: null });

    // Someone else's my-words never shows Miriam's requests.
    const theirs = (await (
      await seed.people.practitioner.get(`/api/initiatives/${seed.initiativeId}/my-words`)
    ).json()) as MyWords;
    expect(JSON.stringify(theirs)).not.toContain(named.card.id);
  });

  it('approves at once a card the teller makes from her own "ask me first" story', async () => {
    const story = await toldStory(
      server,
      seed,
      miriam,
      'אני בוחרת לצטט את עצמי',
      sharedAs('ask_first'),
    );
    const made = await makeCard(miriam, seed.spaces.lived_experience, {
      source: { kind: 'story', id: story.id },
      quote: 'לצטט את עצמי',
    });
    expect(await made.json()).toMatchObject({ quoteConsent: 'approved', exportable: true });
    const entry = (await auditLog('quote.request')).find((e) => e.teller?.storyId === story.id)!;
    expect(entry).toMatchObject({ actor: null, teller: { name: 'ורד' } });
  });
});
