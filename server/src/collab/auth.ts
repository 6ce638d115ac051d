import { docNameSchema, type Account, type DocName } from '@mizug/domain';
import { sha256 } from '../auth/tokens';
import type { Database } from '../db/database';
import { findMembership } from '../db/repositories/memberships';
import { findSignIn, liveSignInHashes } from '../db/repositories/sign-ins';
import { loadActor } from '../policy/actor';
import { can } from '../policy/policy';
import type { CollabIdentity } from './connection';
import { findDocumentResource } from './document-kinds';

/**
 * Who may open a document: the sign-in cookie's account, if the policy lets it read the resource
 * the document belongs to (a space, a story, a session's canvas). Undefined for everything else, including documents that do not exist.
 */
export async function identifyForDocument(
  db: Database,
  signInToken: string | undefined,
  docName: string,
): Promise<CollabIdentity | undefined> {
  const parsed = docNameSchema.safeParse(docName);
  if (!parsed.success || !signInToken) return undefined;
  const tokenHash = sha256(signInToken);
  const signIn = await findSignIn(db, tokenHash);
  if (!signIn) return undefined;
  return decide(db, parsed.data, signIn.account, { tokenHash, expiresAt: signIn.expiresAt });
}

/**
 * Re-decides for an open connection (membership changed): undefined means disconnect. Its
 * sign-in must still be live too, since access belongs to a sign-in, not only to an account.
 */
export async function reidentify(db: Database, identity: CollabIdentity, docName: string) {
  const parsed = docNameSchema.safeParse(docName);
  if (!parsed.success) return undefined;
  const signIn = await findSignIn(db, identity.signIn.tokenHash);
  if (!signIn || signIn.account.id !== identity.accountId) return undefined;
  return decide(db, parsed.data, signIn.account, identity.signIn);
}

/** The sign-ins (token hashes) among these identities that are still live. */
export function liveSignIns(db: Database, identities: CollabIdentity[]): Promise<Set<string>> {
  return liveSignInHashes(db, [
    ...new Set(identities.map((identity) => identity.signIn.tokenHash)),
  ]);
}

async function decide(
  db: Database,
  doc: DocName,
  account: Account,
  signIn: CollabIdentity['signIn'],
): Promise<CollabIdentity | undefined> {
  const found = await findDocumentResource(db, doc, account);
  if (!found) return undefined;
  const actor = await loadActor(db, account, found.resource.initiativeId);
  if (!can(actor, 'read', found.resource)) return undefined;
  const membership = await findMembership(db, found.resource.initiativeId, account.id);
  return {
    accountId: account.id,
    signIn,
    initiativeId: found.resource.initiativeId,
    displayName: found.presenceName(account, membership?.displayName ?? account.displayName),
    canWrite: can(actor, 'write', found.resource),
  };
}
