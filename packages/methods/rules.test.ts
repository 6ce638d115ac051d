import { describe, expect, it } from 'vitest';
import {
  asksForRelease,
  asksForValidation,
  boardSpacesFor,
  canvasSpacesFor,
  findBuiltinMethod,
  groupDecisions,
  groupsAskedFor,
  hasReleased,
  isPeerStage,
  isSharedStage,
  participations,
  standingDecision,
  workSpaceFor,
  type Participation,
  type Stage,
} from './src';

const groups = ['lived', 'practitioners'];
const synthesis = 'synthesis';
const stage = (participation: Participation, more: Partial<Stage> = {}) =>
  ({ participation, artefact: 'canvas', exit: 'facilitator_closes', ...more }) as const;

/** Each participation kind, and what the rules say of it, exactly. */
const expected: Record<
  Participation,
  { shared: boolean; peer: boolean; asked: string[]; askedWithOwner: string[]; filedIn: string }
> = {
  everyone: {
    shared: true,
    peer: true,
    asked: groups,
    askedWithOwner: groups,
    filedIn: synthesis,
  },
  individual: {
    shared: false,
    peer: true,
    asked: groups,
    askedWithOwner: groups,
    filedIn: 'lived',
  },
  owner: {
    shared: false,
    peer: true,
    asked: groups,
    askedWithOwner: ['practitioners'],
    filedIn: 'lived',
  },
  each_group: {
    shared: false,
    peer: true,
    asked: groups,
    askedWithOwner: groups,
    filedIn: 'lived',
  },
  representatives: {
    shared: true,
    peer: false,
    asked: groups,
    askedWithOwner: groups,
    filedIn: synthesis,
  },
  working_group: {
    shared: true,
    peer: false,
    asked: groups,
    askedWithOwner: groups,
    filedIn: synthesis,
  },
};

describe('the method rules of each participation kind', () => {
  it('cover every kind the schema knows', () => {
    expect(Object.keys(expected).sort()).toEqual([...participations].sort());
  });

  describe.each(participations)('a stage for %s', (participation) => {
    const rules = expected[participation];

    it(
      rules.shared ? 'keeps its work in the synthesis space' : "keeps each group's work apart",
      () => {
        expect(isSharedStage(stage(participation))).toBe(rules.shared);
        expect(workSpaceFor(stage(participation), 'lived', synthesis)).toBe(rules.filedIn);
      },
    );

    it(rules.peer ? 'is taken part in as a group' : 'comes after the groups’ own work', () => {
      expect(isPeerStage(stage(participation))).toBe(rules.peer);
    });

    it('asks the groups it is for', () => {
      expect(groupsAskedFor(stage(participation), groups, null)).toEqual(rules.asked);
      expect(groupsAskedFor(stage(participation), groups, 'practitioners')).toEqual(
        rules.askedWithOwner,
      );
    });

    it('has its canvases where its work is filed', () => {
      expect(canvasSpacesFor(stage(participation), groups, 'practitioners', synthesis)).toEqual(
        rules.shared ? [synthesis] : rules.askedWithOwner,
      );
      expect(
        canvasSpacesFor(
          stage(participation, { artefact: 'contributions' }),
          groups,
          null,
          synthesis,
        ),
      ).toEqual([]);
    });
  });

  it('files the work of someone in no group (a facilitator) in the synthesis space', () => {
    expect(workSpaceFor(stage('each_group'), null, synthesis)).toBe(synthesis);
  });

  it('returns a copy of the groups, so a caller cannot change the session’s', () => {
    const asked = groupsAskedFor(stage('each_group'), groups, null);
    asked.push('other');
    expect(groups).toEqual(['lived', 'practitioners']);
  });
});

describe('the decisions a stage asks for', () => {
  it('asks for validation in validation stages, and in a success’s stages with no owner', () => {
    expect(asksForValidation({ exit: 'every_group_validated' }, true)).toBe(true);
    expect(asksForValidation({ exit: 'owner_confirmed' }, true)).toBe(false);
    expect(asksForValidation({ exit: 'owner_confirmed' }, false)).toBe(true);
    expect(asksForValidation({ exit: 'facilitator_closes' }, false)).toBe(false);
    expect(asksForValidation({ exit: 'every_group_released' }, false)).toBe(false);
  });

  it('asks for a release in release stages and in those that end with every release', () => {
    expect(asksForRelease({ artefact: 'release', exit: 'facilitator_closes' })).toBe(true);
    expect(asksForRelease({ artefact: 'responses', exit: 'every_group_released' })).toBe(true);
    expect(asksForRelease({ artefact: 'canvas', exit: 'every_group_validated' })).toBe(false);
  });
});

