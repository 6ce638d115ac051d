import type { Account, Space } from '@mizug/domain';
import type { Queryable } from '../../db/database';
import { findBoard, type StoredBoard } from '../../db/repositories/boards';
import { findFinding, type StoredFinding } from '../../db/repositories/findings';
import { listSpaces } from '../../db/repositories/initiatives';
import { findMethodSession, type StoredMethodSession } from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import {
  boardResource,
  findingResource,
  type BoardResource,
  type FindingResource,
} from '../../policy/board-resources';
import type { Actor } from '../../policy/policy';
import { loadSessionBoardResource } from '../sessions/boards';

/** A board with what deciding on it needs: its space, its session, the groups that decide. */
export interface BoardContext {
  board: StoredBoard;
  space: Space;
  spaces: ReadonlyMap<string, Space>;
  session: StoredMethodSession | null;
  /** The groups that decide on its findings, in the initiative's order of spaces. */
  groups: Space[];
  actor: Actor;
  resource: BoardResource;
}

/**
 * Who decides on a board's findings: a peer board's own group; the synthesis board's session's
 * groups, or without a session every peer space of the initiative.
 */
function decidingGroups(space: Space, spaces: Space[], session: StoredMethodSession | null) {
  if (space.kind !== 'synthesis') return [space];
  if (!session) return spaces.filter((candidate) => candidate.kind !== 'synthesis');
  const ids = new Set(session.groups.map((group) => group.spaceId));
  return spaces.filter((candidate) => ids.has(candidate.id));
}

/** Loads a board for `account` (404 when there is none). Authorizing is the caller's. */
export async function loadBoardContext(
  db: Queryable,
  account: Account,
  board: StoredBoard,
): Promise<BoardContext> {
  const all = await listSpaces(db, board.initiativeId);
  const space = all.find((candidate) => candidate.id === board.spaceId)!;
  const session = board.sessionId ? ((await findMethodSession(db, board.sessionId)) ?? null) : null;
  const actor = await loadActor(db, account, board.initiativeId);
  const sessionStage =
    session && (await loadSessionBoardResource(db, session, account, actor, space.id));
  return {
    board,
    space,
    spaces: new Map(all.map((candidate) => [candidate.id, candidate])),
    session,
    groups: decidingGroups(space, all, session),
    actor,
    resource: boardResource(board, space, sessionStage ?? undefined),
  };
}

/** A board the caller may `action`, with its context. */
export async function boardFor(
  db: Queryable,
  account: Account,
  boardId: string,
  action: 'read' | 'write',
): Promise<BoardContext> {
  const board = await findBoard(db, boardId);
  if (!board) throw new AppError('not_found');
  const context = await loadBoardContext(db, account, board);
  authorize(context.actor, action, context.resource);
  return context;
}

/** A finding as the policy sees it in its board's context. */
export const findingResourceIn = (context: BoardContext, decidingFor: string | null = null) =>
  findingResource(
    context.resource,
    context.groups.map((group) => group.id),
    decidingFor,
  );

/** A finding the caller may `action`, with its board's context. */
export async function findingFor(
  db: Queryable,
  account: Account,
  findingId: string,
  action: 'read' | 'write',
): Promise<{ finding: StoredFinding; context: BoardContext; resource: FindingResource }> {
  const finding = await findFinding(db, findingId);
  const board = finding && (await findBoard(db, finding.boardId));
  if (!finding || !board) throw new AppError('not_found');
  const context = await loadBoardContext(db, account, board);
  const resource = findingResourceIn(context);
  authorize(context.actor, action, resource);
  return { finding, context, resource };
}
