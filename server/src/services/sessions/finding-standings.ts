import type { GroupDecisionRule, SessionFindingStanding } from '@mizug/domain';
import type { Queryable } from '../../db/database';
import { listGroupDeciders } from '../../db/repositories/boards';
import * as findings from '../../db/repositories/findings';
import { listSessionBoards } from '../../db/repositories/method-sessions';
import { standingDecision } from '../boards/standing';

/** A finding of one of the session's boards, where each of its deciding groups stands. */
export interface FindingStanding extends SessionFindingStanding {
  /** The space of the finding's board. */
  spaceId: string;
}

/**
 * Where every finding of a session's boards stands, read straight from the findings (not
 * through a board's context, which reads the session's): the synthesis board's deciding groups
 * are the session's, a group's own board's the group. A group's decision stands by the
 * contract's rule; a final finding was approved by every group, a drafted one awaits its return.
 */
export async function loadFindingStandings(
  db: Queryable,
  sessionId: string,
  groupIds: readonly string[],
  synthesisId: string,
  rule: GroupDecisionRule,
): Promise<FindingStanding[]> {
  const deciders = new Map<string, Promise<string[]>>();
  const decidersOf = (spaceId: string) => {
    if (!deciders.has(spaceId)) deciders.set(spaceId, listGroupDeciders(db, spaceId));
    return deciders.get(spaceId)!;
  };
  const standings: FindingStanding[] = [];
  for (const board of await listSessionBoards(db, sessionId)) {
    const groups = board.spaceId === synthesisId ? groupIds : [board.spaceId];
    for (const finding of await findings.listFindingsOfBoard(db, board.id)) {
      // Only a returned finding is being decided on; a revised one waits to be returned again.
      const recorded =
        finding.status === 'returned'
          ? await findings.listDecisions(db, finding.id, finding.round)
          : [];
      standings.push({
        findingId: finding.id,
        boardId: board.id,
        spaceId: board.spaceId,
        title: finding.title,
        status: finding.status,
        round: finding.round,
        groups: await Promise.all(
          groups.map(async (spaceId) => ({
            spaceId,
            standing:
              finding.status === 'final'
                ? 'approve'
                : finding.status === 'draft'
                  ? null
                  : standingDecision(
                      rule,
                      recorded.filter((entry) => entry.spaceId === spaceId),
                      await decidersOf(spaceId),
                    ),
          })),
        ),
      });
    }
  }
  return standings;
}
