import { type Account, type NewRelease, type NewValidation } from '@mizug/domain';
import { asksForRelease, validatesOnBoard } from '@mizug/methods';
import * as sessions from '../../db/repositories/method-sessions';
import { findMembership } from '../../db/repositories/memberships';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { can } from '../../policy/policy';
import { runCommand, type CommandDeps } from '../command';
import {
  announceChange,
  auditSession,
  loadSessionContext,
  requireContract,
  requireActsFor,
  requireOpen,
  stageOf,
} from './context';
import { canvasParagraphLines } from './participation';
import { sessionGroupResource } from './resources';
import { asksGroupsToValidate, groupsOf, roundOf } from './rules';

/** The caller accepts the session's current contract, which lets them contribute. */
export async function acceptContract(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'write');
  await runCommand(deps, async (scope) => {
    await sessions.acceptContract(scope.tx, sessionId, context.contractVersion, account.id);
    await auditSession(scope, context, 'contract.accept', { version: context.contractVersion });
    announceChange(scope, context.session, { access: true });
  });
}

/** A group's decision on its work in this round; only its own members record it. */
export async function validateStage(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  stageId: string,
  validation: NewValidation,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'write');
  const stage = stageOf(context, stageId);
  requireOpen(context, stageId);
  if (!asksGroupsToValidate(context.facts, stage)) throw new AppError('stage_artefact_mismatch');
  // One way to validate: such a stage's decisions are the groups' on the board's findings.
  if (validatesOnBoard(stage)) throw new AppError('validate_on_board');
  requireActsFor(context, validation.spaceId);
  if (!groupsOf(context.facts, stage).includes(validation.spaceId))
    throw new AppError('not_in_group');
  requireContract(context);
  const round = roundOf(context.facts, stageId);
  await runCommand(deps, async (scope) => {
    await sessions.insertValidation(scope.tx, sessionId, {
      stageId,
      spaceId: validation.spaceId,
      round,
      decision: validation.decision,
      comment: validation.comment,
      decidedBy: account.id,
    });
    await auditSession(scope, context, 'stage.validate', {
      stageId,
      spaceId: validation.spaceId,
      round,
      decision: validation.decision,
    });
    announceChange(scope, context.session);
  });
}

/**
 * What a group lets cross into the synthesis space: chosen paragraphs of its own canvases,
 * copied as they read now, with who decided. Another group's canvas is refused.
 */
export async function releaseWork(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  stageId: string,
  release: NewRelease,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'write');
  const stage = stageOf(context, stageId);
  requireOpen(context, stageId);
  // A release stage, or one that ends when every group released its work (its responses, say).
  if (!asksForRelease(stage)) throw new AppError('stage_artefact_mismatch');
  requireActsFor(context, release.spaceId);
  requireContract(context);
  const items: { sourceStageId: string; text: string }[] = [];
  for (const [index, item] of release.items.entries()) {
    const canvas = await sessions.findCanvas(deps.db, item.canvasId);
    if (!canvas || canvas.sessionId !== sessionId || canvas.purpose !== 'work')
      throw new AppError('validation_failed', { [`items.${index}.canvasId`]: 'not_found' });
    if (canvas.spaceId !== release.spaceId) throw new AppError('not_in_group');
    const paragraphs = await canvasParagraphLines(deps.db, canvas.id);
    for (const [at, position] of item.paragraphs.entries()) {
      const text = paragraphs[position];
      if (text === undefined)
        throw new AppError('validation_failed', {
          [`items.${index}.paragraphs.${at}`]: 'not_found',
        });
      items.push({ sourceStageId: canvas.stageId, text });
    }
  }
  await runCommand(deps, async (scope) => {
    await sessions.insertRelease(scope.tx, sessionId, {
      stageId,
      spaceId: release.spaceId,
      decidedBy: account.id,
      items,
    });
    await auditSession(scope, context, 'stage.release', {
      stageId,
      spaceId: release.spaceId,
      items: items.length,
    });
    announceChange(scope, context.session);
  });
}

/** The owner of a success confirms the stage's work as a faithful reading of their story. */
export async function confirmAsOwner(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  stageId: string,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'write');
  const stage = stageOf(context, stageId);
  requireOpen(context, stageId);
  if (stage.exit !== 'owner_confirmed') throw new AppError('stage_artefact_mismatch');
  if (context.session.ownerId !== account.id) throw new AppError('owner_only');
  const round = roundOf(context.facts, stageId);
  await runCommand(deps, async (scope) => {
    await sessions.insertOwnerConfirmation(scope.tx, sessionId, stageId, round, account.id);
    await auditSession(scope, context, 'stage.owner_confirm', { stageId, round });
    announceChange(scope, context.session);
  });
}

/** A group names who may speak for it; its members or its facilitators record the choice. */
export async function nameRepresentatives(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  spaceId: string,
  accountIds: string[],
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'write');
  const group = context.session.groups.find((candidate) => candidate.spaceId === spaceId);
  if (!group) throw new AppError('not_found');
  if (!can(context.actor, 'assign', sessionGroupResource(context.session, group)))
    throw new AppError('not_in_group');
  for (const [index, accountId] of accountIds.entries()) {
    const member = context.members.find((candidate) => candidate.accountId === accountId);
    if (!member?.spaceIds.includes(spaceId))
      throw new AppError('validation_failed', { [`accountIds.${index}`]: 'not_in_group' });
  }
  await runCommand(deps, async (scope) => {
    await sessions.replaceRepresentatives(scope.tx, sessionId, spaceId, accountIds, account.id);
    await auditSession(scope, context, 'session.representatives', { spaceId, accountIds });
    announceChange(scope, context.session, { access: true });
  });
}

/** A relationship of dependency with another member, which facilitators are warned about. */
export async function declareDependency(
  deps: CommandDeps,
  account: Account,
  initiativeId: string,
  otherId: string,
  relation: Parameters<typeof sessions.upsertDependency>[1]['relation'],
): Promise<void> {
  const actor = await loadActor(deps.db, account, initiativeId);
  authorize(actor, 'read', { kind: 'initiative', initiativeId });
  if (otherId === account.id || !(await findMembership(deps.db, initiativeId, otherId)))
    throw new AppError('validation_failed', { otherAccountId: 'not_found' });
  await runCommand(deps, async ({ tx, audit }) => {
    await sessions.upsertDependency(tx, {
      initiativeId,
      declaredBy: account.id,
      otherId,
      relation,
    });
    await audit({
      action: 'dependency.declare',
      actorId: account.id,
      initiativeId,
      details: { otherId, relation },
    });
  });
}
