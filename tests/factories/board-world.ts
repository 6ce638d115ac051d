import type { Board, Consent, Finding, InsightCard, Story } from '@mizug/domain';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { findingField, placeCard, type FindingPart } from '../../packages/editor/src/board';
import { storedDoc, storedText } from '../../server/src/collab/stored-text';
import { connectDoc, eventually, type DocClient } from '../support/collab-client';
import type { TestServer } from '../support/test-server';
import { makeCard } from './card-world';
import type { SeededInitiative } from './initiative';
import type { Person } from './person';

/**
 * A story told by `teller` in their peer space (the lived-experience one unless `spaceId` says)
 * with one paragraph, shared as `consent` says.
 */
export async function tellStory(
  server: TestServer,
  seed: SeededInitiative,
  teller: Person,
  text: string,
  consent: Consent,
  spaceId = seed.spaces.lived_experience,
): Promise<Story> {
  const response = await teller.post(`/api/initiatives/${seed.initiativeId}/stories`, {
    spaceId,
    title: 'ערב',
    language: 'he',
  });
  expect(response.status).toBe(201);
  const story = (await response.json()) as Story;
  const client = connectDoc(server.url, story.bodyDoc, teller.sessionCookie);
  try {
    await client.synced();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    client.doc.getXmlFragment('default').push([paragraph]);
    // The first stored update may be the editor's empty first sync: wait for the words, which
    // the consent check reads.
    await eventually(async () => {
      expect(await storedText(server.db, story.bodyDoc)).toContain(text);
    });
  } finally {
    client.destroy();
  }
  expect((await teller.call('PUT', `/api/stories/${story.id}/consent`, consent)).status).toBe(200);
  return story;
}

/** A card quoting `quote` of a story, made by `who` in `spaceId`. */
export async function cardFromStory(who: Person, spaceId: string, storyId: string, quote: string) {
  const response = await makeCard(who, spaceId, { source: { kind: 'story', id: storyId }, quote });
  expect(response.status).toBe(201);
  return (await response.json()) as InsightCard;
}

export async function makeBoard(
  who: Person,
  spaceId: string,
  body: { title: string; sessionId?: string },
) {
  const response = await who.post(`/api/spaces/${spaceId}/boards`, body);
  expect(response.status).toBe(201);
  return (await response.json()) as Board;
}

export async function addFinding(who: Person, boardId: string, title: string) {
  const response = await who.post(`/api/boards/${boardId}/findings`, { title });
  expect(response.status).toBe(201);
  return (await response.json()) as Finding;
}

export async function findingOf(who: Person, findingId: string) {
  const response = await who.get(`/api/findings/${findingId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Finding;
}

/** A paragraph of text and card citations (`{ card: id }`), as the board's editor stores it. */
export function paragraphOf(parts: (string | { card: string })[]) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(
    0,
    parts.map((part) => {
      if (typeof part === 'string') return new Y.XmlText(part);
      const citation = new Y.XmlElement('cardCitation');
      citation.setAttribute('cardId', part.card);
      return citation;
    }),
  );
  return paragraph;
}

/** Someone at the board: places cards and writes a finding's parts through its document. */
export class BoardEditor {
  private constructor(
    private readonly server: TestServer,
    readonly client: DocClient,
    private readonly docName: string,
  ) {}

  static async open(server: TestServer, board: Board, who: Person) {
    const client = connectDoc(server.url, board.docName, who.sessionCookie);
    await client.synced();
    return new BoardEditor(server, client, board.docName);
  }

  /** Applies `change` and waits until the server has stored it (so the API reads it). */
  async edit(change: (doc: Y.Doc) => void) {
    const { doc } = this.client;
    change(doc);
    const clock = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID)!;
    await eventually(async () => {
      const stored = await storedDoc(this.server.db, this.docName);
      const vector = Y.decodeStateVector(Y.encodeStateVector(stored));
      stored.destroy();
      expect(vector.get(doc.clientID) ?? 0).toBeGreaterThanOrEqual(clock);
    });
  }

  place(cardId: string, findingId: string | null, order = 0) {
    return this.edit((doc) => placeCard(doc, cardId, findingId, order));
  }

  /** Replaces a finding's part with one paragraph. */
  write(findingId: string, part: FindingPart, parts: (string | { card: string })[]) {
    return this.edit((doc) => {
      const fragment = doc.getXmlFragment(findingField(findingId, part));
      doc.transact(() => {
        fragment.delete(0, fragment.length);
        fragment.push([paragraphOf(parts)]);
      });
    });
  }

  close() {
    this.client.destroy();
  }
}
