import type { Account, Board, Finding, NewBoard, NewFinding } from '@mizug/domain';
import * as boards from '../../db/repositories/boards';
import * as findings from '../../db/repositories/findings';
import { findSpace } from '../../db/repositories/initiatives';
import { findMethodSession } from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { boardResource } from '../../policy/board-resources';
import { spaceResource } from '../../policy/resources';
import { runCommand, type CommandDeps } from '../command';
import { boardFor } from './context';
import { readBoard, readFinding } from './read';

/**
 * Makes a board in a space, for the space's writers of boards; with a session, that session's
 * board there (one per session and space), in the synthesis or one of the session's groups.
 */
export async function createBoard(
  deps: CommandDeps,
  account: Account,
  spaceId: string,
  input: NewBoard,
): Promise<Board> {
  const { db } = deps;
  const space = await findSpace(db, spaceId);
  if (!space) throw new AppError('not_found');
  const actor = await loadActor(db, account, space.initiativeId);
  // Who does not read the space is told it is not there, as for everything in it.
  authorize(actor, 'read', spaceResource(space));
  authorize(actor, 'create', boardResource(space, space));
  if (input.sessionId) {
    const session = await findMethodSession(db, input.sessionId);
    const takesPart =
      space.kind === 'synthesis' || session?.groups.some((group) => group.spaceId === spaceId);
    if (!session || session.initiativeId !== space.initiativeId || !takesPart)
      throw new AppError('validation_failed', { sessionId: 'not_found' });
  }
  const boardId = await runCommand(deps, async ({ tx, audit }) => {
    // One board per session and space (the unique index keeps it so under a race too).
    if (input.sessionId && (await boards.findSessionBoard(tx, input.sessionId, spaceId)))
      throw new AppError('conflict');
    const id = await boards.insertBoard(tx, {
      initiativeId: space.initiativeId,
      spaceId,
      sessionId: input.sessionId ?? null,
      title: input.title,
      createdBy: account.id,
    });
    await audit({
      action: 'board.create',
      actorId: account.id,
      initiativeId: space.initiativeId,
      details: { boardId: id, spaceId, sessionId: input.sessionId ?? null },
    });
    return id;
  });
  return readBoard(db, account, boardId);
}

/** Adds a finding (a dimension of the synthesis) to a board, last. */
export async function createFinding(
  deps: CommandDeps,
  account: Account,
  boardId: string,
  input: NewFinding,
): Promise<Finding> {
  const { board } = await boardFor(deps.db, account, boardId, 'write');
  const findingId = await runCommand(deps, async ({ tx, audit, emit }) => {
    const id = await findings.insertFinding(tx, {
      boardId,
      initiativeId: board.initiativeId,
      title: input.title,
      createdBy: account.id,
    });
    await audit({
      action: 'finding.create',
      actorId: account.id,
      initiativeId: board.initiativeId,
      details: { boardId, findingId: id },
    });
    emit('boardChanged', board.initiativeId, boardId);
    return id;
  });
  return readFinding(deps.db, account, findingId);
}