describe("a group's decisions", () => {
  const decisions = [
    { stageId: 'MK-3', spaceId: 'lived', round: 1, decision: 'changes' },
    { stageId: 'MK-3', spaceId: 'practitioners', round: 1, decision: 'approve' },
    { stageId: 'MK-3', spaceId: 'lived', round: 1, decision: 'approve' },
    { stageId: 'MK-3', spaceId: 'lived', round: 2, decision: 'reject' },
    { stageId: 'MK-4', spaceId: 'lived', round: 1, decision: 'reject' },
  ];

  it('keeps every decision of the round on record, oldest first', () => {
    expect(groupDecisions(decisions, 'MK-3', 'lived', 1).map((d) => d.decision)).toEqual([
      'changes',
      'approve',
    ]);
  });

  it('lets the latest decision of the round stand', () => {
    expect(standingDecision(decisions, 'MK-3', 'lived', 1)?.decision).toBe('approve');
    expect(standingDecision(decisions, 'MK-3', 'lived', 2)?.decision).toBe('reject');
    expect(standingDecision(decisions, 'MK-3', 'practitioners', 2)).toBeUndefined();
  });

  it("knows a group's release of one stage from another's", () => {
    const releases = [{ stageId: 'MK-5', spaceId: 'lived' }];
    expect(hasReleased(releases, 'MK-5', 'lived')).toBe(true);
    expect(hasReleased(releases, 'MK-5', 'practitioners')).toBe(false);
    expect(hasReleased(releases, 'MK-6', 'lived')).toBe(false);
  });
});

describe('the rules on the built-in methods', () => {
  const where = (methodId: string) =>
    findBuiltinMethod(methodId)!.stages.map((s) => [s.id, isSharedStage(s) ? 'shared' : 'groups']);

  it('keep Merging of Knowledge in the groups until the merge, and share its contract and return', () => {
    expect(where('merging-of-knowledge')).toEqual([
      ['MK-0', 'shared'],
      ['MK-1', 'groups'],
      ['MK-2', 'groups'],
      ['MK-3', 'groups'],
      ['MK-4', 'groups'],
      ['MK-5', 'groups'],
      ['MK-6', 'shared'],
      ['MK-7', 'groups'],
      ['MK-8', 'shared'],
      ['MK-9', 'shared'],
      ['MK-10', 'shared'],
    ]);
  });

  it("put MK-4's boards in each group's space and the merge's, validation's and writing's in the synthesis", () => {
    const boards = findBuiltinMethod('merging-of-knowledge')!
      .stages.map((s) => [s.id, boardSpacesFor(s, ['lived', 'pro'], null, 'synthesis')] as const)
      .filter(([, spaces]) => spaces.length > 0);
    expect(boards).toEqual([
      ['MK-4', ['lived', 'pro']],
      ['MK-6', ['synthesis']],
      ['MK-7', ['synthesis']],
      ['MK-8', ['synthesis']],
      ['MK-9', ['synthesis']],
    ]);
  });

  it("keep a success in its owner's group but for the working group's stage", () => {
    expect(where('learning-from-success').filter(([, kind]) => kind === 'shared')).toEqual([
      ['LS-9', 'shared'],
    ]);
  });

  it('file an adapted everyone stage in the synthesis space', () => {
    const method = findBuiltinMethod('merging-of-knowledge')!;
    const adapted = method.stages.map((s) =>
      s.id === 'MK-2' ? { ...s, participation: 'everyone' as const } : s,
    );
    const mk2 = adapted.find((s) => s.id === 'MK-2')!;
    expect(workSpaceFor(mk2, 'lived', synthesis)).toBe(synthesis);
    expect(
      workSpaceFor(
        method.stages.find((s) => s.id === 'MK-2')!,
        'lived',
        synthesis,
      ),
    ).toBe('lived');
  });
});
