import type { GroupDecision } from '@mizug/domain';
import { citedCards } from '@mizug/editor/board';
import type { Database, Queryable } from '../../db/database';
import { cardsOfSpaceAmong, listGroupDeciders } from '../../db/repositories/boards';
import * as findings from '../../db/repositories/findings';
import { currentContract } from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import type { BoardContext } from './context';
import { groupDecisions } from './present';

/** The group rule of the board's session's contract; one member without a session. */
export const decisionRuleOf = async (db: Queryable, context: BoardContext) =>
  context.session ? (await currentContract(db, context.session.id)).decisionRule : 'one_member';

/** Each deciding group's decisions in the finding's current round, and what stands. */
export async function decisionsOf(
  db: Queryable,
  context: BoardContext,
  finding: findings.StoredFinding,
): Promise<GroupDecision[]> {
  if (finding.round === 0) return [];
  const [rule, recorded, deciders] = await Promise.all([
    decisionRuleOf(db, context),
    findings.listDecisions(db, finding.id, finding.round),
    Promise.all(
      context.groups.map(
        async (group) => [group.id, await listGroupDeciders(db, group.id)] as const,
      ),
    ),
  ]);
  return groupDecisions(context, rule, recorded, new Map(deciders));
}

/**
 * Refuses (`citation_not_on_board`) texts that cite a card not made in the board's space: a card
 * of another board is never resolved through this one.
 */
export async function requireCitationsOnBoard(
  db: Database,
  context: BoardContext,
  texts: readonly string[],
) {
  const cited = [...new Set(texts.flatMap(citedCards))];
  const onBoard = new Set(await cardsOfSpaceAmong(db, context.space.id, cited));
  if (cited.some((id) => !onBoard.has(id))) throw new AppError('citation_not_on_board');
}

/** Refuses a transition from any status but `from`, saying which status the finding is in. */
export function requireStatus(finding: findings.StoredFinding, from: 'draft' | 'returned') {
  if (finding.status === from) return;
  if (finding.status === 'final') throw new AppError('finding_final');
  throw new AppError(from === 'draft' ? 'finding_already_returned' : 'finding_not_returned');
}
