import { storyBodyDocName, type Account, type StoryVersion } from '@mizug/domain';
import { documentText, replaceRichText } from '@mizug/editor';
import * as Y from 'yjs';
import type { LiveDocuments } from '../deps';
import type { Database } from '../db/database';
import { findAccountById } from '../db/repositories/accounts';
import { appendAudit } from '../db/repositories/audit';
import {
  listVersions,
  readVersionState,
  type StoredVersion,
} from '../db/repositories/document-versions';
import { AppError } from '../errors';
import { storyFor } from './stories';

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

/** Keeps the story as it reads now, on demand. */
export async function takeStoryVersion(
  db: Database,
  documents: LiveDocuments,
  account: Account,
  storyId: string,
) {
  await storyFor(db, account, storyId, 'write');
  return versionView(
    db,
    await documents.history.take(storyBodyDocName(storyId), account.id, 'manual'),
  );
}

/**
 * Brings an earlier version back as a new change, after keeping the current text as a version
 * of its own, so a restore can itself be undone. Only the teller decides.
 */
export async function restoreStoryVersion(
  db: Database,
  documents: LiveDocuments,
  account: Account,
  storyId: string,
  versionId: string,
) {
  const { story } = await storyFor(db, account, storyId, 'manage');
  const docName = storyBodyDocName(storyId);
  const state = await readVersionState(db, docName, versionId);
  if (!state) throw new AppError('not_found');
  await documents.history.take(docName, account.id, 'before_restore');
  const source = docOf(state);
  await documents.edit(docName, (doc) => replaceRichText(doc, source), account.id);
  source.destroy();
  await appendAudit(db, {
    action: 'story.restore_version',
    actorId: account.id,
    tellerOf: storyId,
    initiativeId: story.initiativeId,
    details: { storyId, versionId },
  });
}
