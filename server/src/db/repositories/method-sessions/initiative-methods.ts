import type { MethodDefinition } from '@mizug/methods';
import type { Queryable } from '../../database';
import { json } from './json';

/** The initiative's own adaptations of the methods (`initiative_methods`). */
export async function insertInitiativeMethod(
  db: Queryable,
  initiativeId: string,
  definition: MethodDefinition,
  createdBy: string,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO initiative_methods (initiative_id, definition, created_by)
     VALUES ($1, $2::text::jsonb, $3) RETURNING id`,
    [initiativeId, JSON.stringify(definition), createdBy],
  );
  return row!.id;
}

export async function updateInitiativeMethod(
  db: Queryable,
  id: string,
  definition: MethodDefinition,
) {
  await db.query(
    `UPDATE initiative_methods SET definition = $2::text::jsonb, updated_at = now() WHERE id = $1`,
    [id, JSON.stringify(definition)],
  );
}

export async function listInitiativeMethods(db: Queryable, initiativeId: string) {
  const rows = await db.query<{ id: string; initiative_id: string; definition: string }>(
    `SELECT id, initiative_id, definition::text AS definition FROM initiative_methods
     WHERE initiative_id = $1 ORDER BY created_at`,
    [initiativeId],
  );
  return rows.map((row) => ({
    id: row.id,
    initiativeId: row.initiative_id,
    definition: json<MethodDefinition>(row.definition),
  }));
}

export async function findInitiativeMethod(db: Queryable, id: string) {
  const [row] = await db.query<{ id: string; initiative_id: string; definition: string }>(
    `SELECT id, initiative_id, definition::text AS definition FROM initiative_methods WHERE id = $1`,
    [id],
  );
  return (
    row && {
      id: row.id,
      initiativeId: row.initiative_id,
      definition: json<MethodDefinition>(row.definition),
    }
  );
}
