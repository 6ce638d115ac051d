import type { Account, Finding } from '@mizug/domain';
import * as findings from '../../db/repositories/findings';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { findingFor } from './context';
import { readFinding } from './read';

/** Renames a finding; a final one keeps its name with its frozen text. */
export async function renameFinding(
  deps: CommandDeps,
  account: Account,
  findingId: string,
  title: string,
): Promise<Finding> {
  const { finding } = await findingFor(deps.db, account, findingId, 'write');
  if (finding.status === 'final') throw new AppError('finding_final');
  await runCommand(deps, async ({ tx, audit, emit }) => {
    if (!(await findings.updateFindingTitle(tx, finding.id, title)))
      throw new AppError('finding_final');
    await audit({
      action: 'finding.rename',
      actorId: account.id,
      initiativeId: finding.initiativeId,
      details: { boardId: finding.boardId, findingId: finding.id },
    });
    emit('boardChanged', finding.initiativeId, finding.boardId);
  });
  return readFinding(deps.db, account, findingId);
}
