import type { WordUseFinding } from '@mizug/domain';
import { citedCards } from '@mizug/editor/board';
import type { Database } from '../../db/database';
import { listBoardsOfInitiative } from '../../db/repositories/boards';
import { listQuoteApprovalsOfCards } from '../../db/repositories/finding-quotes';
import { listFinalCards, listFindingsOfBoard } from '../../db/repositories/findings';
import type { StoredCard } from '../../db/repositories/insight-cards';
import { readBoardLayout } from '../boards/document';

/**
 * The findings holding or citing each of these cards, by card id. A board's cards are the cards
 * made in its space, so only boards there are read; a final finding holds and cites what was
 * frozen with it. Each carries the request to approve the quote in its final text, if one was
 * asked (a request asked about another credit than the card carries now waits again).
 */
export async function findingsOfCards(
  db: Database,
  initiativeId: string,
  cards: readonly StoredCard[],
): Promise<Map<string, WordUseFinding[]>> {
  const uses = new Map<string, WordUseFinding[]>();
  const spaces = new Set(cards.map((card) => card.spaceId));
  const approvals = new Map(
    (
      await listQuoteApprovalsOfCards(
        db,
        cards.map(({ id }) => id),
      )
    ).map((row) => [`${row.findingId}:${row.cardId}`, row]),
  );
  for (const board of await listBoardsOfInitiative(db, initiativeId)) {
    if (!spaces.has(board.spaceId)) continue;
    const stored = await listFindingsOfBoard(db, board.id);
    if (stored.length === 0) continue;
    const layout = await readBoardLayout(
      db,
      board.id,
      stored.map(({ id }) => id),
    );
    const frozen = await listFinalCards(
      db,
      stored.filter(({ status }) => status === 'final').map(({ id }) => id),
    );
    for (const finding of stored) {
      const cited = new Set(citedCards((finding.final ?? layout.texts.get(finding.id)!).statement));
      for (const card of cards) {
        if (card.spaceId !== board.spaceId) continue;
        const cites = cited.has(card.id);
        const holds =
          finding.status === 'final'
            ? (frozen.get(finding.id) ?? []).includes(card.id)
            : layout.placements.get(card.id)?.finding === finding.id;
        const request = approvals.get(`${finding.id}:${card.id}`);
        if (!cites && !holds && !request) continue;
        const { id, boardId, title, status } = finding;
        const approval = request
          ? { credit: request.credit, decision: request.decision ?? ('pending' as const) }
          : null;
        uses.set(card.id, [
          ...(uses.get(card.id) ?? []),
          { id, boardId, title, status, cites, approval },
        ]);
      }
    }
  }
  return uses;
}
