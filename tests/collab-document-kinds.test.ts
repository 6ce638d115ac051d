import {
  collabCloseCodes,
  documentKinds,
  type Board,
  type Finding,
  spaceDocName,
  type DocumentKind,
  type SessionView,
  type Story,
} from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findingField } from '../packages/editor/src/board';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import {
  adminInDatabase,
  inviteFacilitator,
  seedInitiative,
  type SeededInitiative,
} from './factories/initiative';
import { overHttp } from './factories/person';
import { connectDoc, eventually, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

/** Every kind of document is checked against the editor's schema before anything is applied. */
describe.each(testStorages)('the rich-text check on every kind of document over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  /**
   * One document of each kind and who may write it (the lived-experience member `ebe`; the
   * synthesis board its facilitator), with the rich-text fragment to type in.
   */
  let writable: Record<DocumentKind, { docName: string; cookie: string; field: string }>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
    const { ebe } = seed.people;
    const lived = seed.spaces.lived_experience;

    const told = await ebe.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: lived,
      title: 'הסיפור שלי',
      language: 'he',
    });
    expect(told.status).toBe(201);
    const story = (await told.json()) as Story;

    const facilitator = await inviteFacilitator(overHttp(server.url), seed);
    const facilitatorId = await facilitator.accountId();
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'merging-of-knowledge',
      title: 'מה זו בדידות',
      groups: [
        { spaceId: lived, facilitatorIds: [facilitatorId] },
        { spaceId: seed.spaces.practitioners, facilitatorIds: [facilitatorId] },
      ],
    });
    expect(started.status).toBe(201);
    const sessionId = ((await started.json()) as SessionView).id;
    expect((await ebe.post(`/api/sessions/${sessionId}/contract/acceptance`, {})).status).toBe(201);
    expect((await facilitator.post(`/api/sessions/${sessionId}/stages/MK-3/open`, {})).status).toBe(
      200,
    );
    const session = (await (await ebe.get(`/api/sessions/${sessionId}`)).json()) as SessionView;
    const canvas = session.canvases.find(
      (candidate) =>
        candidate.stageId === 'MK-3' && candidate.spaceId === lived && candidate.canWrite,
    )!;

    const made = await facilitator.post(`/api/spaces/${seed.spaces.synthesis}/boards`, {
      title: 'מה זו בדידות',
    });
    expect(made.status).toBe(201);
    const board = (await made.json()) as Board;
    const added = await facilitator.post(`/api/boards/${board.id}/findings`, { title: 'בדידות' });
    expect(added.status).toBe(201);
    const finding = (await added.json()) as Finding;

    const byEbe = (docName: string) => ({
      docName,
      cookie: ebe.sessionCookie,
      field: 'default',
    });
    writable = {
      space: byEbe(spaceDocName(lived)),
      story: byEbe(story.bodyDoc),
      stage: byEbe(canvas.docName),
      board: {
        docName: board.docName,
        cookie: facilitator.sessionCookie,
        field: findingField(finding.id, 'statement'),
      },
    };
  });
  afterAll(() => server.stop());

  it('covers every kind in the registry', () => {
    expect(Object.keys(writable).sort()).toEqual(Object.keys(documentKinds).sort());
  });

  it.each(Object.keys(documentKinds) as DocumentKind[])(
    'refuses a <script> node in a %s document with 4400 and stores none of it',
    async (documentKind) => {
      const { docName, cookie, field } = writable[documentKind];
      const client = connectDoc(server.url, docName, cookie);
      try {
        await client.synced();
        writeParagraph(client, 'טקסט רגיל', field);
        await eventually(async () =>
          expect((await loadDocument(server.db, docName)).updates.length).toBeGreaterThan(0),
        );
        const script = new Y.XmlElement('script');
        script.insert(0, [new Y.XmlText('alert(1)')]);
        client.doc.getXmlFragment(field).insert(0, [script]);
        await eventually(() => expect(client.closes).toContain(collabCloseCodes.malformed));

        const stored = await loadDocument(server.db, docName);
        const doc = new Y.Doc();
        for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
        const text = doc.getXmlFragment(field).toString();
        expect(text).toContain('טקסט רגיל');
        expect(text).not.toContain('script');
      } finally {
        client.destroy();
      }
    },
  );
});
