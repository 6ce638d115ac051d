import { collabCloseCodes, spaceDocName } from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../server/src/auth/tokens';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { connectDoc, eventually, sharedParagraph, type DocClient } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';
import * as Y from 'yjs';

const tokenHashOf = (cookie: string) => sha256(cookie.slice(cookie.indexOf('=') + 1));

describe.each(testStorages)('a collaboration socket belongs to its sign-in, over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let clients: DocClient[] = [];
  let docCounter = 0;
  const livedDoc = () => spaceDocName(seed.spaces.lived_experience, `sign-in-${++docCounter}`);
  const connect = (docName: string, cookie: string) => {
    const client = connectDoc(server.url, docName, cookie);
    clients.push(client);
    return client;
  };
  /** Miriam signed in once more, as on a second device. */
  const miriamAgain = async () => {
    const person = new Person(overHttp(server.url));
    expect((await person.signIn('miriam', 'miriam passphrase long')).status).toBe(200);
    return person;
  };
  const storedText = async (docName: string) => {
    const stored = await loadDocument(server.db, docName);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return sharedParagraph(doc).toString();
  };

  beforeAll(async () => {
    // Sign-ins are checked against storage often here, so an expiry shows without waiting.
    server = await startTestServer(kind, { collab: { idleUnloadMs: 50, signInCheckMs: 100 } });
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server.stop();
  });

  it('closes the socket of a sign-in that signs out, and stores nothing it writes after', async () => {
    const docName = livedDoc();
    const laptop = await miriamAgain();
    const phone = await miriamAgain();
    const onLaptop = connect(docName, laptop.sessionCookie);
    const onPhone = connect(docName, phone.sessionCookie);
    await Promise.all([onLaptop.synced(), onPhone.synced()]);

    expect((await laptop.call('DELETE', '/api/session')).status).toBe(204);
    await eventually(() => expect(onLaptop.closes).toEqual([collabCloseCodes.accessRevoked]));
    onLaptop.text.insert(0, 'after signing out ');
    // Her other sign-in goes on writing.
    onPhone.text.insert(0, 'from the phone ');
    await eventually(async () => expect(await storedText(docName)).toContain('from the phone'));
    expect(onPhone.closes).toEqual([]);
    // Reconnecting with the ended sign-in is refused, so the text never reaches storage.
    onLaptop.provider.connect();
    await eventually(() => expect(onLaptop.closes).toContain(collabCloseCodes.forbidden));
    expect(await storedText(docName)).not.toContain('after signing out');
  });

  it('closes the socket of a sign-in that expires, and only that one', async () => {
    const docName = livedDoc();
    const expiring = await miriamAgain();
    const staying = await miriamAgain();
    const onExpiring = connect(docName, expiring.sessionCookie);
    const onStaying = connect(docName, staying.sessionCookie);
    await Promise.all([onExpiring.synced(), onStaying.synced()]);

    await server.db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1",
      [tokenHashOf(expiring.sessionCookie)],
    );
    await eventually(() => expect(onExpiring.closes[0]).toBe(collabCloseCodes.accessRevoked));
    onStaying.text.insert(0, 'still here ');
    await eventually(async () => expect(await storedText(docName)).toContain('still here'));
    expect(onStaying.closes).toEqual([]);
  });
});
