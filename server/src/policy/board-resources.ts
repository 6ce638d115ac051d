import type { Space } from '@mizug/domain';
import type { StoredBoard } from '../db/repositories/boards';
import type { CanvasResource, Resource } from './policy';

export type BoardResource = Extract<Resource, { kind: 'board' }>;
export type FindingResource = Extract<Resource, { kind: 'finding' }>;

/**
 * A board as the policy sees it: the space it lives in, and for a session's board the stage
 * work that decides its writers (`loadSessionBoardResource` in services/sessions/boards.ts).
 */
export const boardResource = (
  board: Pick<StoredBoard, 'initiativeId'>,
  space: Pick<Space, 'id' | 'kind'>,
  sessionStage?: CanvasResource,
): BoardResource => ({
  kind: 'board',
  initiativeId: board.initiativeId,
  space: { id: space.id, kind: space.kind },
  ...(sessionStage && { sessionStage }),
});

/**
 * A finding of `board` as the policy sees it: its board's space, the groups that decide on it,
 * and (for `decide`) the group a decision would be recorded for.
 */
export const findingResource = (
  board: BoardResource,
  decidingSpaceIds: Iterable<string>,
  decidingFor: string | null = null,
): FindingResource => ({
  kind: 'finding',
  initiativeId: board.initiativeId,
  space: board.space,
  ...(board.sessionStage && { sessionStage: board.sessionStage }),
  decidingSpaceIds: new Set(decidingSpaceIds),
  decidingFor,
});
