import type { Account, Finding, Space } from '@mizug/domain';
import type { ExportScope } from '@mizug/exporters';
import type { Database } from '../../db/database';
import { listBoardsOfInitiative, type StoredBoard } from '../../db/repositories/boards';
import { findMethodSession } from '../../db/repositories/method-sessions/sessions';
import { AppError } from '../../errors';
import { can, type Actor } from '../../policy/policy';
import { spaceResource } from '../../policy/resources';
import { readBoardLayout } from '../boards/document';
import { listInitiativeFindings } from '../boards/read';

/**
 * What an export can draw on: the synthesis spaces `actor` reads (a peer space's own work is
 * never exported), their boards and those boards' findings.
 */
export async function synthesisOf(
  db: Database,
  account: Account,
  actor: Actor,
  initiativeId: string,
  spaces: readonly Space[],
) {
  const synthesis = spaces.filter(
    (space) => space.kind === 'synthesis' && can(actor, 'read', spaceResource(space)),
  );
  const synthesisIds = new Set(synthesis.map(({ id }) => id));
  const synthesisBoards = (await listBoardsOfInitiative(db, initiativeId)).filter((board) =>
    synthesisIds.has(board.spaceId),
  );
  const boardIds = new Set(synthesisBoards.map(({ id }) => id));
  const synthesisFindings = (await listInitiativeFindings(db, account, initiativeId)).filter(
    (finding) => boardIds.has(finding.boardId),
  );
  return { synthesis, synthesisBoards, synthesisFindings };
}

/** What a scope lets into the bundle: these cards and findings, or (null) all of them. */
export interface ScopeFilter {
  cardIds: ReadonlySet<string> | null;
  findingIds: ReadonlySet<string> | null;
}

/**
 * The cards and findings of a scope, among the synthesis findings and boards the exporter may
 * read. A session's are those of its boards: their findings, the cards in or cited by them, and
 * the cards placed on the boards (sorted or not). A finding's are it and its cards (placed or
 * cited). An id of another initiative, or not in the synthesis, is not found: nothing leaves.
 */
export async function scopeFilter(
  db: Database,
  initiativeId: string,
  scope: ExportScope,
  boards: readonly StoredBoard[],
  findings: readonly Finding[],
): Promise<ScopeFilter> {
  const cardsOf = (chosen: readonly Finding[]) =>
    chosen.flatMap((finding) => finding.cards.map(({ id }) => id));
  switch (scope.kind) {
    case 'initiative':
      return { cardIds: null, findingIds: null };
    case 'finding': {
      const finding = findings.find(({ id }) => id === scope.id);
      if (!finding) throw new AppError('export_finding_not_found');
      return { cardIds: new Set(cardsOf([finding])), findingIds: new Set([finding.id]) };
    }
    case 'session': {
      const session = await findMethodSession(db, scope.id);
      if (!session || session.initiativeId !== initiativeId)
        throw new AppError('export_session_not_found');
      const boardIds = new Set(boards.filter((b) => b.sessionId === scope.id).map(({ id }) => id));
      const chosen = findings.filter(({ boardId }) => boardIds.has(boardId));
      const cardIds = new Set(cardsOf(chosen));
      for (const boardId of boardIds)
        for (const cardId of (await readBoardLayout(db, boardId, [])).placements.keys())
          cardIds.add(cardId);
      return { cardIds, findingIds: new Set(chosen.map(({ id }) => id)) };
    }
  }
}

/** The codes a scoped export carries: those its codings use, with their ancestors for the tree. */
export function codesInScope<T extends { id: string; parentId: string | null }>(
  codes: readonly T[],
  used: Iterable<string>,
): T[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const kept = new Set<string>();
  for (let id of used) {
    while (!kept.has(id) && byId.has(id)) {
      kept.add(id);
      const parent = byId.get(id)!.parentId;
      if (!parent) break;
      id = parent;
    }
  }
  return codes.filter(({ id }) => kept.has(id));
}
