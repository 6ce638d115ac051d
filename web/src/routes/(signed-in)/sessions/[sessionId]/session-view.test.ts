import { overwriteGetLocale } from '@mizug/i18n/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSessionView,
  buildStage,
  personRef,
} from '../../../../../../tests/factories/session-view';
import {
  asksForValidation,
  currentStage,
  groupName,
  isSharedStage,
  mayTakePart,
  myGroupsIn,
  personName,
  stagesBefore,
  stageState,
  stageTitle,
  workCanvases,
} from './session-view';

beforeAll(() => overwriteGetLocale(() => 'en'));

describe('the session page’s names', () => {
  const session = buildSessionView();

  it('names a group by its space: a built-in one in the page’s language, a written one as written', () => {
    expect(groupName(session, 'lived')).toBe('Lived experience');
    expect(groupName(session, 'practitioners')).toBe('Social workers of the north');
  });

  it('names work that is no group’s as the synthesis space’s', () => {
    expect(groupName(session, null)).toBe('Synthesis');
    expect(groupName(session, 'someone-else')).toBe('Synthesis');
  });

  it('does not name someone who left the initiative', () => {
    expect(personName(personRef('layla', 'Layla'))).toBe('Layla');
    expect(personName(personRef('gone', ''))).toBe('A former member');
    expect(personName(null)).toBe('A former member');
  });

  it('titles a stage in the page’s language, never by its internal code', () => {
    expect(stageTitle(session, 'MK-0')).toBe(session.method.stages[0]!.title.en);
    // Never the internal code, even for a stage the method no longer has.
    expect(stageTitle(session, 'MK-99')).not.toContain('MK-99');
  });
});

describe('the stages of a session', () => {
  it('lists the stages before one, in the method’s order', () => {
    const session = buildSessionView();
    expect(stagesBefore(session, 'MK-3').map((stage) => stage.id)).toEqual([
      'MK-0',
      'MK-1',
      'MK-2',
    ]);
    expect(stagesBefore(session, 'MK-0')).toEqual([]);
  });

  it('finds the open stage with its definition, and none between stages', () => {
    const closed = buildSessionView();
    expect(currentStage(closed)).toBeNull();
    const open = buildSessionView({
      stages: closed.stages.map((stage) =>
        stage.id === 'MK-3' ? buildStage('MK-3', { status: 'open', round: 2 }) : stage,
      ),
    });
    const current = currentStage(open)!;
    expect([current.state.id, current.state.round, current.definition.id]).toEqual([
      'MK-3',
      2,
      'MK-3',
    ]);
  });

  it('reads a stage the server did not send as not started, in round 1, asking nobody, open to no post', () => {
    expect(stageState(buildSessionView({ stages: [] }), 'MK-3')).toEqual(
      buildStage('MK-3', { groupIds: [], canPost: false, postRefusal: 'stage_closed' }),
    );
  });

  it('shares an everyone stage’s work, as the server files it', () => {
    const { stages } = buildSessionView().method;
    expect(stages.filter(isSharedStage).map((stage) => stage.id)).toEqual([
      'MK-0',
      'MK-6',
      'MK-8',
      'MK-9',
      'MK-10',
    ]);
  });
});

describe('what a stage asks of the caller’s groups', () => {
  const stage = { id: 'MK-3' };
  const asking = (groupIds: string[], me: string[], isFacilitator = false) =>
    buildSessionView({
      stages: [buildStage('MK-3', { groupIds, asksForValidation: true })],
      me: {
        isFacilitator,
        groupIds: me,
        representsGroupIds: [],
        isOwner: false,
        inWritingTeam: false,
      },
    });

  it('asks a member for their group’s work', () => {
    expect(myGroupsIn(asking(['lived'], ['lived']), stage)).toEqual(['lived']);
  });

  it('asks a member of the owner’s circle only for that group, as the server says', () => {
    expect(myGroupsIn(asking(['lived'], ['lived', 'practitioners']), stage)).toEqual(['lived']);
    expect(myGroupsIn(asking([], ['practitioners']), stage)).toEqual([]);
  });

  it('asks a facilitator, who is sent every group, only for the groups they belong to', () => {
    expect(myGroupsIn(asking(['lived', 'practitioners'], [], true), stage)).toEqual([]);
    expect(myGroupsIn(asking(['lived', 'practitioners'], ['practitioners'], true), stage)).toEqual([
      'practitioners',
    ]);
  });

  it('asks for a decision when the server says the stage ends with one', () => {
    expect(asksForValidation(asking(['lived'], ['lived']), stage)).toBe(true);
    expect(asksForValidation(buildSessionView(), stage)).toBe(false);
  });
});

describe('taking part', () => {
  it('keeps everything read-only until the caller accepts the agreement', () => {
    const contract = { version: 2, terms: null, decisionRule: 'one_member' as const, pending: [] };
    expect(mayTakePart(buildSessionView({ contract: { ...contract, acceptedByMe: false } }))).toBe(
      false,
    );
    expect(mayTakePart(buildSessionView({ contract: { ...contract, acceptedByMe: true } }))).toBe(
      true,
    );
  });

  it('lets facilitators work without accepting the agreement they wrote', () => {
    const session = buildSessionView({
      contract: {
        version: 1,
        terms: null,
        decisionRule: 'one_member',
        acceptedByMe: false,
        pending: [],
      },
      me: {
        isFacilitator: true,
        groupIds: [],
        representsGroupIds: [],
        isOwner: false,
        inWritingTeam: false,
      },
    });
    expect(mayTakePart(session)).toBe(true);
  });

  it('finds a stage’s work canvases, not the facilitators’ notes nor another stage’s', () => {
    const canvas = (id: string, stageId: string, purpose: 'work' | 'facilitator_notes') => ({
      id,
      stageId,
      spaceId: purpose === 'work' ? 'lived' : null,
      purpose,
      docName: `canvas.${id}`,
      canWrite: false,
      writeRefusal: 'stage_closed' as const,
    });
    const session = buildSessionView({
      canvases: [
        canvas('a', 'MK-3', 'work'),
        canvas('b', 'MK-3', 'facilitator_notes'),
        canvas('c', 'MK-4', 'work'),
      ],
    });
    expect(workCanvases(session, 'MK-3').map((found) => found.id)).toEqual(['a']);
  });
});
