import type { Account } from '@mizug/domain';
import { builtinMethods, loadMethod, type MethodDefinition } from '@mizug/methods';
import type { z } from 'zod';
import type { Database } from '../../db/database';
import * as sessions from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { runCommand, type CommandDeps } from '../command';
import { findAdaptation, resolveMethod } from './start';

export interface MethodEntry {
  /** What a session is started with: the built-in's id, or the adaptation's uuid. */
  ref: string;
  builtin: boolean;
  definition: MethodDefinition;
}

/** The built-in methods and the initiative's adaptations of them. */
export async function listMethods(db: Database, account: Account, initiativeId: string) {
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'read', { kind: 'methods', initiativeId });
  const adapted = await sessions.listInitiativeMethods(db, initiativeId);
  return [
    ...builtinMethods.map((definition) => ({ ref: definition.id, builtin: true, definition })),
    ...adapted.map(({ id, definition }) => ({ ref: id, builtin: false, definition })),
  ] satisfies MethodEntry[];
}

/** A copy of a method for this initiative to adapt, recording what it was derived from. */
export async function adaptMethod(
  deps: CommandDeps,
  account: Account,
  initiativeId: string,
  fromRef: string,
): Promise<MethodEntry> {
  const actor = await loadActor(deps.db, account, initiativeId);
  authorize(actor, 'create', { kind: 'methods', initiativeId });
  const source = await resolveMethod(deps.db, initiativeId, fromRef);
  if (!source) throw new AppError('validation_failed', { from: 'not_found' });
  const definition: MethodDefinition = {
    ...structuredClone(source),
    id: `${source.derivedFrom?.methodId ?? source.id}-${crypto.randomUUID().slice(0, 8)}`,
    version: 1,
    derivedFrom: { methodId: source.id, version: source.version },
  };
  const id = await runCommand(deps, async ({ tx, audit }) => {
    const inserted = await sessions.insertInitiativeMethod(
      tx,
      initiativeId,
      definition,
      account.id,
    );
    await audit({
      action: 'method.adapt',
      actorId: account.id,
      initiativeId,
      details: { methodId: inserted, from: fromRef },
    });
    return inserted;
  });
  return { ref: id, builtin: false, definition };
}

/**
 * Saves a facilitator's changes to an adaptation (rename, reorder, add or drop stages, rewrite
 * prompts). Its identity and origin stay as they were; each save is a new version. A malformed
 * definition is refused with every wrong field named in the caller's language.
 */
export async function changeMethod(
  deps: CommandDeps,
  account: Account,
  initiativeId: string,
  ref: string,
  input: unknown,
  errorMap: z.core.$ZodErrorMap,
): Promise<MethodEntry> {
  const actor = await loadActor(deps.db, account, initiativeId);
  authorize(actor, 'write', { kind: 'methods', initiativeId });
  const stored = await findAdaptation(deps.db, initiativeId, ref);
  if (!stored) throw new AppError('not_found');
  const { id, version, derivedFrom } = stored.definition;
  const loaded = loadMethod(
    { ...(input as object), id, version: version + 1, derivedFrom },
    errorMap,
  );
  if (!loaded.ok)
    throw new AppError(
      'method_invalid',
      Object.fromEntries(loaded.problems.map(({ path, message }) => [path, { message }])),
    );
  await runCommand(deps, async ({ tx, audit }) => {
    await sessions.updateInitiativeMethod(tx, ref, loaded.method);
    await audit({
      action: 'method.adapt',
      actorId: account.id,
      initiativeId,
      details: { methodId: ref, version: loaded.method.version },
    });
  });
  return { ref, builtin: false, definition: loaded.method };
}
