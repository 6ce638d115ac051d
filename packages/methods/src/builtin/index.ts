import { mustLoadMethod } from '../load';
import type { MethodDefinition } from '../schema';
import { learningFromSuccess } from './learning-from-success';
import { mergingOfKnowledge } from './merging-of-knowledge';
import { practiceWisdom } from './practice-wisdom';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The methods Mizug ships (METHODS.md), checked when first imported and frozen: a facilitator
 * adapts a copy, never these.
 */
export const builtinMethods: readonly MethodDefinition[] = deepFreeze(
  [mergingOfKnowledge, learningFromSuccess, practiceWisdom].map(mustLoadMethod),
);

export const findBuiltinMethod = (id: string) => builtinMethods.find((method) => method.id === id);
