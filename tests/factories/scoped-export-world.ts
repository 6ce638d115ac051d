import type { Board, SessionView } from '@mizug/domain';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { placeCard } from '../../packages/editor/src/board';
import { storedDoc } from '../../server/src/collab/stored-text';
import { appendUpdates } from '../../server/src/db/repositories/collab-documents';
import { insertFinding } from '../../server/src/db/repositories/findings';
import type { TestServer } from '../support/test-server';
import { addFinding, BoardEditor, makeBoard } from './board-world';
import { exportWorld } from './export-world';
import { seedWholeInitiative } from './whole-initiative';

/**
 * The export world with a method session whose board has one finding (the pseudonymous and the
 * pending quote in it, the anonymous quote placed on the board unsorted), a board of no session
 * with another finding (the anonymous quote), a code no card uses, and another initiative whose
 * session and finding are foreign here.
 */
export async function scopedExportWorld(server: TestServer) {
  const world = await exportWorld(server);
  const { seed, facilitator, cards } = world;
  const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
    methodId: 'merging-of-knowledge',
    title: 'מה זו בדידות',
    groups: [
      { spaceId: seed.spaces.lived_experience, facilitatorIds: [await facilitator.accountId()] },
    ],
  });
  expect(started.status).toBe(201);
  const session = (await started.json()) as SessionView;
  const boards = (await (
    await facilitator.get(`/api/spaces/${seed.spaces.synthesis}/boards`)
  ).json()) as Board[];
  const sessionBoard = boards.find((board) => board.sessionId === session.id)!;
  const otherBoard = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'לוח אחר' });
  // A session's board is written in its stages; here what they leave is stored directly.
  const inSession = {
    id: await insertFinding(server.db, {
      boardId: sessionBoard.id,
      initiativeId: seed.initiativeId,
      title: 'ערבים ארוכים',
      createdBy: await facilitator.accountId(),
    }),
  };
  const stored = await storedDoc(server.db, sessionBoard.docName);
  const before = Y.encodeStateVector(stored);
  placeCard(stored, cards.pseudonymous.id, inSession.id, 0);
  placeCard(stored, cards.pending.id, inSession.id, 1);
  placeCard(stored, cards.anonymous.id, null, 0);
  await appendUpdates(server.db, sessionBoard.docName, [Y.encodeStateAsUpdate(stored, before)]);
  stored.destroy();

  const elsewhere = await addFinding(facilitator, otherBoard.id, 'הדרך לשוק');
  const otherEditor = await BoardEditor.open(server, otherBoard, facilitator);
  try {
    await otherEditor.place(cards.anonymous.id, elsewhere.id, 0);
  } finally {
    otherEditor.close();
  }
  const unused = await facilitator.post(`/api/initiatives/${seed.initiativeId}/codes`, {
    name: { he: 'שכונה' },
    colour: '#aa3366',
    parentId: null,
  });
  expect(unused.status).toBe(201);

  await seedWholeInitiative(server.db, 'other-');
  const [foreign] = await server.db.query<{ session_id: string; finding_id: string }>(
    `SELECT s.id AS session_id, f.id AS finding_id
       FROM method_sessions s JOIN initiatives i ON i.id = s.initiative_id
       JOIN findings f ON f.initiative_id = i.id
      WHERE i.id <> $1 LIMIT 1`,
    [seed.initiativeId],
  );
  return {
    ...world,
    session,
    findings: { inSession, elsewhere },
    unusedCode: ((await unused.json()) as { id: string }).id,
    foreign: { sessionId: foreign!.session_id, findingId: foreign!.finding_id },
  };
}
