import type { Account, Finding, NewFindingDecision } from '@mizug/domain';
import * as findings from '../../db/repositories/findings';
import { AppError } from '../../errors';
import { can } from '../../policy/policy';
import { runCommand, type CommandDeps } from '../command';
import { findingFor, findingResourceIn, type BoardContext } from './context';
import { readFinding } from './read';
import { requireStatus } from './round';

/**
 * Refuses acting for `spaceId` on a board's findings unless it is one of the groups that decide
 * there (`group_not_deciding`) and the caller may `decide` for it as its member (`not_in_group`).
 */
export function requireDecidingMember(context: BoardContext, spaceId: string) {
  if (!context.groups.some((group) => group.id === spaceId))
    throw new AppError('group_not_deciding');
  if (!can(context.actor, 'decide', findingResourceIn(context, spaceId)))
    throw new AppError('not_in_group');
}

/**
 * Records a member's decision for their group on a returned finding, this round (recording
 * again replaces theirs). Whether it stands is the group's rule's to say.
 */
export async function decideOnFinding(
  deps: CommandDeps,
  account: Account,
  findingId: string,
  input: NewFindingDecision,
): Promise<Finding> {
  const { finding, context } = await findingFor(deps.db, account, findingId, 'read');
  requireDecidingMember(context, input.spaceId);
  requireStatus(finding, 'returned');
  await runCommand(deps, async ({ tx, audit, emit }) => {
    // A decision counts for the round it was made in: refused if the finding moved meanwhile.
    const now = await findings.findFinding(tx, finding.id);
    if (now?.status !== 'returned' || now.round !== finding.round)
      throw new AppError(now?.status === 'final' ? 'finding_final' : 'finding_not_returned');
    await findings.recordDecision(tx, {
      findingId: finding.id,
      round: finding.round,
      spaceId: input.spaceId,
      decision: input.decision,
      comment: input.comment,
      recordedBy: account.id,
    });
    await audit({
      action: 'finding.decide',
      actorId: account.id,
      initiativeId: finding.initiativeId,
      details: {
        boardId: finding.boardId,
        findingId: finding.id,
        round: finding.round,
        spaceId: input.spaceId,
        decision: input.decision,
      },
    });
    emit('boardChanged', finding.initiativeId, finding.boardId);
  });
  return readFinding(deps.db, account, findingId);
}
