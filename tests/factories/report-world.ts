import type { Finding } from '@mizug/domain';
import { expect } from 'vitest';
import type { TestServer } from '../support/test-server';
import { addFinding, BoardEditor, makeBoard } from './board-world';
import { exportWorld } from './export-world';

/** Words groups write into the return loop: a minority position and a request for changes. */
export const reportTexts = {
  title: 'ללכת לבד',
  statement: 'הדרך לבד היא חלק מהבדידות ',
  position: 'لا نرى الطريق وحدنا كوحدة دائمًا',
  comment: 'חסר לנו הבוקר',
};

/**
 * The export world with a finding in the synthesis that holds every card (may be quoted, anonymous,
 * pending "ask me first", withdrawn) and cites the pseudonymous one; returned to the groups, the
 * lived-experience group (its teller Miriam recording) asks for changes, Salma keeps a minority
 * position. So the report has evidence, a withheld reference, a decision and a disagreement, all
 * recorded by the very tellers whose names must not appear.
 */
export async function reportWorld(server: TestServer) {
  const world = await exportWorld(server);
  const { seed, facilitator, cards } = world;
  const board = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'הדרך' });
  const finding = await addFinding(facilitator, board.id, reportTexts.title);
  const editor = await BoardEditor.open(server, board, facilitator);
  try {
    let order = 0;
    for (const card of Object.values(cards)) await editor.place(card.id, finding.id, order++);
    await editor.write(finding.id, 'statement', [
      reportTexts.statement,
      { card: cards.pseudonymous.id },
    ]);
  } finally {
    editor.close();
  }
  expect((await facilitator.post(`/api/findings/${finding.id}/return`, {})).status).toBe(200);
  const { ebe: miriam, ebe2: salma } = seed.people;
  const decided = await miriam.post(`/api/findings/${finding.id}/decisions`, {
    spaceId: seed.spaces.lived_experience,
    decision: 'changes',
    comment: reportTexts.comment,
  });
  expect(decided.status).toBe(201);
  const kept = await salma.post(`/api/findings/${finding.id}/disagreements`, {
    spaceId: seed.spaces.lived_experience,
    position: reportTexts.position,
  });
  expect(kept.status).toBe(201);
  return { ...world, finding: (await decided.json()) as Finding };
}
