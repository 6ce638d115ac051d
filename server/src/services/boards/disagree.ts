import type { Account, Finding, NewDisagreement } from '@mizug/domain';
import * as findings from '../../db/repositories/findings';
import { AppError } from '../../errors';
import { can } from '../../policy/policy';
import { runCommand, type CommandDeps } from '../command';
import { findingFor } from './context';
import { requireDecidingMember } from './decide';
import { readFinding } from './read';

/**
 * Adds a minority position to a finding's disagreement register, with its group of origin (one
 * of the groups that decide on it). Recorded by the finding's writers, or by a member of that
 * group; a final finding's register is closed with it.
 */
export async function recordDisagreement(
  deps: CommandDeps,
  account: Account,
  findingId: string,
  input: NewDisagreement,
): Promise<Finding> {
  const { finding, context, resource } = await findingFor(deps.db, account, findingId, 'read');
  // Said first: whoever asks, a final finding's register is closed.
  if (finding.status === 'final') throw new AppError('finding_final');
  if (!context.groups.some((group) => group.id === input.spaceId))
    throw new AppError('group_not_deciding');
  if (!can(context.actor, 'write', resource)) requireDecidingMember(context, input.spaceId);
  await runCommand(deps, async ({ tx, audit, emit }) => {
    // Made final meanwhile: refused all the same.
    if ((await findings.findFinding(tx, finding.id))?.status === 'final')
      throw new AppError('finding_final');
    const id = await findings.insertDisagreement(tx, {
      findingId: finding.id,
      spaceId: input.spaceId,
      position: input.position,
      recordedBy: account.id,
    });
    await audit({
      action: 'finding.disagreement',
      actorId: account.id,
      initiativeId: finding.initiativeId,
      details: {
        boardId: finding.boardId,
        findingId: finding.id,
        disagreementId: id,
        spaceId: input.spaceId,
      },
    });
    emit('boardChanged', finding.initiativeId, finding.boardId);
  });
  return readFinding(deps.db, account, findingId);
}
