import type { Instance } from '@mizug/domain';
import type { Queryable } from '../database';

export async function findInstance(db: Queryable): Promise<Instance> {
  const [row] = await db.query<{ id: string; created_at: Date }>(
    'SELECT id, created_at FROM instance',
  );
  if (!row) throw new Error('The instance row is missing: migrations have not run.');
  return { id: row.id, createdAt: row.created_at.toISOString() };
}
