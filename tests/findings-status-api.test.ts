import {
  apiErrorSchema,
  type AuditEntry,
  type Board,
  type Finding,
  type GroupDecisionRule,
  type InsightCard,
  type SessionView,
} from '@mizug/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addFinding,
  BoardEditor,
  cardFromStory,
  findingOf,
  makeBoard,
  tellStory,
} from './factories/board-world';
import { cardWorld } from './factories/card-world';
import { invitePerson, type SeededInitiative } from './factories/initiative';
import { overHttp, type Person } from './factories/person';
import { withFailingAudit } from './support/audit-failure';
import { createTestDatabase, testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

/** The return loop of a finding: draft → returned → (decisions) → draft or final. */
describe.each(testStorages)('the status of a finding over %s', (kind) => {
  let server: TestServer;
  let audit: ReturnType<typeof withFailingAudit>;
  let seed: SeededInitiative;
  let facilitator: Person;
  let storyId: string;
  let card: InsightCard;
  let editors: BoardEditor[] = [];

  const lived = () => seed.spaces.lived_experience;
  const practitioners = () => seed.spaces.practitioners;
  const act = (who: Person, findingId: string, step: 'return' | 'revise' | 'finalize') =>
    who.post(`/api/findings/${findingId}/${step}`, {});
  const decide = (
    who: Person,
    findingId: string,
    spaceId: string,
    decision: 'approve' | 'changes' | 'reject',
    comment = decision === 'approve' ? '' : 'לא בדיוק מה שאמרנו',
  ) => who.post(`/api/findings/${findingId}/decisions`, { spaceId, decision, comment });

  async function auditOf(action: string): Promise<AuditEntry[]> {
    const response = await seed.admin.get(
      `/api/initiatives/${seed.initiativeId}/audit?action=${action}`,
    );
    expect(response.status).toBe(200);
    return (await response.json()) as AuditEntry[];
  }

  async function openEditor(board: Board, who: Person = facilitator) {
    const editor = await BoardEditor.open(server, board, who);
    editors.push(editor);
    return editor;
  }

  /** A synthesis board with one finding citing the card. */
  async function citedFinding() {
    const board = await makeBoard(facilitator, seed.spaces.synthesis, { title: 'מה זו בדידות' });
    const finding = await addFinding(facilitator, board.id, 'בדידות בערב');
    const editor = await openEditor(board);
    await editor.place(card.id, finding.id);
    await editor.write(finding.id, 'statement', ['הערבים קשים ', { card: card.id }]);
    return { board, finding, editor };
  }

  beforeAll(async () => {
    audit = withFailingAudit(await createTestDatabase(kind));
    server = await startTestServer(kind, { db: audit.db });
    ({ seed, facilitator } = await cardWorld(server));
    const story = await tellStory(server, seed, seed.people.ebe, 'הערבים הם הכי קשים', {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'yes',
    });
    storyId = story.id;
    card = await cardFromStory(seed.people.practitioner, seed.spaces.synthesis, storyId, 'הערבים');
  });
  afterEach(() => {
    audit.failing = false;
    for (const editor of editors) editor.close();
    editors = [];
  });
  afterAll(() => server.stop());

  it('returns, revises, returns again and makes final once both groups approve, auditing each step', async () => {
    const { ebe, practitioner } = seed.people;
    const { finding, editor } = await citedFinding();

    const returned = await act(facilitator, finding.id, 'return');
    expect(returned.status).toBe(200);
    expect((await returned.json()) as Finding).toMatchObject({
      status: 'returned',
      round: 1,
      statement: 'הערבים קשים [1]',
      citations: [card.id],
      previousStatement: null,
    });
    // The lived-experience group asks for changes; who recorded it is shown.
    const asked = await decide(ebe, finding.id, lived(), 'changes');
    expect(asked.status).toBe(201);
    const [livedDecision] = ((await asked.json()) as Finding).decisions;
    expect(livedDecision).toMatchObject({
      group: { spaceId: lived() },
      standing: 'changes',
      rule: 'one_member',
      recorded: [{ decision: 'changes', recordedBy: { displayName: 'מרים' } }],
    });

    expect((await act(facilitator, finding.id, 'revise')).status).toBe(200);
    await editor.write(finding.id, 'statement', ['בעיקר הערבים קשים ', { card: card.id }]);
    const draft = await findingOf(ebe, finding.id);
    expect(draft).toMatchObject({
      status: 'draft',
      round: 1,
      statement: 'בעיקר הערבים קשים [1]',
      previousStatement: 'הערבים קשים [1]',
    });

    const again = (await (await act(facilitator, finding.id, 'return')).json()) as Finding;
    expect(again).toMatchObject({ status: 'returned', round: 2 });
    expect(again.previousStatement).toBe('הערבים קשים [1]');
    // A new round: last round's request for changes no longer stands.
    expect(again.decisions.map(({ standing }) => standing)).toEqual([null, null]);

    expect((await decide(ebe, finding.id, lived(), 'approve')).status).toBe(201);
    expect((await decide(practitioner, finding.id, practitioners(), 'approve')).status).toBe(201);
    const final = await act(facilitator, finding.id, 'finalize');
    expect(final.status).toBe(200);
    expect((await final.json()) as Finding).toMatchObject({
      status: 'final',
      statement: 'בעיקר הערבים קשים [1]',
    });

    // Final is frozen: the document may change, the finding does not.
    await editor.write(finding.id, 'statement', ['משהו אחר']);
    expect((await findingOf(ebe, finding.id)).statement).toBe('בעיקר הערבים קשים [1]');
    for (const step of ['return', 'revise', 'finalize'] as const)
      expect((await errorOf(await act(facilitator, finding.id, step))).code).toBe('finding_final');
    expect((await errorOf(await decide(ebe, finding.id, lived(), 'reject'))).code).toBe(
      'finding_final',
    );
    const renamed = await facilitator.call('PATCH', `/api/findings/${finding.id}`, { title: 'x' });
    expect((await errorOf(renamed)).code).toBe('finding_final');

    const steps = async (action: string) =>
      (await auditOf(action)).filter((entry) => entry.details.findingId === finding.id);
    expect(await steps('finding.return')).toHaveLength(2);
    expect(await steps('finding.revise')).toHaveLength(1);
    expect(await steps('finding.decide')).toHaveLength(3);
    const [finalized] = await steps('finding.finalize');
    expect(finalized).toMatchObject({ details: { round: 2 }, actor: { displayName: 'נועה' } });
  });

  it('refuses to make final a finding a group has not approved, changing nothing', async () => {
    const { finding } = await citedFinding();
    expect((await act(facilitator, finding.id, 'return')).status).toBe(200);
    expect((await errorOf(await act(facilitator, finding.id, 'finalize'))).code).toBe(
      'finding_not_approved',
    );
    expect((await decide(seed.people.ebe, finding.id, lived(), 'approve')).status).toBe(201);
    const refused = await act(facilitator, finding.id, 'finalize');
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('finding_not_approved');
    expect((await findingOf(facilitator, finding.id)).status).toBe('returned');
    const rejected = await decide(seed.people.practitioner, finding.id, practitioners(), 'reject');
    expect(rejected.status).toBe(201);
    expect((await errorOf(await act(facilitator, finding.id, 'finalize'))).code).toBe(
      'finding_not_approved',
    );
    expect(
      (await auditOf('finding.finalize')).filter((entry) => entry.details.findingId === finding.id),
    ).toEqual([]);
  });

  it('refuses a statement citing a card of another board, and never resolves it', async () => {
    const { board, finding, editor } = await citedFinding();
    // A card made in the lived-experience space sits on that space's boards, not this one.
    const elsewhere = await cardFromStory(seed.people.ebe2, lived(), storyId, 'הכי קשים');
    await editor.write(finding.id, 'statement', ['קשים ', { card: elsewhere.id }]);
    const refused = await act(facilitator, finding.id, 'return');
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).code).toBe('citation_not_on_board');
    const read = await findingOf(facilitator, finding.id);
    expect(read).toMatchObject({ status: 'draft', round: 0, statement: 'קשים [?]', citations: [] });
    expect(read.cards.map(({ id }) => id)).toEqual([card.id]);
    expect(JSON.stringify(read)).not.toContain(elsewhere.id);
    expect(board.id).toBe(read.boardId);
  });

  it('refuses a decision by a non-member, for a group that does not decide, or out of turn', async () => {
    const { ebe, practitioner, researcher } = seed.people;
    const { finding } = await citedFinding();
    expect((await errorOf(await decide(ebe, finding.id, lived(), 'approve'))).code).toBe(
      'finding_not_returned',
    );
    expect((await errorOf(await act(facilitator, finding.id, 'revise'))).code).toBe(
      'finding_not_returned',
    );
    expect((await act(facilitator, finding.id, 'return')).status).toBe(200);
    expect((await errorOf(await act(facilitator, finding.id, 'return'))).code).toBe(
      'finding_already_returned',
    );

    const outsider = await decide(practitioner, finding.id, lived(), 'approve');
    expect(outsider.status).toBe(403);
    expect((await errorOf(outsider)).code).toBe('not_in_group');
    expect((await errorOf(await decide(researcher, finding.id, lived(), 'approve'))).code).toBe(
      'not_in_group',
    );
    // The facilitator runs the board but does not decide for a group.
    expect((await errorOf(await decide(facilitator, finding.id, lived(), 'approve'))).code).toBe(
      'not_in_group',
    );
    const synthesis = await decide(ebe, finding.id, seed.spaces.synthesis, 'approve');
    expect(synthesis.status).toBe(422);
    expect((await errorOf(synthesis)).code).toBe('group_not_deciding');
    // "Changes" needs a comment.
    expect((await decide(ebe, finding.id, lived(), 'changes', '')).status).toBe(400);
    // Only the board's writers move a finding.
    expect((await act(ebe, finding.id, 'revise')).status).toBe(403);

    const read = await findingOf(ebe, finding.id);
    expect(read.decisions.flatMap(({ recorded }) => recorded)).toEqual([]);
    expect(
      (await auditOf('finding.decide')).filter((entry) => entry.details.findingId === finding.id),
    ).toEqual([]);
  });

  it('leaves nothing behind when the audit entry of a transition cannot be stored', async () => {
    const { finding } = await citedFinding();
    audit.failing = true;
    expect((await act(facilitator, finding.id, 'return')).status).toBe(500);
    audit.failing = false;
    expect(await findingOf(facilitator, finding.id)).toMatchObject({ status: 'draft', round: 0 });
  });

  it('keeps a disagreement with its group of origin, from its members or the writers', async () => {
    const { finding } = await citedFinding();
    const position = 'לדעתנו הבדידות מתחילה דווקא בבוקר';
    const by = (who: Person, spaceId: string) =>
      who.post(`/api/findings/${finding.id}/disagreements`, { spaceId, position });
    expect((await by(seed.people.ebe2, lived())).status).toBe(201);
    // The board's writers (its facilitator here) keep a group's minority position too.
    expect((await by(facilitator, practitioners())).status).toBe(201);
    expect((await errorOf(await by(seed.people.researcher, lived()))).code).toBe('not_in_group');
    expect((await errorOf(await by(facilitator, seed.spaces.synthesis))).code).toBe(
      'group_not_deciding',
    );
    const read = await findingOf(seed.people.researcher, finding.id);
    expect(read.disagreements).toMatchObject([
      { group: { spaceId: lived() }, position, recordedBy: { displayName: 'سلمى' } },
      { group: { spaceId: practitioners() }, position },
    ]);
    expect(
      (await auditOf('finding.disagreement')).filter((e) => e.details.findingId === finding.id),
    ).toHaveLength(2);
  });

  /**
   * A finding on the lived-experience group's board of a session (MK-4: drafted by its
   * facilitator, a guarantor of that space) whose contract says how the group's decision stands,
   * returned to the group.
   */
  async function returnedInSession(rule: GroupDecisionRule) {
    const guarantor = await invitePerson(overHttp(server.url), seed.admin, seed.initiativeId, {
      handle: `g-${rule}`,
      displayName: 'גיל',
      role: 'facilitator',
      spaceId: lived(),
    });
    const started = await guarantor.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'merging-of-knowledge',
      title: `כלל ${rule}`,
      groups: [{ spaceId: lived(), facilitatorIds: [await guarantor.accountId()] }],
    });
    expect(started.status).toBe(201);
    const session = (await started.json()) as SessionView;
    const terms = {
      confidentiality: 'נשמור',
      quoting: 'נשאל',
      leaving: 'אפשר',
      decisionRule: rule,
    };
    const revised = await guarantor.call('PUT', `/api/sessions/${session.id}/contract`, terms);
    expect(revised.status).toBe(200);
    expect(((await revised.json()) as SessionView).contract.decisionRule).toBe(rule);
    // The group's board is written while the stage working on it is open.
    const opened = await guarantor.post(`/api/sessions/${session.id}/stages/MK-4/open`, {});
    expect(opened.status).toBe(200);
    const boards = (await (await guarantor.get(`/api/spaces/${lived()}/boards`)).json()) as Board[];
    const board = boards.find((candidate) => candidate.sessionId === session.id)!;
    expect(board.groups.map(({ spaceId }) => spaceId)).toEqual([lived()]);
    const finding = await addFinding(guarantor, board.id, 'ערבים');
    const livedCard = await cardFromStory(seed.people.ebe2, lived(), storyId, 'הכי קשים');
    const editor = await openEditor(board, guarantor);
    await editor.place(livedCard.id, finding.id);
    await editor.write(finding.id, 'statement', ['קשים ', { card: livedCard.id }]);
    expect((await act(guarantor, finding.id, 'return')).status).toBe(200);
    return finding;
  }

  /** The lived-experience group's standing decision after each of `steps`. */
  async function standingAfter(
    rule: GroupDecisionRule,
    steps: [Person, 'approve' | 'changes' | 'reject'][],
  ) {
    const finding = await returnedInSession(rule);
    const standings: (string | null)[] = [];
    for (const [who, decision] of steps) {
      const response = await decide(who, finding.id, lived(), decision);
      expect(response.status).toBe(201);
      const [group] = ((await response.json()) as Finding).decisions;
      expect(group!.rule).toBe(rule);
      standings.push(group!.standing);
    }
    return standings;
  }

  it('lets one member decide for the group: the latest decision stands', async () => {
    const { ebe, ebe2 } = seed.people;
    expect(
      await standingAfter('one_member', [
        [ebe, 'approve'],
        [ebe2, 'changes'],
      ]),
    ).toEqual(['approve', 'changes']);
  });

  it('lets a decision stand by majority only once more than half of the members chose it', async () => {
    const { ebe, ebe2 } = seed.people;
    expect(
      await standingAfter('majority', [
        [ebe, 'approve'],
        [ebe2, 'changes'],
        [ebe2, 'approve'],
      ]),
    ).toEqual([null, null, 'approve']);
  });

  it('waits for everyone, then approves only if all approve and rejects if any rejects', async () => {
    const { ebe, ebe2 } = seed.people;
    expect(
      await standingAfter('everyone', [
        [ebe, 'approve'],
        [ebe2, 'changes'],
        [ebe2, 'reject'],
        [ebe2, 'approve'],
      ]),
    ).toEqual([null, 'changes', 'reject', 'approve']);
  });
});
