import type { Account, Board, Finding } from '@mizug/domain';
import type { Database } from '../../db/database';
import { listBoardsInSpace, listBoardsOfInitiative } from '../../db/repositories/boards';
import * as findings from '../../db/repositories/findings';
import { findSpace } from '../../db/repositories/initiatives';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { can } from '../../policy/policy';
import { spaceResource } from '../../policy/resources';
import { readableCards, type ReadableCard } from '../cards/read';
import { boardFor, findingFor, loadBoardContext, type BoardContext } from './context';
import { readBoardLayout, type BoardLayout } from './document';
import { boardView, disagreementView, findingView } from './present';
import { asksQuoteApproval, quoteApprovalState, quotedCardsOf } from './quote-approvals';
import { decisionsOf } from './round';

/** What every view of a board reads once: its layout and the cards this reader may read. */
async function boardState(
  db: Database,
  account: Account,
  context: BoardContext,
  findingIds: readonly string[],
) {
  const layout = await readBoardLayout(db, context.board.id, findingIds);
  // A board's cards are the cards made in its space; placements of any other id are ignored.
  const cards = await readableCards(db, account, context.actor, context.space);
  return { layout, onBoard: new Map(cards.map((entry) => [entry.card.id, entry])) };
}

/** The cards placed in a finding, in their order. */
function placedIn(
  findingId: string,
  layout: BoardLayout,
  onBoard: ReadonlyMap<string, ReadableCard>,
): ReadableCard[] {
  const order = (entry: ReadableCard) => layout.placements.get(entry.card.id)!.order;
  return [...onBoard.values()]
    .filter(({ card }) => layout.placements.get(card.id)?.finding === findingId)
    .sort((a, b) => order(a) - order(b));
}

/** A final finding's cards, as they were placed when it was made final, in their order. */
const frozenIn = (cardIds: readonly string[], onBoard: ReadonlyMap<string, ReadableCard>) =>
  cardIds.flatMap((id) => onBoard.get(id) ?? []);

/** The cards of each final finding among `stored`, as frozen, by finding id. */
const finalCardsOf = (db: Database, stored: readonly findings.StoredFinding[]) =>
  findings.listFinalCards(
    db,
    stored.filter(({ status }) => status === 'final').map(({ id }) => id),
  );

/** A finding's cards: a final one's as frozen, any other's as the board places them now. */
const cardsOf = (
  finding: findings.StoredFinding,
  frozen: ReadonlyMap<string, readonly string[]>,
  layout: BoardLayout,
  onBoard: ReadonlyMap<string, ReadableCard>,
) =>
  finding.status === 'final'
    ? frozenIn(frozen.get(finding.id) ?? [], onBoard)
    : placedIn(finding.id, layout, onBoard);

/**
 * A finding's texts as its readers see them: drafted, as the board holds them now; returned, the
 * statement as returned (what the groups decide on); final, as frozen.
 */
async function shownTexts(db: Database, finding: findings.StoredFinding, layout: BoardLayout) {
  if (finding.final) return finding.final;
  const live = layout.texts.get(finding.id)!;
  if (finding.status === 'draft') return live;
  const returned = await findings.findRoundStatement(db, finding.id, finding.round);
  return { ...live, statement: returned ?? live.statement };
}

/** The views of some findings of one board, as this reader sees them. */
async function findingViews(
  db: Database,
  account: Account,
  context: BoardContext,
  stored: readonly findings.StoredFinding[],
): Promise<Finding[]> {
  const { layout, onBoard } = await boardState(
    db,
    account,
    context,
    stored.map(({ id }) => id),
  );
  const frozen = await finalCardsOf(db, stored);
  const asks = asksQuoteApproval(context);
  const views: Finding[] = [];
  for (const finding of stored) {
    // Returned or final: last round's statement is the one before this round's.
    const previousRound = finding.status === 'draft' ? finding.round : finding.round - 1;
    const texts = await shownTexts(db, finding, layout);
    views.push(
      findingView({
        finding,
        texts,
        previous:
          previousRound > 0
            ? await findings.findRoundStatement(db, finding.id, previousRound)
            : null,
        placed: cardsOf(finding, frozen, layout, onBoard),
        onBoard,
        quoteApproval:
          asks && finding.status !== 'draft'
            ? await quoteApprovalState(db, finding.id, quotedCardsOf(texts.statement, onBoard))
            : null,
        decisions: await decisionsOf(db, context, finding),
        disagreements: (await findings.listDisagreements(db, finding.id)).map((entry) =>
          disagreementView(context, entry),
        ),
      }),
    );
  }
  return views;
}

async function boardViewOf(db: Database, account: Account, context: BoardContext) {
  const stored = await findings.listFindingsOfBoard(db, context.board.id);
  const { layout, onBoard } = await boardState(db, account, context, []);
  const frozen = await finalCardsOf(db, stored);
  const placed = stored.flatMap((finding) => cardsOf(finding, frozen, layout, onBoard));
  return boardView(context, placed);
}

export async function readBoard(db: Database, account: Account, boardId: string): Promise<Board> {
  return boardViewOf(db, account, await boardFor(db, account, boardId, 'read'));
}

/** The boards of a space, oldest first. */
export async function listBoards(
  db: Database,
  account: Account,
  spaceId: string,
): Promise<Board[]> {
  const space = await findSpace(db, spaceId);
  if (!space) throw new AppError('not_found');
  const actor = await loadActor(db, account, space.initiativeId);
  authorize(actor, 'read', spaceResource(space));
  const views: Board[] = [];
  for (const board of await listBoardsInSpace(db, spaceId))
    views.push(await boardViewOf(db, account, await loadBoardContext(db, account, board)));
  return views;
}

export async function readFinding(
  db: Database,
  account: Account,
  findingId: string,
): Promise<Finding> {
  const { finding, context } = await findingFor(db, account, findingId, 'read');
  const [view] = await findingViews(db, account, context, [finding]);
  return view!;
}

/** A board's findings in their order. */
export async function listBoardFindings(
  db: Database,
  account: Account,
  boardId: string,
): Promise<Finding[]> {
  const context = await boardFor(db, account, boardId, 'read');
  return findingViews(db, account, context, await findings.listFindingsOfBoard(db, boardId));
}

/** Every finding of the initiative the caller may see, board by board. */
export async function listInitiativeFindings(
  db: Database,
  account: Account,
  initiativeId: string,
): Promise<Finding[]> {
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'read', { kind: 'initiative', initiativeId });
  const views: Finding[] = [];
  for (const board of await listBoardsOfInitiative(db, initiativeId)) {
    const context = await loadBoardContext(db, account, board);
    if (!can(context.actor, 'read', context.resource)) continue;
    views.push(
      ...(await findingViews(
        db,
        account,
        context,
        await findings.listFindingsOfBoard(db, board.id),
      )),
    );
  }
  return views;
}
