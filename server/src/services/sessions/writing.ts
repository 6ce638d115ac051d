import type { Account, WriteRefusal } from '@mizug/domain';
import type { Stage } from '@mizug/methods';
import * as sessions from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { can, type CanvasWriters, type Resource } from '../../policy/policy';
import { runCommand, type CommandDeps } from '../command';
import {
  announceChange,
  auditSession,
  isOpen,
  loadSessionContext,
  type SessionContext,
} from './context';

const refusalOfWriters: Record<CanvasWriters, WriteRefusal> = {
  group: 'not_in_group',
  owner: 'not_owner',
  representatives: 'not_representative',
  working_group: 'not_in_writing_team',
  participants: 'not_in_group',
  facilitators: 'facilitators_only',
};

/**
 * Why the policy lets the caller read a canvas (or a session board) but not write in it, in the
 * order a person can act on it; null when they may write. The policy decides, this only names
 * the first of its conditions that does not hold.
 */
export function canvasRefusal(
  context: SessionContext,
  resource: Extract<Resource, { kind: 'canvas' }>,
): WriteRefusal | null {
  if (can(context.actor, 'write', resource)) return null;
  if (!resource.open) return 'stage_closed';
  if (!context.runsSession && !resource.contractAccepted) return 'contract_not_accepted';
  return refusalOfWriters[resource.writers];
}

/** Why the caller may not post in `stage` (the policy's `canPost` said no, or it is closed). */
export function postRefusal(context: SessionContext, stage: Stage, canPost: boolean) {
  if (!isOpen(context, stage.id)) return 'stage_closed';
  if (!context.runsSession && !context.facts.contractAcceptors.has(context.account.id))
    return 'contract_not_accepted';
  if (canPost) return null;
  return stage.participation === 'representatives' ? 'not_representative' : 'not_in_group';
}

/**
 * The facilitators choose the session's mixed writing team (MK-8) from the people of its groups;
 * the choice replaces the last one, and decides at once who writes the final text.
 */
export async function chooseWritingTeam(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  accountIds: string[],
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'manage');
  for (const [index, accountId] of accountIds.entries())
    if (!context.facts.participantIds.includes(accountId))
      throw new AppError('not_a_participant', { [`accountIds.${index}`]: 'not_a_participant' });
  const chosen = [...new Set(accountIds)];
  await runCommand(deps, async (scope) => {
    await sessions.replaceWritingTeam(scope.tx, sessionId, chosen, account.id);
    await auditSession(scope, context, 'session.writing_team', { accountIds: chosen });
    announceChange(scope, context.session, { access: true });
  });
}
