import type { Code, CodeDescription, CodeName } from '@mizug/domain';
import type { Queryable } from '../database';
import { json } from './method-sessions/json';

type CodeRow = {
  id: string;
  initiative_id: string;
  parent_id: string | null;
  name: string;
  description: string;
  colour: string;
  position: number;
  card_count: number;
};

// jsonb is selected as text: one driver returns it parsed, the other as a string.
const columns = `c.id, c.initiative_id, c.parent_id, c.name::text AS name,
  c.description::text AS description, c.colour, c.position,
  (SELECT count(*)::int FROM codings g WHERE g.code_id = c.id) AS card_count`;

const toCode = (row: CodeRow): Code => ({
  id: row.id,
  initiativeId: row.initiative_id,
  parentId: row.parent_id,
  name: json<CodeName>(row.name),
  description: json<CodeDescription>(row.description),
  colour: row.colour,
  position: row.position,
  cardCount: row.card_count,
});

/** A new code, last among its siblings. */
export async function insertCode(
  db: Queryable,
  code: {
    initiativeId: string;
    parentId: string | null;
    name: CodeName;
    description: CodeDescription;
    colour: string;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO codes (initiative_id, parent_id, name, description, colour, position, created_by)
     VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5,
       (SELECT coalesce(max(position) + 1, 0) FROM codes
        WHERE initiative_id = $1 AND parent_id IS NOT DISTINCT FROM $2::uuid),
       $6)
     RETURNING id`,
    [
      code.initiativeId,
      code.parentId,
      JSON.stringify(code.name),
      JSON.stringify(code.description),
      code.colour,
      code.createdBy,
    ],
  );
  return row!.id;
}

export async function findCode(db: Queryable, id: string): Promise<Code | undefined> {
  const [row] = await db.query<CodeRow>(`SELECT ${columns} FROM codes c WHERE c.id = $1`, [id]);
  return row && toCode(row);
}

/** Every code of the initiative, flat, in their order among siblings. */
export async function listCodes(db: Queryable, initiativeId: string): Promise<Code[]> {
  const rows = await db.query<CodeRow>(
    `SELECT ${columns} FROM codes c WHERE c.initiative_id = $1 ORDER BY c.position, c.created_at`,
    [initiativeId],
  );
  return rows.map(toCode);
}

/** Writes what changed; `parentId` moves the code last among its new siblings. */
export async function updateCode(
  db: Queryable,
  id: string,
  change: {
    name?: CodeName;
    description?: CodeDescription;
    colour?: string;
    parentId?: string | null;
  },
) {
  const moves = change.parentId !== undefined;
  await db.query(
    `UPDATE codes SET
       name = coalesce($2::text::jsonb, name),
       description = coalesce($3::text::jsonb, description),
       colour = coalesce($4, colour),
       parent_id = CASE WHEN $5::boolean THEN $6::uuid ELSE parent_id END,
       position = CASE WHEN $5::boolean THEN (SELECT coalesce(max(s.position) + 1, 0) FROM codes s
         WHERE s.initiative_id = codes.initiative_id AND s.id <> codes.id
           AND s.parent_id IS NOT DISTINCT FROM $6::uuid) ELSE position END,
       updated_at = now()
     WHERE id = $1`,
    [
      id,
      change.name ? JSON.stringify(change.name) : null,
      change.description ? JSON.stringify(change.description) : null,
      change.colour ?? null,
      moves,
      change.parentId ?? null,
    ],
  );
}

/** Whether `ancestorId` is `codeId` itself or above it in the tree. */
export async function isSameOrAncestor(db: Queryable, ancestorId: string, codeId: string) {
  const [row] = await db.query<{ found: boolean }>(
    `WITH RECURSIVE up (id, parent_id) AS (
       SELECT id, parent_id FROM codes WHERE id = $2
       UNION
       SELECT c.id, c.parent_id FROM codes c JOIN up ON c.id = up.parent_id
     )
     SELECT EXISTS (SELECT 1 FROM up WHERE id = $1) AS found`,
    [ancestorId, codeId],
  );
  return row!.found;
}

/**
 * Puts every card coded with `fromId` under `intoId` too, keeping who coded it and when; a card
 * already carrying `intoId` keeps its own coding. Returns how many codings moved.
 */
export async function copyCodings(db: Queryable, fromId: string, intoId: string) {
  const rows = await db.query<{ card_id: string }>(
    `INSERT INTO codings (code_id, card_id, coded_by, coded_at)
     SELECT $2, card_id, coded_by, coded_at FROM codings WHERE code_id = $1
     ON CONFLICT (code_id, card_id) DO NOTHING
     RETURNING card_id`,
    [fromId, intoId],
  );
  return rows.length;
}

/** Moves the children of `fromId` under `intoId`, after the children it already has. */
export async function moveChildren(db: Queryable, fromId: string, intoId: string | null) {
  await db.query(
    `UPDATE codes SET parent_id = $2::uuid, updated_at = now(),
       position = position + (SELECT coalesce(max(s.position) + 1, 0) FROM codes s
         WHERE s.parent_id IS NOT DISTINCT FROM $2::uuid
           AND s.initiative_id = codes.initiative_id)
     WHERE parent_id = $1`,
    [fromId, intoId],
  );
}

/** Removes the code; its codings go with it (ON DELETE CASCADE). */
export async function deleteCode(db: Queryable, id: string) {
  await db.query('DELETE FROM codes WHERE id = $1', [id]);
}
