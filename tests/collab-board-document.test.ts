import { collabCloseCodes, type Board, type Finding, type InsightCard } from '@mizug/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findingField, placementsOf, readPlacements } from '../packages/editor/src/board';
import { storedDoc } from '../server/src/collab/stored-text';
import {
  addFinding,
  BoardEditor,
  cardFromStory,
  findingOf,
  makeBoard,
  paragraphOf,
  tellStory,
} from './factories/board-world';
import { cardWorld } from './factories/card-world';
import type { SeededInitiative } from './factories/initiative';
import type { Person } from './factories/person';
import { connectDoc, eventually, type DocClient } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

/** A board's document holds placements and the findings' rich text, and nothing else. */
describe.each(testStorages)('the board document over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let facilitator: Person;
  let board: Board;
  let finding: Finding;
  let card: InsightCard;
  let clients: DocClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    ({ seed, facilitator } = await cardWorld(server));
    const story = await tellStory(server, seed, seed.people.ebe, 'הערבים הם הכי קשים', {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    });
    card = await cardFromStory(seed.people.practitioner, seed.spaces.synthesis, story.id, 'הערבים');
    board = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'מה זו בדידות' });
    finding = await addFinding(facilitator, board.id, 'בדידות בערב');
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(() => server.stop());

  it('lets a writer place a card and write a statement citing it, which the finding reads', async () => {
    // A working-group member sorts the card while the facilitator writes the statement.
    const sorter = await BoardEditor.open(server, board, seed.people.practitioner);
    const writer = await BoardEditor.open(server, board, facilitator);
    try {
      await sorter.place(card.id, finding.id, 1);
      await writer.write(finding.id, 'statement', ['הערבים קשים ', { card: card.id }]);
      await writer.write(finding.id, 'questions', ['ומה בסופי שבוע?']);
      const read = await findingOf(seed.people.ebe2, finding.id);
      expect(read.statement).toBe('הערבים קשים [1]');
      expect(read.citations).toEqual([card.id]);
      expect(read.openQuestions).toBe('ומה בסופי שבוע?');
      expect(read.cards.map(({ id }) => id)).toEqual([card.id]);
      expect(read.balance.byKnowledgeType).toEqual([
        { knowledgeType: 'lived_experience', cards: 1, words: 1, people: 1 },
      ]);
    } finally {
      sorter.close();
      writer.close();
    }
  });

  /** Connects a writer, applies `forge`, and expects the server to refuse and store none of it. */
  async function expectRefused(forge: (doc: Y.Doc) => void, stillThere: (doc: Y.Doc) => boolean) {
    const client = connectDoc(server.url, board.docName, facilitator.sessionCookie);
    clients.push(client);
    await client.synced();
    forge(client.doc);
    await eventually(() => expect(client.closes).toContain(collabCloseCodes.malformed));
    const stored = await storedDoc(server.db, board.docName);
    try {
      expect(stillThere(stored)).toBe(false);
    } finally {
      stored.destroy();
    }
  }

  it('refuses a forged root type', () =>
    expectRefused(
      (doc) => doc.getMap('evil').set('x', 'y'),
      (doc) => doc.share.has('evil') && doc.getMap('evil').has('x'),
    ));

  it('refuses a placement that is not {finding, order}, or of something not a card', async () => {
    await expectRefused(
      (doc) => placementsOf(doc).set(card.id, { finding: 'javascript:alert(1)', order: 0 }),
      (doc) => readPlacements(doc).get(card.id)?.finding === 'javascript:alert(1)',
    );
    await expectRefused(
      (doc) => placementsOf(doc).set(card.id, { finding: null, order: Infinity }),
      (doc) => readPlacements(doc).get(card.id)?.order === Infinity,
    );
    await expectRefused(
      (doc) => placementsOf(doc).set('not-a-card', { finding: null, order: 0 }),
      (doc) => readPlacements(doc).has('not-a-card'),
    );
  });

  it('refuses a javascript: link and a citation of something not a card in a statement', async () => {
    const field = findingField(finding.id, 'statement');
    await expectRefused(
      (doc) => {
        const text = new Y.XmlText('לחצו');
        text.format(0, 4, { link: { href: 'javascript:alert(1)' } });
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [text]);
        doc.getXmlFragment(field).push([paragraph]);
      },
      (doc) => doc.getXmlFragment(field).toString().includes('javascript:'),
    );
    await expectRefused(
      (doc) => doc.getXmlFragment(field).push([paragraphOf([{ card: 'x' }])]),
      (doc) => doc.getXmlFragment(field).toString().includes('cardid="x"'),
    );
    // A fragment named like a finding's but of no part is no finding field.
    await expectRefused(
      (doc) => doc.getXmlFragment(`notes-${randomUUID()}`).push([paragraphOf(['טקסט'])]),
      (doc) => [...doc.share.keys()].some((name) => name.startsWith('notes-')),
    );
  });
});
