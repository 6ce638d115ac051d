import { describe, expect, it } from 'vitest';
import { builtinMethods, findBuiltinMethod, loadMethod, type MethodDefinitionInput } from './src';

const stageIds = (id: string) => findBuiltinMethod(id)?.stages.map((stage) => stage.id);
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `${prefix}-${from + index}`);

describe('the built-in methods', () => {
  it('ship the three protocols of METHODS.md, stage by stage', () => {
    expect(builtinMethods.map((method) => method.id)).toEqual([
      'merging-of-knowledge',
      'learning-from-success',
      'practice-wisdom',
    ]);
    expect(stageIds('merging-of-knowledge')).toEqual(range('MK', 0, 10));
    expect(stageIds('learning-from-success')).toEqual(range('LS', 1, 10));
    expect(stageIds('practice-wisdom')).toEqual(range('PW', 1, 10));
  });

  it('speak Hebrew, Arabic and English in every title, purpose and prompt', () => {
    for (const method of builtinMethods)
      for (const stage of method.stages)
        for (const text of [stage.title, stage.purpose, ...stage.prompts]) {
          expect(text.he).toMatch(/[\u0590-\u05FF]/);
          expect(text.ar).toMatch(/[\u0600-\u06FF]/);
          expect(text.en).toMatch(/[A-Za-z]/);
        }
  });

  it('keep Merging of Knowledge separate until the groups have validated and released', () => {
    const stages = findBuiltinMethod('merging-of-knowledge')!.stages.map(
      ({ id, participation, exit, artefact }) => [id, participation, exit, artefact],
    );
    // Each group builds and validates its own knowledge, then releases it; only then the merge.
    expect(stages.slice(0, 7)).toEqual([
      ['MK-0', 'everyone', 'everyone_accepted_contract', 'contract'],
      ['MK-1', 'each_group', 'facilitator_closes', 'canvas'],
      ['MK-2', 'individual', 'facilitator_closes', 'contributions'],
      ['MK-3', 'each_group', 'every_group_validated', 'canvas'],
      // Drafted by the facilitators on each group's own board, validated by the group.
      ['MK-4', 'each_group', 'every_group_validated', 'board'],
      ['MK-5', 'each_group', 'every_group_released', 'release'],
      // The representatives merge on the synthesis board.
      ['MK-6', 'representatives', 'facilitator_closes', 'board'],
    ]);
    // And each group validates the merged result, finding by finding on that board.
    expect(stages[7]).toEqual(['MK-7', 'each_group', 'every_group_validated', 'validation']);
    // The mixed writing team co-writes the final text on the session's board.
    expect(stages[8]).toEqual(['MK-8', 'working_group', 'every_group_validated', 'board']);
  });

  it('stay untouched by whoever holds them', () => {
    expect(() => {
      (builtinMethods as MethodDefinitionInput[]).push(builtinMethods[0]!);
    }).toThrow();
    expect(() => {
      (builtinMethods[0]!.stages[0]!.title as { en: string }).en = 'Renamed';
    }).toThrow();
  });
});

// A definition as a facilitator's browser might send it: any shape at all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = Record<string, any>;

describe('loading a method definition', () => {
  const valid = () => structuredClone(findBuiltinMethod('learning-from-success')!) as unknown;
  const problemsOf = (mutate: (method: Untyped) => void) => {
    const method = valid() as Untyped;
    mutate(method);
    const loaded = loadMethod(method);
    return loaded.ok ? [] : loaded.problems.map((problem) => problem.path);
  };

  it('accepts a faithful copy', () => {
    expect(loadMethod(valid()).ok).toBe(true);
  });

  it('names the exact field that is wrong', () => {
    expect(problemsOf((method) => delete method.stages[3].prompts[0].ar)).toEqual([
      'stages.3.prompts.0.ar',
    ]);
    expect(problemsOf((method) => (method.stages[2].participation = 'whoever'))).toEqual([
      'stages.2.participation',
    ]);
    expect(problemsOf((method) => (method.stages[0].exit = 'when_bored'))).toEqual([
      'stages.0.exit',
    ]);
    expect(problemsOf((method) => (method.stages[1].title.he = '   '))).toEqual([
      'stages.1.title.he',
    ]);
    expect(problemsOf((method) => (method.stages[4].surprise = true))).toEqual(['stages.4']);
  });

  it('refuses two stages with one id, and a validation stage anyone could close', () => {
    expect(problemsOf((method) => (method.stages[5].id = method.stages[4].id))).toEqual([
      'stages.5.id',
    ]);
    expect(
      problemsOf((method) => {
        method.stages[6].artefact = 'validation';
        method.stages[6].exit = 'facilitator_closes';
      }),
    ).toEqual(['stages.6.exit']);
  });

  it('refuses a method without stages, or something that is not a method at all', () => {
    expect(problemsOf((method) => (method.stages = []))).toEqual(['stages']);
    const loaded = loadMethod('merging-of-knowledge');
    expect(loaded.ok).toBe(false);
  });
});
