import type { Queryable } from '../database';

/** A board row; its live layout is the collaborative document `board.<id>.layout`. */
export interface StoredBoard {
  id: string;
  initiativeId: string;
  spaceId: string;
  sessionId: string | null;
  title: string;
  createdBy: string;
  createdAt: Date;
}

interface BoardRow {
  id: string;
  initiative_id: string;
  space_id: string;
  session_id: string | null;
  title: string;
  created_by: string;
  created_at: Date;
  [key: string]: unknown;
}

const toBoard = (row: BoardRow): StoredBoard => ({
  id: row.id,
  initiativeId: row.initiative_id,
  spaceId: row.space_id,
  sessionId: row.session_id,
  title: row.title,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export async function insertBoard(
  db: Queryable,
  board: Pick<StoredBoard, 'initiativeId' | 'spaceId' | 'sessionId' | 'title' | 'createdBy'>,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO boards (initiative_id, space_id, session_id, title, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [board.initiativeId, board.spaceId, board.sessionId, board.title, board.createdBy],
  );
  return row!.id;
}

export async function findBoard(db: Queryable, id: string): Promise<StoredBoard | undefined> {
  const [row] = await db.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id]);
  return row && toBoard(row);
}

/** The boards of a space, oldest first. */
export async function listBoardsInSpace(db: Queryable, spaceId: string): Promise<StoredBoard[]> {
  const rows = await db.query<BoardRow>(
    'SELECT * FROM boards WHERE space_id = $1 ORDER BY created_at, id',
    [spaceId],
  );
  return rows.map(toBoard);
}

/** Every board of an initiative, oldest first. */
export async function listBoardsOfInitiative(
  db: Queryable,
  initiativeId: string,
): Promise<StoredBoard[]> {
  const rows = await db.query<BoardRow>(
    'SELECT * FROM boards WHERE initiative_id = $1 ORDER BY created_at, id',
    [initiativeId],
  );
  return rows.map(toBoard);
}

/** Who may decide for a group: its members, never a researcher (whatever rows are left). */
export async function listGroupDeciders(db: Queryable, spaceId: string): Promise<string[]> {
  const rows = await db.query<{ account_id: string }>(
    `SELECT sm.account_id FROM space_members sm
     JOIN spaces s ON s.id = sm.space_id
     JOIN memberships m ON m.initiative_id = s.initiative_id AND m.account_id = sm.account_id
     WHERE sm.space_id = $1 AND sm.kind = 'member' AND m.role <> 'researcher'`,
    [spaceId],
  );
  return rows.map((row) => row.account_id);
}

/** Of `cardIds`, those of cards made in `spaceId` (a board's cards are its space's). */
export async function cardsOfSpaceAmong(
  db: Queryable,
  spaceId: string,
  cardIds: readonly string[],
): Promise<string[]> {
  if (cardIds.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM insight_cards WHERE space_id = $1 AND id = ANY($2::uuid[])',
    [spaceId, cardIds],
  );
  return rows.map((row) => row.id);
}

/** The board of a session in a space, if it has one (there is at most one). */
export async function findSessionBoard(
  db: Queryable,
  sessionId: string,
  spaceId: string,
): Promise<StoredBoard | undefined> {
  const [row] = await db.query<BoardRow>(
    'SELECT * FROM boards WHERE session_id = $1 AND space_id = $2',
    [sessionId, spaceId],
  );
  return row && toBoard(row);
}
