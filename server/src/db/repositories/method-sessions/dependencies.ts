import type { DependencyRelation } from '@mizug/domain';
import type { Queryable } from '../../database';

export async function upsertDependency(
  db: Queryable,
  declaration: {
    initiativeId: string;
    declaredBy: string;
    otherId: string;
    relation: DependencyRelation;
  },
) {
  await db.query(
    `INSERT INTO dependency_declarations (initiative_id, declared_by, other_id, relation)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (initiative_id, declared_by, other_id) DO UPDATE SET relation = $4,
       declared_at = now()`,
    [declaration.initiativeId, declaration.declaredBy, declaration.otherId, declaration.relation],
  );
}

export async function listDependencies(db: Queryable, initiativeId: string) {
  const rows = await db.query<{
    declared_by: string;
    other_id: string;
    relation: DependencyRelation;
  }>(
    'SELECT declared_by, other_id, relation FROM dependency_declarations WHERE initiative_id = $1',
    [initiativeId],
  );
  return rows.map((row) => ({
    declaredBy: row.declared_by,
    otherId: row.other_id,
    relation: row.relation,
  }));
}
