import type { Account, SessionBoard } from '@mizug/domain';
import { boardSpacesFor, type Stage } from '@mizug/methods';
import type { Queryable } from '../../db/database';
import type { StoredMethodSession } from '../../db/repositories/method-sessions';
import { can, type Actor, type CanvasWriters, type Resource } from '../../policy/policy';
import { contextOf, type SessionContext } from './context';
import { canvasResource } from './resources';
import { canvasRefusal } from './writing';

/** The spaces of a stage's boards in this session. */
export const boardSpacesOf = (context: SessionContext, stage: Stage) =>
  boardSpacesFor(
    stage,
    context.facts.groupIds,
    context.facts.ownerGroupId,
    context.synthesisSpace.id,
  );

/**
 * Who writes on a session's board in a stage: the representatives merge and revise (MK-6, MK-7),
 * the writing team co-writes the final text (MK-8), the owner formulates their principles (LS-8,
 * or the group for a group's own success, as on the stage's canvases), and a group's own board is
 * drafted by its facilitators (MK-4) unless the stage gives it to the group (PW-8).
 */
function boardWriters(stage: Stage, asCanvas: CanvasWriters): CanvasWriters {
  if (stage.participation === 'working_group') return 'working_group';
  if (stage.participation === 'representatives' || stage.artefact === 'validation')
    return 'representatives';
  if (stage.participation === 'owner') return asCanvas;
  return stage.groupBoardWriters ?? 'facilitators';
}

/** A session's board in `spaceId`, in `stage`, as the policy sees a canvas of that stage. */
function boardStageResource(context: SessionContext, stage: Stage, spaceId: string) {
  const asCanvas = canvasResource(context, { stageId: stage.id, spaceId, purpose: 'work' });
  return { ...asCanvas, writers: boardWriters(stage, asCanvas.writers) };
}

/**
 * A session's board in `spaceId` as the policy decides its writing: like a canvas of the open
 * stage that works on it (open, the contract accepted, the stage's writers), or, with no such
 * stage open, of the last one that does, closed. Undefined when no stage works on that space.
 */
export function sessionBoardResource(
  context: SessionContext,
  spaceId: string,
): Extract<Resource, { kind: 'canvas' }> | undefined {
  const stages = context.session.method.stages.filter((stage) =>
    boardSpacesOf(context, stage).includes(spaceId),
  );
  const stage =
    stages.find((candidate) => context.facts.states.get(candidate.id)?.status === 'open') ??
    stages.at(-1);
  return stage && boardStageResource(context, stage, spaceId);
}

/**
 * For the board policy: the canvas-like resource that decides who may write on a session's
 * board now (`can(actor, 'write', it)`), loaded for `account`. Boards-api's board resource of a
 * board with a session carries it; undefined when the session's stages do not use that space.
 */
export async function loadSessionBoardResource(
  db: Queryable,
  session: StoredMethodSession,
  account: Account,
  actor: Actor,
  spaceId: string,
) {
  return sessionBoardResource(await contextOf(db, session, account, actor), spaceId);
}

/** The boards a stage works on that the caller reads, with whether and why not they write. */
export function stageBoards(
  context: SessionContext,
  stage: Stage,
  boards: readonly { id: string; spaceId: string }[],
): SessionBoard[] {
  const spaces = boardSpacesOf(context, stage);
  return boards
    .filter((board) => spaces.includes(board.spaceId))
    .flatMap((board) => {
      const resource = boardStageResource(context, stage, board.spaceId);
      if (!can(context.actor, 'read', resource)) return [];
      return [
        {
          boardId: board.id,
          spaceId: board.spaceId,
          canWrite: can(context.actor, 'write', resource),
          writeRefusal: canvasRefusal(context, resource),
        },
      ];
    });
}
