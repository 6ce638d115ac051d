import type { Account, ContractTerms } from '@mizug/domain';
import type { Database } from '../../db/database';
import * as sessions from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { auditSession, loadSessionContext, requireOpen, stageOf } from './context';
import { closeBlockers, openBlockers } from './rules';

/**
 * Opens a stage (again, in a new round, if it was closed). Refused while another stage is open,
 * and, for a stage in the synthesis space, until every group has validated its own work.
 */
export async function openStage(
  db: Database,
  account: Account,
  sessionId: string,
  stageId: string,
) {
  const context = await loadSessionContext(db, account, sessionId, 'manage');
  const stage = stageOf(context, stageId);
  // Opening the open stage again (a double click, two facilitators) changes nothing.
  if (context.facts.states.get(stageId)?.status === 'open') return context.session;
  const blockers = openBlockers(context.facts, stage);
  if (blockers.some((blocker) => blocker.code === 'stage_open'))
    throw new AppError('another_stage_open');
  if (blockers.length > 0) throw new AppError('synthesis_locked');
  const reopened = context.facts.states.has(stageId);
  await db.transaction(async (tx) => {
    await sessions.openStage(tx, sessionId, stageId);
    await sessions.recordStageEvent(tx, {
      sessionId,
      stageId,
      action: reopened ? 'reopened' : 'opened',
      actorId: account.id,
    });
  });
  await auditSession(db, context, 'stage.open', { stageId, reopened });
  return context.session;
}

/**
 * Closes the open stage when its exit criterion holds, or, with a reason that is recorded,
 * when the facilitator decides to go on regardless.
 */
export async function closeStage(
  db: Database,
  account: Account,
  sessionId: string,
  stageId: string,
  overrideReason: string | undefined,
) {
  const context = await loadSessionContext(db, account, sessionId, 'manage');
  const stage = stageOf(context, stageId);
  requireOpen(context, stageId);
  const blockers = closeBlockers(context.facts, stage);
  if (blockers.length > 0 && !overrideReason) throw new AppError('stage_exit_unmet');
  const reason = blockers.length > 0 ? overrideReason : undefined;
  await db.transaction(async (tx) => {
    await sessions.closeStage(tx, sessionId, stageId);
    await sessions.recordStageEvent(tx, {
      sessionId,
      stageId,
      action: 'closed',
      actorId: account.id,
      overrideReason: reason,
    });
  });
  await auditSession(db, context, 'stage.close', { stageId, overrideReason: reason ?? null });
  return context.session;
}

/** An in-room timer on the open stage that everyone sees; zero minutes stops it. */
export async function setStageTimer(
  db: Database,
  account: Account,
  sessionId: string,
  stageId: string,
  minutes: number,
) {
  const context = await loadSessionContext(db, account, sessionId, 'manage');
  requireOpen(context, stageId);
  const endsAt = minutes > 0 ? new Date(Date.now() + minutes * 60_000) : null;
  await sessions.setStageTimer(db, sessionId, stageId, endsAt);
  return context.session;
}

/** A new version of the contract: everyone accepts it again before contributing further. */
export async function reviseContract(
  db: Database,
  account: Account,
  sessionId: string,
  terms: ContractTerms,
) {
  const context = await loadSessionContext(db, account, sessionId, 'manage');
  const version = await sessions.insertContractVersion(db, sessionId, terms, account.id);
  await auditSession(db, context, 'contract.revise', { version });
  return context.session;
}

/** The share of lived experience in the synthesis below which the console warns. */
export async function setAlertThreshold(
  db: Database,
  account: Account,
  sessionId: string,
  percent: number,
) {
  const context = await loadSessionContext(db, account, sessionId, 'manage');
  await sessions.updateAlertThreshold(db, sessionId, percent);
  return context.session;
}
