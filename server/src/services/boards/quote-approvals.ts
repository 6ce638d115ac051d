import type { Account, Finding } from '@mizug/domain';
import { citedCards } from '@mizug/editor/board';
import type { Queryable } from '../../db/database';
import * as approvals from '../../db/repositories/finding-quotes';
import type { StoredFinding } from '../../db/repositories/findings';
import { AppError } from '../../errors';
import type { ReadableCard } from '../cards/read';
import { runCommand, type CommandDeps } from '../command';
import type { BoardContext } from './context';

/**
 * At the final co-writing (MK-8: the session's writing team writes the board), every person the
 * statement quotes approves their quote and its credit before the finding is final. Other
 * boards ask nothing beyond each card's own quote consent.
 */
export const asksQuoteApproval = (context: BoardContext) =>
  context.resource.sessionStage?.writers === 'working_group';

/** A cited card whose words are a person's (a teller's, a post's author's), not a group's. */
export interface QuotedCard {
  cardId: string;
  personId: string;
  credit: approvals.PersonCredit;
  /** The person already refused these words leaving the initiative (`declined`, `never`). */
  refused: boolean;
}

/** The person whose words a card quotes; null for a group's work or a post on its behalf. */
const personOf = ({ source }: ReadableCard) => {
  if (source.story) return source.story.tellerId;
  if (source.resource.kind === 'post' && source.author) return source.resource.post.authorId;
  return null;
};

/** The cards `statement` cites that quote a person, in citation order; withdrawn ones quote none. */
export function quotedCardsOf(
  statement: string,
  onBoard: ReadonlyMap<string, ReadableCard>,
): QuotedCard[] {
  const quoted: QuotedCard[] = [];
  for (const id of new Set(citedCards(statement))) {
    const entry = onBoard.get(id);
    const personId = entry && personOf(entry);
    if (!entry || !personId || entry.view.withdrawn) continue;
    const { credit, name } = entry.view.credit;
    if (credit === 'group') continue;
    const consent = entry.view.quoteConsent;
    quoted.push({
      cardId: id,
      personId,
      credit: { credit, name },
      refused: consent === 'declined' || consent === 'never',
    });
  }
  return quoted;
}

const sameCredit = (a: approvals.PersonCredit, b: approvals.PersonCredit) =>
  a.credit === b.credit && a.name === b.name;

/**
 * Where the approvals of `quoted` stand: a request asked about another credit than the one the
 * quote carries now waits again; a quote its person refused counts as declined.
 */
export async function quoteApprovalState(
  db: Queryable,
  findingId: string,
  quoted: readonly QuotedCard[],
): Promise<NonNullable<Finding['quoteApproval']>> {
  const stored = new Map(
    (await approvals.listQuoteApprovals(db, findingId)).map((row) => [row.cardId, row]),
  );
  const state = { waiting: 0, approved: 0, declined: 0 };
  for (const card of quoted) {
    const row = stored.get(card.cardId);
    if (card.refused || row?.decision === 'declined') state.declined += 1;
    else if (row?.decision === 'approved' && sameCredit(row.credit, card.credit))
      state.approved += 1;
    else state.waiting += 1;
  }
  return state;
}

/**
 * Asks each quoted person whose request is missing, or was about another credit, in its own
 * command (so the requests stay asked when the finalize that made them is refused).
 */
export async function askQuotedPeople(
  deps: CommandDeps,
  account: Account,
  finding: StoredFinding,
  quoted: readonly QuotedCard[],
) {
  const asking = quoted.filter((card) => !card.refused);
  if (asking.length === 0) return;
  await runCommand(deps, async ({ tx, audit, emit }) => {
    let asked = 0;
    for (const card of asking)
      if (await approvals.requestQuoteApproval(tx, { findingId: finding.id, ...card })) asked += 1;
    if (asked === 0) return;
    // Counts only: who is quoted is theirs to see.
    await audit({
      action: 'finding.quotes_request',
      actorId: account.id,
      initiativeId: finding.initiativeId,
      details: { boardId: finding.boardId, findingId: finding.id, asked },
    });
    emit('boardChanged', finding.initiativeId, finding.boardId);
  });
}

/**
 * Refuses making the finding final while a quote it cites was declined (it must leave the
 * statement first: `quote_declined_in_statement`) or still waits (`quotes_not_approved`, with
 * how many).
 */
export async function requireQuotesApproved(
  db: Queryable,
  findingId: string,
  quoted: readonly QuotedCard[],
) {
  const state = await quoteApprovalState(db, findingId, quoted);
  if (state.declined > 0) throw new AppError('quote_declined_in_statement');
  if (state.waiting > 0)
    throw new AppError('quotes_not_approved', undefined, undefined, state.waiting);
}
