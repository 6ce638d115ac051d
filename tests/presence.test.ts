import type { Story } from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { presenceColor } from '../packages/editor/src/presence';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp } from './factories/person';
import { connectDoc, eventually, writeParagraph, type DocClient } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

/** Issue 9: presence never links one anonymous teller across the documents they are in. */
describe.each(testStorages)('presence over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let clients: DocClient[] = [];
  const open = (docName: string, cookie: string) => {
    const client = connectDoc(server.url, docName, cookie);
    clients.push(client);
    return client;
  };

  /** An anonymous story shared with the teller's peer group. */
  async function anonymousStory(title: string): Promise<Story> {
    const teller = seed.people.ebe;
    const created = await teller.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title,
      language: 'he',
      tags: [],
    });
    const story = (await created.json()) as Story;
    const writer = open(story.bodyDoc, teller.sessionCookie);
    await writer.synced();
    writeParagraph(writer, 'לא סיפרתי לאף אחד');
    await eventually(async () =>
      expect((await loadDocument(server.db, story.bodyDoc)).updates.length).toBeGreaterThan(0),
    );
    writer.destroy();
    const shared = await teller.call('PUT', `/api/stories/${story.id}/consent`, {
      audience: 'peer_group',
      credit: 'anonymous',
      quoting: 'no',
    });
    expect(shared.status).toBe(200);
    return story;
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50 } });
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it('gives an anonymous teller a caret in each story that says nothing of the other', async () => {
    const accountId = await seed.people.ebe.accountId();
    const seen = [];
    for (const story of [await anonymousStory('ראשון'), await anonymousStory('שני')]) {
      const teller = open(story.bodyDoc, seed.people.ebe.sessionCookie);
      const peer = open(story.bodyDoc, seed.people.ebe2.sessionCookie);
      await Promise.all([teller.synced(), peer.synced()]);
      // The same colour and account in both, as a client that derives them from the account sends.
      teller.provider.awareness.setLocalState({
        user: { name: 'miriam', id: accountId, color: '#b3261e' },
        cursor: story.id,
      });
      await eventually(() =>
        expect(peer.provider.awareness.getStates().get(teller.doc.clientID)?.cursor).toBe(story.id),
      );
      const state = peer.provider.awareness.getStates().get(teller.doc.clientID)!;
      expect(JSON.stringify(state)).not.toContain(accountId);
      // The colour follows this document and this client, never what the account would give.
      expect(state.user).toEqual({
        name: null,
        color: presenceColor(story.bodyDoc, teller.doc.clientID),
      });
      seen.push({ clientId: teller.doc.clientID, user: state.user });
    }
    expect(seen[0]!.clientId).not.toBe(seen[1]!.clientId);
  });

  it('shows a teller by their new credit at once when they change it with the story open', async () => {
    const story = await anonymousStory('שלישי');
    const teller = open(story.bodyDoc, seed.people.ebe.sessionCookie);
    const peer = open(story.bodyDoc, seed.people.ebe2.sessionCookie);
    await Promise.all([teller.synced(), peer.synced()]);
    teller.provider.awareness.setLocalState({ cursor: story.id });
    const seenUser = () => peer.provider.awareness.getStates().get(teller.doc.clientID)?.user;
    await eventually(() => expect(seenUser()).toMatchObject({ name: null }));

    const changed = await seed.people.ebe.call('PUT', `/api/stories/${story.id}/consent`, {
      audience: 'peer_group',
      credit: 'pseudonym',
      pseudonym: 'Nur',
      quoting: 'no',
    });
    expect(changed.status).toBe(200);
    // The teller's client sends nothing more: the server writes the presence anew.
    await eventually(() => expect(seenUser()).toMatchObject({ name: 'Nur' }));
  });
});
