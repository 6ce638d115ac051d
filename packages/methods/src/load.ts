import type { z } from 'zod';
import { methodDefinitionSchema, type MethodDefinition } from './schema';

export interface MethodProblem {
  /** The exact field, e.g. `stages.3.prompts.0.ar`. */
  path: string;
  message: string;
}

export type LoadedMethod =
  { ok: true; method: MethodDefinition } | { ok: false; problems: MethodProblem[] };

/** Checks a method definition, naming every field that is wrong. */
export function loadMethod(input: unknown, errorMap?: z.core.$ZodErrorMap): LoadedMethod {
  const parsed = methodDefinitionSchema.safeParse(input, errorMap && { error: errorMap });
  if (parsed.success) return { ok: true, method: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}

/** For definitions shipped with Mizug: a broken one is a programming error, said precisely. */
export function mustLoadMethod(input: unknown): MethodDefinition {
  const loaded = loadMethod(input);
  if (loaded.ok) return loaded.method;
  const lines = loaded.problems.map(({ path, message }) => `  ${path}: ${message}`);
  throw new Error(`Method definition is not valid:\n${lines.join('\n')}`);
}
