import type { Account } from '@mizug/domain';
import * as sessions from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { authorize } from '../../policy/authorize';
import { announceQuotedChange } from '../cards/changed';
import { runCommand, type CommandDeps } from '../command';
import { auditSession, announceChange, loadSessionContext } from './context';
import { postResource } from './resources';

/**
 * A participant withdraws their own post (or, with `withdrawn` false, lets it stand again), as
 * the participation contract promises: nobody else reads its text from then on, and every card
 * quoting it shows as withdrawn. Only its author may, wherever the post still reaches them.
 */
export async function setPostWithdrawn(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  contributionId: string,
  withdrawn: boolean,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'read');
  const post = await sessions.findContribution(deps.db, sessionId, contributionId);
  const resource = post && postResource(context, post);
  if (!post || !resource) throw new AppError('not_found');
  authorize(context.actor, 'manage', resource);
  if (Boolean(post.withdrawnAt) === withdrawn) return;

  // Audited by ids and kind only, like the post itself.
  await runCommand(deps, async (scope) => {
    await sessions.setContributionWithdrawn(scope.tx, post.id, withdrawn);
    await auditSession(
      scope,
      context,
      withdrawn ? 'contribution.withdraw' : 'contribution.restore',
      {
        contributionId: post.id,
        stageId: post.stageId,
        spaceId: post.spaceId,
        kind: post.kind,
      },
    );
    announceChange(scope, context.session);
    await announceQuotedChange(scope, context.session.initiativeId, { postId: post.id });
  });
}
