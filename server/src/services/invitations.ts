import type { Account, CreatedInvitation, Join, NewInvitation } from '@mizug/domain';
import { invitationCode, normalizeInvitationCode, sha256 } from '../auth/tokens';
import { findSpace } from '../db/repositories/initiatives';
import {
  findInvitation,
  findInvitationByCodeForUpdate,
  insertInvitation,
  revokeInvitation as markRevoked,
  useInvitation,
} from '../db/repositories/invitations';
import { insertMembership, putSpaceMember } from '../db/repositories/memberships';
import { AppError } from '../errors';
import { loadActor } from '../policy/actor';
import { authorize } from '../policy/authorize';
import { runCommand, type CommandDeps } from './command';
import { createAccount } from './create-account';
import { openSignIn, type NewSignIn } from './sign-in';
import { standingOnJoining } from './space-membership';

const hashCode = (code: string) => sha256(normalizeInvitationCode(code));

/** A new invitation code (shown once: only its hash is stored) for a role and maybe a space. */
export async function createInvitation(
  deps: CommandDeps,
  inviter: Account,
  initiativeId: string,
  input: NewInvitation,
): Promise<CreatedInvitation> {
  const { db } = deps;
  authorize(await loadActor(db, inviter, initiativeId), 'create', {
    kind: 'invitation',
    initiativeId,
    role: input.role,
  });
  if (input.spaceId) {
    const space = await findSpace(db, input.spaceId);
    if (!space || space.initiativeId !== initiativeId || space.kind === 'synthesis') {
      throw new AppError('validation_failed', { spaceId: 'not_found' });
    }
    // Researchers read the synthesis space only.
    if (input.role === 'researcher') {
      throw new AppError('validation_failed', { spaceId: 'forbidden' });
    }
  }
  const code = invitationCode();
  return runCommand(deps, async ({ tx, audit }) => {
    const id = await insertInvitation(tx, {
      ...input,
      initiativeId,
      codeHash: hashCode(code),
      createdBy: inviter.id,
    });
    await audit({
      action: 'invitation.create',
      actorId: inviter.id,
      initiativeId,
      details: {
        invitationId: id,
        role: input.role,
        spaceId: input.spaceId,
        maxUses: input.maxUses,
      },
    });
    return { ...(await findInvitation(tx, id))!, code };
  });
}

/** Revokes an invitation: its code stops working; those who joined with it stay. */
export async function revokeInvitation(
  deps: CommandDeps,
  actor: Account,
  initiativeId: string,
  invitationId: string,
) {
  const { db } = deps;
  const invitation = await findInvitation(db, invitationId);
  if (!invitation || invitation.initiativeId !== initiativeId) throw new AppError('not_found');
  authorize(await loadActor(db, actor, initiativeId), 'manage', {
    kind: 'invitation',
    initiativeId,
    role: invitation.role,
  });
  await runCommand(deps, async ({ tx, audit }) => {
    await markRevoked(tx, invitationId);
    await audit({
      action: 'invitation.revoke',
      actorId: actor.id,
      initiativeId,
      details: { invitationId },
    });
  });
}

/**
 * Creates the account, its membership and (for peer roles) its space membership (or, in another
 * group's space, its request to join), uses the code
 * once and signs the new member in; any failure leaves nothing behind.
 */
export async function joinWithInvitation(deps: CommandDeps, input: Join): Promise<NewSignIn> {
  return runCommand(deps, async ({ tx, audit }) => {
    const invitation = await findInvitationByCodeForUpdate(tx, hashCode(input.code));
    if (!invitation || invitation.revoked)
      throw new AppError('invitation_invalid', { code: 'invitation_invalid' });
    if (invitation.expired)
      throw new AppError('invitation_expired', { code: 'invitation_expired' });
    if (invitation.uses >= invitation.maxUses)
      throw new AppError('invitation_used_up', { code: 'invitation_used_up' });

    const account = await createAccount(tx, input);
    const { initiativeId } = invitation;
    await insertMembership(tx, {
      initiativeId,
      accountId: account.id,
      role: invitation.role,
      sector: invitation.sector,
    });
    // An invitation into another group's space is a proposal to that group, like any other.
    const space = invitation.spaceId ? await findSpace(tx, invitation.spaceId) : undefined;
    const standing = space && (await standingOnJoining(tx, space, invitation.role));
    if (space && standing) {
      await putSpaceMember(tx, { spaceId: space.id, accountId: account.id, kind: standing });
    }
    await useInvitation(tx, invitation.id);
    await audit({
      action: 'invitation.accept',
      actorId: account.id,
      initiativeId,
      details: {
        invitationId: invitation.id,
        role: invitation.role,
        spaceId: invitation.spaceId,
        as: standing ?? null,
      },
    });
    return openSignIn(tx, account);
  });
}
