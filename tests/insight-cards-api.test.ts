import { apiErrorSchema, type AuditEntry, type InsightCard, type Story } from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storedDoc } from '../server/src/collab/stored-text';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { cardsIn, cardWorld, makeCard, storedAtLeast } from './factories/card-world';
import type { SeededInitiative } from './factories/initiative';
import type { Person } from './factories/person';
import { withFailingAudit } from './support/audit-failure';
import { connectDoc, writeParagraph, type DocClient } from './support/collab-client';
import { createTestDatabase, testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe.each(testStorages)('insight cards over %s', (kind) => {
  let server: TestServer;
  let audit: ReturnType<typeof withFailingAudit>;
  let seed: SeededInitiative;
  let miriam: Person;
  let facilitator: Person;
  let miriamId: string;
  let clients: DocClient[] = [];

  const stored = (docName: string, count: number) => storedAtLeast(server, docName, count);

  /** Miriam tells a story with one paragraph and shares it as she chooses. */
  async function tell(text: string, audience: 'peer_group' | 'working_group') {
    const response = await miriam.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title: 'ערב',
      language: 'he',
    });
    expect(response.status).toBe(201);
    const story = (await response.json()) as Story;
    const client = connectDoc(server.url, story.bodyDoc, miriam.sessionCookie);
    clients.push(client);
    await client.synced();
    writeParagraph(client, text);
    await stored(story.bodyDoc, 1);
    const consent = { audience, credit: 'pseudonym', pseudonym: 'ורד', quoting: 'yes' };
    expect((await miriam.call('PUT', `/api/stories/${story.id}/consent`, consent)).status).toBe(
      200,
    );
    return { story, client };
  }

  beforeAll(async () => {
    audit = withFailingAudit(await createTestDatabase(kind));
    server = await startTestServer(kind, { db: audit.db, collab: { idleUnloadMs: 50 } });
    ({ seed, facilitator } = await cardWorld(server));
    miriam = seed.people.ebe;
    miriamId = await miriam.accountId();
  });
  afterEach(() => {
    audit.failing = false;
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it("quotes an expert by experience's story in the synthesis under the teller's pseudonym only", async () => {
    const { story } = await tell('בערב השקט הכי חזק', 'working_group');
    const response = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source: { kind: 'story', id: story.id },
      quote: 'השקט הכי חזק',
    });
    expect(response.status).toBe(201);
    const card = (await response.json()) as InsightCard;
    expect(card).toMatchObject({
      quote: 'השקט הכי חזק',
      source: { kind: 'story', id: story.id },
      group: { spaceId: seed.spaces.lived_experience, kind: 'lived_experience' },
      knowledgeType: 'lived_experience',
      credit: { credit: 'pseudonym', name: 'ורד' },
      withdrawn: false,
      createdBy: { displayName: 'Yossi' },
    });
    // Every reader of the synthesis reads it; nobody learns who told it.
    const read = await cardsIn(seed.people.researcher, seed.spaces.synthesis);
    expect(read.map((c) => c.id)).toContain(card.id);
    const body = JSON.stringify(read);
    expect(body).not.toContain(miriamId);
    expect(body).not.toContain('מרים');

    // The teller quoting herself: the card and the audit log show "the teller", never her.
    const own = await makeCard(miriam, seed.spaces.lived_experience, {
      source: { kind: 'story', id: story.id },
      quote: 'בערב',
    });
    expect(own.status).toBe(201);
    const ownCard = (await own.json()) as InsightCard;
    expect(ownCard.createdBy?.id).toBe(miriamId);
    const seenByPeer = (await (
      await seed.people.ebe2.get(`/api/cards/${ownCard.id}`)
    ).json()) as InsightCard;
    expect(seenByPeer.createdBy).toBeNull();
    const log = (await (
      await seed.admin.get(`/api/initiatives/${seed.initiativeId}/audit?action=card.create`)
    ).json()) as AuditEntry[];
    const entry = log.find((e) => e.details.cardId === ownCard.id)!;
    expect(entry.actor).toBeNull();
    expect(entry.teller).toEqual({ storyId: story.id, name: 'ורד' });
    expect(JSON.stringify(log)).not.toContain('השקט');
    expect(JSON.stringify(log)).not.toContain(miriamId);
  });

  it("keeps a peer group's story out of the synthesis, and quotes it in its own space", async () => {
    const { story } = await tell('רק הקבוצה שלי יודעת', 'peer_group');
    const source = { kind: 'story' as const, id: story.id };
    const quote = 'הקבוצה שלי';
    const before = await cardsIn(seed.people.ebe2, seed.spaces.synthesis);
    const refused = await makeCard(seed.people.ebe2, seed.spaces.synthesis, { source, quote });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('source_not_shared_here');
    expect(await cardsIn(seed.people.ebe2, seed.spaces.synthesis)).toEqual(before);
    // Those who cannot read the story cannot tell it is there.
    const outsider = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote,
    });
    expect(outsider.status).toBe(404);
    const here = await makeCard(seed.people.ebe2, seed.spaces.lived_experience, { source, quote });
    expect(here.status).toBe(201);
  });

  it('refuses a quote that is not in the story, in the caller’s language', async () => {
    const { story } = await tell('הבית ריק בשבת', 'working_group');
    const refused = await seed.people.practitioner.call(
      'POST',
      `/api/spaces/${seed.spaces.synthesis}/cards`,
      { source: { kind: 'story', id: story.id }, quote: 'הבית מלא' },
      { 'accept-language': 'he' },
    );
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.code).toBe('quote_not_in_source');
    expect(error.message).toMatch(/[\u0590-\u05FF]/);
  });

  it('marks every card of a withdrawn story withdrawn, live, and refuses new ones', async () => {
    const { story } = await tell('אני מדברת עם הרדיו', 'working_group');
    const source = { kind: 'story' as const, id: story.id };
    const made = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote: 'עם הרדיו',
    });
    const card = (await made.json()) as InsightCard;
    expect((await miriam.call('PUT', `/api/stories/${story.id}/withdrawal`)).status).toBe(200);

    const now = (await (
      await seed.people.practitioner.get(`/api/cards/${card.id}`)
    ).json()) as InsightCard;
    expect(now).toMatchObject({ withdrawn: true, quote: null, anchor: null });
    expect(now.credit.name).toBeNull();
    const listed = (await cardsIn(seed.people.researcher, seed.spaces.synthesis)).find(
      (c) => c.id === card.id,
    );
    expect(listed?.withdrawn).toBe(true);

    const again = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote: 'עם הרדיו',
    });
    expect(again.status).toBe(404);
    const byTeller = await makeCard(miriam, seed.spaces.lived_experience, {
      source,
      quote: 'עם הרדיו',
    });
    expect(byTeller.status).toBe(409);
    expect((await errorOf(byTeller)).code).toBe('source_withdrawn');
  });

  it('stores and deletes no card when its audit entry cannot be stored', async () => {
    const { story } = await tell('השכנה מביאה מרק', 'working_group');
    const before = await cardsIn(seed.people.practitioner, seed.spaces.synthesis);
    audit.failing = true;
    const failed = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source: { kind: 'story', id: story.id },
      quote: 'מביאה מרק',
    });
    expect(failed.status).toBe(500);
    audit.failing = false;
    expect(await cardsIn(seed.people.practitioner, seed.spaces.synthesis)).toEqual(before);

    // Nor is a card deleted when that cannot be audited.
    const made = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source: { kind: 'story', id: story.id },
      quote: 'מביאה מרק',
    });
    const card = (await made.json()) as InsightCard;
    audit.failing = true;
    const path = `/api/cards/${card.id}`;
    expect((await seed.people.practitioner.call('DELETE', path)).status).toBe(500);
    audit.failing = false;
    expect((await seed.people.practitioner.get(path)).status).toBe(200);
  });

  it('keeps its anchor on the quote after an edit before it', async () => {
    const { story, client } = await tell('בהתחלה הכל היה שקט', 'working_group');
    const paragraph = client.doc.getXmlFragment('default').toArray().at(-1) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const quote = 'היה שקט';
    const at = text.toString().indexOf(quote);
    const anchorAt = (index: number) =>
      base64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index)));
    const anchor = { start: anchorAt(at), end: anchorAt(at + quote.length) };
    const source = { kind: 'story' as const, id: story.id };

    const misplaced = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote,
      anchor: { start: anchorAt(0), end: anchorAt(quote.length) },
    });
    expect((await errorOf(misplaced)).code).toBe('anchor_not_in_source');
    const made = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source,
      quote,
      anchor,
    });
    expect(made.status).toBe(201);
    const card = (await made.json()) as InsightCard;

    // Miriam rewrites the opening, and adds a paragraph above it.
    const updates = (await loadDocument(server.db, story.bodyDoc)).updates.length;
    client.doc.transact(() => {
      text.insert(0, 'פעם, ');
      const first = new Y.XmlElement('paragraph');
      first.insert(0, [new Y.XmlText('כותרת')]);
      client.doc.getXmlFragment('default').insert(0, [first]);
    });
    await stored(story.bodyDoc, updates + 1);

    const doc = await storedDoc(server.db, story.bodyDoc);
    const start = Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(Buffer.from(card.anchor!.start, 'base64')),
      doc,
    )!;
    const edited = (start.type as Y.XmlText).toString();
    expect(edited).toBe('פעם, בהתחלה הכל היה שקט');
    expect(edited.slice(start.index)).toBe(quote);
    doc.destroy();
  });

  it('codes a card with codes of its initiative, and lets only its maker delete it', async () => {
    const { story } = await tell('אין עם מי לדבר', 'working_group');
    const made = await makeCard(seed.people.practitioner, seed.spaces.synthesis, {
      source: { kind: 'story', id: story.id },
      quote: 'אין עם מי',
    });
    const card = (await made.json()) as InsightCard;
    const created = await facilitator.post(`/api/initiatives/${seed.initiativeId}/codes`, {
      name: { he: 'בדידות' },
      colour: '#aa3300',
    });
    expect(created.status).toBe(201);
    const code = (await created.json()) as { id: string };
    const codes = (who: Person, codeIds: string[]) =>
      who.call('PUT', `/api/cards/${card.id}/codes`, { codeIds });

    expect((await codes(seed.people.researcher, [code.id])).status).toBe(403);
    const unknown = await codes(seed.people.ebe2, [code.id, crypto.randomUUID()]);
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).code).toBe('code_not_in_initiative');
    expect(Object.keys((await errorOf(unknown)).fields ?? {})).toEqual(['codeIds.1']);
    const coded = await codes(seed.people.ebe2, [code.id]);
    expect(coded.status).toBe(200);
    expect(((await coded.json()) as InsightCard).codeIds).toEqual([code.id]);

    expect((await seed.people.ebe2.call('DELETE', `/api/cards/${card.id}`)).status).toBe(403);
    expect((await seed.people.practitioner.call('DELETE', `/api/cards/${card.id}`)).status).toBe(
      204,
    );
    expect((await seed.people.practitioner.get(`/api/cards/${card.id}`)).status).toBe(404);
    const [left] = await server.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM codings WHERE card_id = $1',
      [card.id],
    );
    expect(left!.count).toBe(0);
  });
});
