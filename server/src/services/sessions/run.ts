import type { Account, ContractTerms } from '@mizug/domain';
import * as sessions from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { runCommand, type CommandDeps } from '../command';
import { announceChange, auditSession, loadSessionContext, requireOpen, stageOf } from './context';
import { boardSpacesOf } from './boards';
import { ensureSessionBoards } from './ensure-boards';
import { closeBlockers, openBlockers } from './rules';

/**
 * Opens a stage (again, in a new round, if it was closed). Refused while another stage is open,
 * and, for a stage in the synthesis space, until every group has validated its own work.
 */
export async function openStage(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  stageId: string,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'manage');
  const stage = stageOf(context, stageId);
  // Opening the open stage again (a double click, two facilitators) changes nothing.
  if (context.facts.states.get(stageId)?.status === 'open') return;
  const blockers = openBlockers(context.facts, stage);
  if (blockers.some((blocker) => blocker.code === 'stage_open'))
    throw new AppError('another_stage_open');
  if (blockers.length > 0) throw new AppError('synthesis_locked');
  const reopened = context.facts.states.has(stageId);
  await runCommand(deps, async (scope) => {
    await sessions.openStage(scope.tx, sessionId, stageId);
    await sessions.recordStageEvent(scope.tx, {
      sessionId,
      stageId,
      action: reopened ? 'reopened' : 'opened',
      actorId: account.id,
    });
    await auditSession(scope, context, 'stage.open', { stageId, reopened });
    // A session started before this stage worked on a board gets it now.
    await ensureSessionBoards(scope, context.session, boardSpacesOf(context, stage), account.id);
    announceChange(scope, context.session, { access: true });
  });
}

/**
 * Closes the open stage when its exit criterion holds, or, with a reason that is recorded,
 * when the facilitator decides to go on regardless.
 */
export async function closeStage(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  stageId: string,
  overrideReason: string | undefined,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'manage');
  const stage = stageOf(context, stageId);
  requireOpen(context, stageId);
  const blockers = closeBlockers(context.facts, stage);
  if (blockers.length > 0 && !overrideReason) throw new AppError('stage_exit_unmet');
  const reason = blockers.length > 0 ? overrideReason : undefined;
  await runCommand(deps, async (scope) => {
    await sessions.closeStage(scope.tx, sessionId, stageId);
    await sessions.recordStageEvent(scope.tx, {
      sessionId,
      stageId,
      action: 'closed',
      actorId: account.id,
      overrideReason: reason,
    });
    await auditSession(scope, context, 'stage.close', { stageId, overrideReason: reason ?? null });
    announceChange(scope, context.session, { access: true });
  });
}

/** An in-room timer on the open stage that everyone sees; zero minutes stops it. */
export async function setStageTimer(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  stageId: string,
  minutes: number,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'manage');
  requireOpen(context, stageId);
  const endsAt = minutes > 0 ? new Date(Date.now() + minutes * 60_000) : null;
  await runCommand(deps, async (scope) => {
    await sessions.setStageTimer(scope.tx, sessionId, stageId, endsAt);
    await auditSession(scope, context, 'stage.timer', { stageId, minutes });
    announceChange(scope, context.session);
  });
}

/** A new version of the contract: everyone accepts it again before contributing further. */
export async function reviseContract(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  terms: ContractTerms,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'manage');
  await runCommand(deps, async (scope) => {
    const version = await sessions.insertContractVersion(scope.tx, sessionId, terms, account.id);
    await auditSession(scope, context, 'contract.revise', { version });
    announceChange(scope, context.session, { access: true });
  });
}

/** The share of lived experience in the synthesis below which the console warns. */
export async function setAlertThreshold(
  deps: CommandDeps,
  account: Account,
  sessionId: string,
  percent: number,
): Promise<void> {
  const context = await loadSessionContext(deps.db, account, sessionId, 'manage');
  await runCommand(deps, async (scope) => {
    await sessions.updateAlertThreshold(scope.tx, sessionId, percent);
    await auditSession(scope, context, 'session.alert_threshold', { percent });
    announceChange(scope, context.session);
  });
}
