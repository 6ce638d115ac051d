import { exportFormats, type ExportScope } from '@mizug/exporters';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/database';
import { findAccountForSignIn, findAccountById } from '../db/repositories/accounts';
import { listAllInitiatives } from '../db/repositories/initiatives';
import { listMemberships } from '../db/repositories/memberships';
import { AppError } from '../errors';
import { exportInitiative } from '../services/exports/export';

/** `pnpm mizug initiatives --json`: each initiative's id and name, for scripts to find one. */
export const initiativeList = async (db: Database) =>
  (await listAllInitiatives(db)).map(({ id, name, languages }) => ({ id, name, languages }));

/**
 * Whom a command-line export runs as: `--as <handle>` (who must be allowed to export, as over the
 * API), or else the initiative's first admin. The export follows that person's view and consent
 * rules exactly, and the audit log names them.
 */
async function exporterOf(db: Database, initiativeId: string, handle: string | undefined) {
  if (handle) {
    const found = await findAccountForSignIn(db, handle);
    if (!found) throw new Error(`There is no account with the handle "${handle}".`);
    return found.account;
  }
  const admin = (await listMemberships(db, initiativeId)).find(({ role }) => role === 'admin');
  const account = admin && (await findAccountById(db, admin.accountId));
  if (!account) throw new Error(`There is no initiative ${initiativeId}, or it has no admin.`);
  return account;
}

const refusals: Partial<Record<string, string>> = {
  forbidden: 'may not export this initiative (researchers, facilitators and admins may)',
  not_found: 'is not a member of this initiative, or it does not exist',
  export_codebook_empty: 'cannot export a codebook: it has no codes yet',
  export_session_not_found: 'cannot export that session: this initiative has no such session',
  export_finding_not_found:
    "cannot export that finding: this initiative's synthesis has no such finding",
  export_pdf_needs_chromium:
    'cannot be given a PDF here: PDF needs Chromium (install it at /usr/bin/chromium or set CHROMIUM_PATH)',
};

/**
 * `pnpm mizug export`: one initiative (or one session or finding of it) in one format, written to
 * `out` whole or not at all.
 */
export async function exportToFile(
  db: Database,
  options: { initiativeId: string; format: string; out: string; as?: string; scope?: ExportScope },
) {
  if (!(exportFormats as readonly string[]).includes(options.format))
    throw new Error(`--format must be one of ${exportFormats.join(', ')}.`);
  const account = await exporterOf(db, options.initiativeId, options.as);
  let file;
  try {
    file = await exportInitiative(db, account, options.initiativeId, options.format, options.scope);
  } catch (error) {
    if (error instanceof AppError && refusals[error.code])
      throw new Error(`"${account.handle}" ${refusals[error.code]}.`, { cause: error });
    throw error;
  }
  // Written beside the target and renamed, so a failed export leaves no half file.
  const partial = `${options.out}.partial`;
  try {
    await pipeline(file.stream, createWriteStream(partial));
    await rename(partial, options.out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { ...file, account };
}
