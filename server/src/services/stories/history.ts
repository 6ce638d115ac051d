import { storyBodyDocName, type Account, type StoryVersion } from '@mizug/domain';
import { documentText, replaceRichText } from '@mizug/editor';
import * as Y from 'yjs';
import type { Database } from '../../db/database';
import { findAccountById } from '../../db/repositories/accounts';
import {
  insertVersion,
  listVersions,
  readVersionState,
  type StoredVersion,
} from '../../db/repositories/document-versions';
import type { LiveDocuments } from '../../deps';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { storyFor } from './access';
import { auditStory } from './audit';

type HistoryDeps = CommandDeps & { documents: LiveDocuments };

function docOf(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

async function versionView(db: Database, version: StoredVersion): Promise<StoryVersion> {
  const person = async (accountId: string) => ({
    accountId,
    displayName: (await findAccountById(db, accountId))?.displayName ?? '',
  });
  const doc = docOf((await readVersionState(db, version.docName, version.id))!);
  const text = documentText(doc);
  doc.destroy();
  return {
    id: version.id,
    takenAt: version.takenAt.toISOString(),
    reason: version.reason,
    takenBy: version.takenBy ? await person(version.takenBy) : null,
    contributors: await Promise.all(version.contributors.map(person)),
    text,
  };
}

/** Earlier versions, newest first, each with who wrote in it: the teller and supporters see them. */
export async function storyVersions(db: Database, account: Account, storyId: string) {
  await storyFor(db, account, storyId, 'write');
  const versions = await listVersions(db, storyBodyDocName(storyId));
  return Promise.all(versions.map((version) => versionView(db, version)));
}

/**
 * Keeps the story as it reads now, on demand. Audited but not announced: it changes neither the
 * text nor who reads it.
 */
export async function takeStoryVersion(deps: HistoryDeps, account: Account, storyId: string) {
  const { story } = await storyFor(deps.db, account, storyId, 'write');
  const docName = storyBodyDocName(storyId);
  const state = await deps.documents.history.currentState(docName);
  const version = await runCommand(deps, async ({ tx, audit }) => {
    const kept = await insertVersion(tx, { docName, takenBy: account.id, reason: 'manual', state });
    await auditStory({ audit }, account, story, 'story.take_version', { versionId: kept.id });
    return kept;
  });
  return versionView(deps.db, version);
}

/**
 * Brings an earlier version back as a new change, after keeping the current text as a version
 * of its own, so a restore can itself be undone. Only the teller decides.
 */
export async function restoreStoryVersion(
  deps: HistoryDeps,
  account: Account,
  storyId: string,
  versionId: string,
) {
  const { db, documents } = deps;
  const { story } = await storyFor(db, account, storyId, 'manage');
  const docName = storyBodyDocName(storyId);
  const state = await readVersionState(db, docName, versionId);
  if (!state) throw new AppError('not_found');
  const current = await documents.history.currentState(docName);
  await runCommand(deps, async ({ tx, audit }) => {
    await insertVersion(tx, {
      docName,
      takenBy: account.id,
      reason: 'before_restore',
      state: current,
    });
    await audit({
      action: 'story.restore_version',
      actorId: account.id,
      tellerOf: storyId,
      initiativeId: story.initiativeId,
      details: { storyId, versionId },
    });
  });
  // The edit cannot join that transaction: the live room stores it through its own connection
  // (PGlite's only one, which the transaction holds) and broadcasts it, which no rollback undoes.
  // So the kept version and the audit entry commit first; if the edit then fails, the request
  // fails, the text is as it was, and the entry over-reports a restore rather than hide one.
  const source = docOf(state);
  try {
    await documents.edit(docName, (doc) => replaceRichText(doc, source), account.id);
  } finally {
    source.destroy();
  }
}
