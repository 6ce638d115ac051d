import type { Account, ContributionKind, NewContribution } from '@mizug/domain';
import type { Stage } from '@mizug/methods';
import * as sessions from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { can } from '../../policy/policy';
import { runCommand, type CommandDeps } from '../command';
import {
  auditSession,
  announceChange,
  loadSessionContext,
  requireContract,
  requireActsFor,
  requireOpen,
  stageOf,
  workSpaceOf,
} from './context';
import { postResource } from './resources';
import { crossedPropositions } from './propositions';
import { claimCrossed, groupsOf, isPeerStage } from './rules';

/** What a post is, from the stage and who writes it; null when the stage takes no such post. */
const contributionKindOf = (
  stage: Stage,
  ownerId: string | null,
  authorId: string,
  isReply: boolean,
): ContributionKind | null => {
  switch (stage.artefact) {
    case 'contributions':
      return stage.participation === 'owner' ? 'principle' : 'post';
    case 'questions':
      // The circle asks; the owner answers (anyone in the group, for a group's own success).
      if (isReply) return ownerId === null || ownerId === authorId ? 'answer' : null;
      return ownerId === authorId ? null : 'question';
    case 'claims':
      return isReply ? null : 'claim';
    case 'responses':
      return isReply ? 'response' : null;
    default:
      return null;
  }
};

/**
 * A post in the open stage. In the synthesis space it is labelled with its author's group, and
 * only a group's named representatives may speak on its behalf (or post at all in a stage for
 * representatives).
 */
export async function contribute(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  stageId: string,
  contribution: NewContribution,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'write');
  const { session, runsSession, myGroupIds } = context;
  const stage = stageOf(context, stageId);
  requireOpen(context, stageId);
  const kind = contributionKindOf(
    stage,
    session.ownerId,
    account.id,
    contribution.parentId !== undefined || contribution.findingId !== undefined,
  );
  if (!kind) throw new AppError('stage_artefact_mismatch');
  requireContract(context);

  let groupId: string | null = contribution.groupSpaceId ?? null;
  if (groupId) requireActsFor(context, groupId);
  else if (myGroupIds.length === 1) groupId = myGroupIds[0]!;
  else if (myGroupIds.length > 1)
    throw new AppError('validation_failed', { groupSpaceId: 'validation_failed' });
  if (!groupId && !runsSession && isPeerStage(stage)) throw new AppError('not_in_group');
  if (groupId && !groupsOf(context.facts, stage).includes(groupId) && isPeerStage(stage))
    throw new AppError('not_in_group');

  const spaceId = workSpaceOf(context, stage, groupId);
  const post = postResource(context, {
    stageId,
    spaceId,
    authorGroupId: groupId,
    onBehalfOf: contribution.onBehalfOf,
  });
  if (!post || !can(context.actor, 'create', post))
    throw new AppError(
      post?.writers === 'participants' && !contribution.onBehalfOf
        ? 'forbidden'
        : 'not_representative',
    );

  if (contribution.parentId) {
    const parent = await sessions.findContribution(deps.db, sessionId, contribution.parentId);
    const expected = kind === 'answer' ? 'question' : 'claim';
    if (!parent || parent.kind !== expected)
      throw new AppError('validation_failed', { parentId: 'not_found' });
    // A response answers a claim its group validated: only that has crossed to the others.
    if (kind === 'response' && !claimCrossed(context.facts, parent))
      throw new AppError('validation_failed', { parentId: 'not_found' });
  }
  if (contribution.findingId) {
    // A response answers a proposition its group released by approving the stage it was made in.
    const crossed = await crossedPropositions(deps.db, context);
    if (kind !== 'response' || contribution.parentId)
      throw new AppError('validation_failed', { findingId: 'validation_failed' });
    if (!crossed.some((proposition) => proposition.findingId === contribution.findingId))
      throw new AppError('validation_failed', { findingId: 'not_found' });
  }
  if (kind === 'response' && !contribution.stance)
    throw new AppError('validation_failed', { stance: 'validation_failed' });

  // Audited by ids and kind only: the body is the session's content, not the log's.
  await runCommand(deps, async (scope) => {
    const contributionId = await sessions.insertContribution(scope.tx, sessionId, {
      stageId,
      spaceId,
      authorId: account.id,
      authorGroupId: groupId,
      onBehalfOf: contribution.onBehalfOf,
      kind,
      body: contribution.body,
      parentId: contribution.parentId ?? null,
      findingId: contribution.findingId ?? null,
      sourceTags: kind === 'claim' ? contribution.sourceTags : [],
      confidence: kind === 'claim' ? (contribution.confidence ?? null) : null,
      stance: kind === 'response' ? (contribution.stance ?? null) : null,
    });
    await auditSession(scope, context, 'contribution.add', {
      contributionId,
      stageId,
      spaceId,
      kind,
      parentId: contribution.parentId ?? null,
      findingId: contribution.findingId ?? null,
    });
    announceChange(scope, session);
  });
}
