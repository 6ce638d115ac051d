import type { SessionProposition } from '@mizug/domain';
import { citationPattern } from '@mizug/editor/board';
import { answeredBoardStage } from '@mizug/methods';
import type { Database } from '../../db/database';
import * as findings from '../../db/repositories/findings';
import * as sessions from '../../db/repositories/method-sessions';
import { readBoardLayout } from '../boards/document';
import { boardSpacesOf } from './boards';
import type { SessionContext } from './context';
import { roundOf, standingDecision } from './rules';

/** The evidence a proposition cites stays on its group's board: its markers go. */
const withoutCitations = (text: string) =>
  text.replace(citationPattern(), '').replace(/ {2,}/g, ' ').trim();

/**
 * The propositions that crossed to the other groups to be answered (PW-9): the findings on each
 * group's board of the stage a responses stage answers (PW-8), once that group approved the
 * stage, which is its release of them. Another group's board itself stays closed to them.
 */
export async function crossedPropositions(
  db: Database,
  context: SessionContext,
): Promise<SessionProposition[]> {
  const { stages } = context.session.method;
  const answered = new Set(stages.map((stage) => answeredBoardStage(stages, stage)));
  const boards = await sessions.listSessionBoards(db, context.session.id);
  const propositions: SessionProposition[] = [];
  for (const stage of answered) {
    if (!stage) continue;
    const spaces = boardSpacesOf(context, stage);
    const round = roundOf(context.facts, stage.id);
    const released = boards.filter(
      (board) =>
        spaces.includes(board.spaceId) &&
        standingDecision(context.facts, stage.id, board.spaceId, round)?.decision === 'approve',
    );
    for (const board of released) {
      const stored = await findings.listFindingsOfBoard(db, board.id);
      const { texts } = await readBoardLayout(
        db,
        board.id,
        stored.map(({ id }) => id),
      );
      for (const finding of stored) {
        const { statement, characteristics, questions } = texts.get(finding.id)!;
        propositions.push({
          findingId: finding.id,
          stageId: stage.id,
          groupSpaceId: board.spaceId,
          title: finding.title,
          statement: withoutCitations(statement),
          characteristics: withoutCitations(characteristics),
          openQuestions: withoutCitations(questions),
        });
      }
    }
  }
  return propositions;
}
