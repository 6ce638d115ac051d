import type { Account, SessionSummary, StartSession } from '@mizug/domain';
import { canvasSpacesFor, findBuiltinMethod, type MethodDefinition } from '@mizug/methods';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/database';
import { listSpaces } from '../../db/repositories/initiatives';
import * as sessions from '../../db/repositories/method-sessions';
import { listMemberships } from '../../db/repositories/memberships';
import { AppError, type FieldErrors } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { can } from '../../policy/policy';
import { ensureSessionBoards, sessionBoardSpaces } from './ensure-boards';
import { runCommand, type CommandDeps } from '../command';
import { sessionResource } from './resources';

/** One of this initiative's adaptations, by its uuid; undefined for anything else. */
export async function findAdaptation(db: Queryable, initiativeId: string, ref: string) {
  if (!z.uuid().safeParse(ref).success) return undefined;
  const adapted = await sessions.findInitiativeMethod(db, ref);
  return adapted?.initiativeId === initiativeId ? adapted : undefined;
}

/** A built-in method by its id, or one of this initiative's adaptations by its uuid. */
export async function resolveMethod(
  db: Queryable,
  initiativeId: string,
  methodId: string,
): Promise<MethodDefinition | undefined> {
  return (
    findBuiltinMethod(methodId) ?? (await findAdaptation(db, initiativeId, methodId))?.definition
  );
}

/**
 * A facilitator starts a session of a method with the peer groups taking part and the
 * facilitators chosen for each; every stage's canvases and notes exist from the start, and
 * nobody writes in them until their stage opens.
 */
export async function startSession(
  deps: CommandDeps,
  account: Account,
  initiativeId: string,
  input: StartSession,
): Promise<string> {
  const { db } = deps;
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'create', {
    kind: 'session',
    initiativeId,
    facilitatorIds: new Set([account.id]),
    groupSpaceIds: new Set(),
  });
  const method = await resolveMethod(db, initiativeId, input.methodId);
  const [spaces, members] = await Promise.all([
    listSpaces(db, initiativeId),
    listMemberships(db, initiativeId),
  ]);
  const fields: FieldErrors = {};
  if (!method) fields.methodId = 'not_found';
  input.groups.forEach((group, index) => {
    const space = spaces.find((candidate) => candidate.id === group.spaceId);
    if (!space || space.kind === 'synthesis') fields[`groups.${index}.spaceId`] = 'not_found';
    group.facilitatorIds.forEach((facilitatorId, at) => {
      const member = members.find((candidate) => candidate.accountId === facilitatorId);
      if (member?.role !== 'facilitator')
        fields[`groups.${index}.facilitatorIds.${at}`] = 'not_found';
    });
  });
  const groupIds = input.groups.map((group) => group.spaceId);
  const owner = input.ownerId && members.find((member) => member.accountId === input.ownerId);
  const ownerGroupId = (owner && groupIds.find((id) => owner.spaceIds.includes(id))) || null;
  if (input.ownerId && (!ownerGroupId || !method?.stages.some((s) => s.participation === 'owner')))
    fields.ownerId = 'not_found';
  if (Object.keys(fields).length > 0 || !method) throw new AppError('validation_failed', fields);

  const synthesisId = spaces.find((space) => space.kind === 'synthesis')!.id;
  return runCommand(deps, async (scope) => {
    const { tx, audit, emit } = scope;
    const sessionId = await sessions.insertMethodSession(tx, {
      initiativeId,
      title: input.title,
      method,
      ownerId: input.ownerId ?? null,
      startedBy: account.id,
      groups: input.groups,
    });
    for (const stage of method.stages) {
      await sessions.ensureCanvas(tx, {
        sessionId,
        stageId: stage.id,
        spaceId: null,
        purpose: 'facilitator_notes',
      });
      for (const spaceId of canvasSpacesFor(stage, groupIds, ownerGroupId, synthesisId))
        await sessions.ensureCanvas(tx, { sessionId, stageId: stage.id, spaceId, purpose: 'work' });
    }
    // One board per space the stages work on (unique per session and space), made with it.
    await ensureSessionBoards(
      scope,
      { id: sessionId, initiativeId, title: input.title, startedBy: account.id },
      sessionBoardSpaces(method, groupIds, ownerGroupId, synthesisId),
      account.id,
      { announce: false },
    );
    await audit({
      action: 'method_session.start',
      actorId: account.id,
      initiativeId,
      details: { sessionId, methodId: method.id, groups: groupIds },
    });
    emit('sessionChanged', initiativeId, sessionId);
    return sessionId;
  });
}

/** The sessions the caller runs or takes part in, newest first. */
export async function listMySessions(
  db: Database,
  account: Account,
  initiativeId: string,
): Promise<SessionSummary[]> {
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'read', { kind: 'initiative', initiativeId });
  const found = await sessions.listMethodSessions(db, initiativeId);
  return found
    .filter((session) => can(actor, 'read', sessionResource(session)))
    .map((session) => ({
      id: session.id,
      title: session.title,
      methodTitle: session.method.title,
      openStageId: session.openStageId,
      openStageTitle:
        session.method.stages.find((stage) => stage.id === session.openStageId)?.title ?? null,
      startedAt: session.startedAt.toISOString(),
    }));
}
