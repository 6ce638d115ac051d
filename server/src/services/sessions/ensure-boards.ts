import { boardSpacesFor, type MethodDefinition } from '@mizug/methods';
import { insertSessionBoardIfMissing } from '../../db/repositories/method-sessions';
import type { StoredMethodSession } from '../../db/repositories/method-sessions';
import { runCommand, type CommandDeps, type CommandScope } from '../command';

/** Every space a session's stages work on with a board (one board per session and space). */
export function sessionBoardSpaces(
  method: MethodDefinition,
  groupIds: readonly string[],
  ownerGroupId: string | null,
  synthesisId: string,
): string[] {
  return [
    ...new Set(
      method.stages.flatMap((stage) => boardSpacesFor(stage, groupIds, ownerGroupId, synthesisId)),
    ),
  ];
}

/**
 * Makes the session's boards in `spaceIds` that it does not have yet, each with its audit entry
 * and a `boardChanged` so an open space page lists it — but not as the session starts: its own
 * `sessionChanged` tells those who see the session, and nobody else learns of it from a board.
 * Safe to run twice at once: the unique index on (session, space) lets one insert through, the
 * other finds the board there.
 */
export async function ensureSessionBoards(
  { tx, audit, emit }: CommandScope,
  session: Pick<StoredMethodSession, 'id' | 'initiativeId' | 'title' | 'startedBy'>,
  spaceIds: readonly string[],
  actorId: string,
  { announce = true } = {},
): Promise<number> {
  let made = 0;
  for (const spaceId of spaceIds) {
    const boardId = await insertSessionBoardIfMissing(tx, {
      initiativeId: session.initiativeId,
      spaceId,
      sessionId: session.id,
      title: session.title,
      // The board is the session's: it is made for whoever started it.
      createdBy: session.startedBy,
    });
    if (!boardId) continue;
    made++;
    await audit({
      action: 'board.create',
      actorId,
      initiativeId: session.initiativeId,
      details: { boardId, spaceId, sessionId: session.id },
    });
    if (announce) emit('boardChanged', session.initiativeId, boardId);
  }
  return made;
}

/** Outside another command: makes the missing boards in a transaction of their own. */
export const ensureSessionBoardsNow = (
  deps: CommandDeps,
  session: Pick<StoredMethodSession, 'id' | 'initiativeId' | 'title' | 'startedBy'>,
  spaceIds: readonly string[],
  actorId: string,
) => runCommand(deps, (scope) => ensureSessionBoards(scope, session, spaceIds, actorId));
