import {
  boardDocName,
  type Board,
  type Disagreement,
  type Finding,
  type GroupDecision,
  type GroupDecisionRule,
  type Space,
} from '@mizug/domain';
import { numberCitations } from '@mizug/editor/board';
import { creditBlock, creditedCard } from './credit-block';
import type {
  StoredDecision,
  StoredDisagreement,
  StoredFinding,
} from '../../db/repositories/findings';
import { can } from '../../policy/policy';
import type { ReadableCard } from '../cards/read';
import { voiceBalance } from './balance';
import { findingResourceIn, type BoardContext } from './context';
import type { FindingTexts } from './document';
import { standingDecision } from './standing';

const groupRef = (space: Space) => ({ spaceId: space.id, kind: space.kind, name: space.name });

export function boardView(context: BoardContext, placed: readonly ReadableCard[]): Board {
  const { board } = context;
  return {
    id: board.id,
    initiativeId: board.initiativeId,
    spaceId: board.spaceId,
    sessionId: board.sessionId,
    title: board.title,
    docName: boardDocName(board.id),
    canWrite: can(context.actor, 'write', context.resource),
    groups: context.groups.map(groupRef),
    decidesFor: context.groups
      .filter((group) => can(context.actor, 'decide', findingResourceIn(context, group.id)))
      .map((group) => group.id),
    balance: voiceBalance(placed),
  };
}

/** Each deciding group's decision this round: who recorded what, and what stands by its rule. */
export function groupDecisions(
  context: BoardContext,
  rule: GroupDecisionRule,
  recorded: readonly StoredDecision[],
  deciders: ReadonlyMap<string, readonly string[]>,
): GroupDecision[] {
  return context.groups.map((group) => {
    const ofGroup = recorded.filter((entry) => entry.spaceId === group.id);
    return {
      group: groupRef(group),
      standing: standingDecision(rule, ofGroup, deciders.get(group.id) ?? []),
      rule,
      recorded: ofGroup.map((entry) => ({
        decision: entry.decision,
        comment: entry.comment,
        recordedBy: entry.recordedBy,
        recordedAt: entry.recordedAt.toISOString(),
      })),
    };
  });
}

export const disagreementView = (
  context: BoardContext,
  entry: StoredDisagreement,
): Disagreement => ({
  id: entry.id,
  group: groupRef(context.spaces.get(entry.spaceId)!),
  position: entry.position,
  recordedBy: entry.recordedBy,
  recordedAt: entry.recordedAt.toISOString(),
});

/** What a finding view is made of; the texts are the live ones, or the frozen final ones. */
export interface FindingParts {
  finding: StoredFinding;
  texts: FindingTexts;
  /** The statement returned last round (as stored, citations `[card:<id>]`), or null. */
  previous: string | null;
  /** The cards placed in it, in their order. */
  placed: readonly ReadableCard[];
  /** Every card on the board this reader may read, by id: a citation resolves only to these. */
  onBoard: ReadonlyMap<string, ReadableCard>;
  decisions: GroupDecision[];
  disagreements: Disagreement[];
  /** Where the quoted people's approvals stand at the final co-writing; null elsewhere. */
  quoteApproval: Finding['quoteApproval'];
}

/**
 * A finding as this reader sees it. Citations are numbered across its texts (statement first);
 * one of a card that is not on the board, or that the reader may not read, reads `[?]`.
 */
export function findingView(parts: FindingParts): Finding {
  const { finding, texts, onBoard } = parts;
  const numbering: string[] = [];
  const resolves = (id: string) => onBoard.has(id);
  const number = (text: string) => numberCitations(text, numbering, resolves).text;
  const statement = number(texts.statement);
  const characteristics = number(texts.characteristics);
  const openQuestions = number(texts.questions);
  const cited = [...numbering];
  // Last round's citations number like this round's; a card no longer cited continues the count.
  const previousStatement = parts.previous === null ? null : number(parts.previous);
  const placedIds = new Set(parts.placed.map(({ card }) => card.id));
  const citedElsewhere = cited.filter((id) => !placedIds.has(id)).map((id) => onBoard.get(id)!);
  return {
    id: finding.id,
    boardId: finding.boardId,
    title: finding.title,
    status: finding.status,
    round: finding.round,
    statement,
    characteristics,
    openQuestions,
    citations: cited,
    previousStatement,
    decisions: parts.decisions,
    disagreements: parts.disagreements,
    balance: voiceBalance(parts.placed),
    cards: [...parts.placed, ...citedElsewhere].map(({ view }) => view),
    credits: creditBlock([...parts.placed, ...citedElsewhere].map(creditedCard)),
    quoteApproval: parts.quoteApproval,
  };
}
