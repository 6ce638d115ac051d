import type { Account, Code, CodeDescription, CodeName } from '@mizug/domain';
import type { Queryable } from '../../db/database';
import { findCode, isSameOrAncestor } from '../../db/repositories/codes';
import { findInitiative } from '../../db/repositories/initiatives';
import { AppError, type FieldErrors } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import type { Action } from '../../policy/policy';

/**
 * The code, once the account may `action` it; a code of an initiative the account is not in is
 * not found, exactly like a code that does not exist.
 */
export async function authorizedCode(
  db: Queryable,
  account: Account,
  codeId: string,
  action: Action,
): Promise<Code> {
  const code = await findCode(db, codeId);
  if (!code) throw new AppError('not_found');
  const actor = await loadActor(db, account, code.initiativeId);
  authorize(actor, action, { kind: 'code', initiativeId: code.initiativeId });
  return code;
}

/** Refuses words in a language the initiative does not work in, naming each such field. */
export async function checkLanguages(
  db: Queryable,
  account: Account,
  initiativeId: string,
  texts: { name?: CodeName; description?: CodeDescription },
) {
  const initiative = await findInitiative(db, initiativeId, account.id);
  const used = new Set<string>(initiative?.languages ?? []);
  const fields: FieldErrors = {};
  for (const [field, text] of Object.entries({ name: texts.name, description: texts.description }))
    for (const language of Object.keys(text ?? {}))
      if (!used.has(language)) fields[`${field}.${language}`] = 'language_not_in_initiative';
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
}

/**
 * A code another one may sit under or merge into: one of the same initiative. A code of another
 * initiative is refused exactly like one that does not exist, so nothing says it is there.
 */
export async function codeOfSameInitiative(
  db: Queryable,
  initiativeId: string,
  codeId: string,
  field: string,
): Promise<Code> {
  const code = await findCode(db, codeId);
  if (!code || code.initiativeId !== initiativeId)
    throw new AppError('code_not_in_initiative', { [field]: 'code_not_in_initiative' });
  return code;
}

/** Refuses to put `codeId` under `parentId` when that is the code itself or one of its own. */
export async function refuseCycle(db: Queryable, codeId: string, parentId: string) {
  if (await isSameOrAncestor(db, codeId, parentId))
    throw new AppError('code_cycle', { parentId: 'code_cycle' });
}
