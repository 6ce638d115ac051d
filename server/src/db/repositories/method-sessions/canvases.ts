import type { Queryable } from '../../database';

export interface StoredCanvas {
  id: string;
  sessionId: string;
  stageId: string;
  spaceId: string | null;
  purpose: 'work' | 'facilitator_notes';
}

const toCanvas = (row: {
  id: string;
  session_id: string;
  stage_id: string;
  space_id: string | null;
  purpose: StoredCanvas['purpose'];
}): StoredCanvas => ({
  id: row.id,
  sessionId: row.session_id,
  stageId: row.stage_id,
  spaceId: row.space_id,
  purpose: row.purpose,
});

export async function ensureCanvas(
  db: Queryable,
  canvas: Omit<StoredCanvas, 'id'>,
): Promise<StoredCanvas> {
  await db.query(
    `INSERT INTO stage_canvases (session_id, stage_id, space_id, purpose) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [canvas.sessionId, canvas.stageId, canvas.spaceId, canvas.purpose],
  );
  const [row] = await db.query<Parameters<typeof toCanvas>[0]>(
    `SELECT * FROM stage_canvases WHERE session_id = $1 AND stage_id = $2
       AND space_id IS NOT DISTINCT FROM $3 AND purpose = $4`,
    [canvas.sessionId, canvas.stageId, canvas.spaceId, canvas.purpose],
  );
  return toCanvas(row!);
}

export async function findCanvas(db: Queryable, id: string) {
  const [row] = await db.query<Parameters<typeof toCanvas>[0]>(
    'SELECT * FROM stage_canvases WHERE id = $1',
    [id],
  );
  return row && toCanvas(row);
}

export async function listCanvases(db: Queryable, sessionId: string) {
  const rows = await db.query<Parameters<typeof toCanvas>[0]>(
    'SELECT * FROM stage_canvases WHERE session_id = $1',
    [sessionId],
  );
  return rows.map(toCanvas);
}

/** Who edited a session's canvases, and when last (the collaboration service records it). */
export async function listCanvasEditors(db: Queryable, sessionId: string) {
  const rows = await db.query<{ canvas_id: string; account_id: string; last_edit_at: Date }>(
    `SELECT c.id AS canvas_id, cc.account_id, cc.last_edit_at
     FROM stage_canvases c JOIN collab_contributors cc ON cc.doc_name = 'stage.' || c.id || '.body'
     WHERE c.session_id = $1`,
    [sessionId],
  );
  return rows.map((row) => ({
    canvasId: row.canvas_id,
    accountId: row.account_id,
    lastEditAt: row.last_edit_at,
  }));
}
