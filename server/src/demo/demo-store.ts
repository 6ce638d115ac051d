import type { DemoPersona } from '@mizug/domain';
import type { Queryable } from '../db/database';
import type { DemoPerson } from './fixture';

export interface DemoSummary {
  initiativeId: string;
  personas: DemoPersona[];
}

/** The demo's people in the order the demo introduces them, with the role each plays. */
export async function listDemoPersonas(db: Queryable): Promise<DemoPersona[]> {
  return db.query<DemoPersona>(
    `SELECT a.handle, a.display_name AS "displayName", m.role
       FROM demo_people d
       JOIN accounts a ON a.id = d.account_id
       JOIN memberships m ON m.account_id = d.account_id AND m.initiative_id = d.initiative_id
      ORDER BY d.position`,
  );
}

export async function findDemo(db: Queryable): Promise<DemoSummary | undefined> {
  const [row] = await db.query<{ initiativeId: string }>(
    'SELECT initiative_id AS "initiativeId" FROM demo_people LIMIT 1',
  );
  return row && { initiativeId: row.initiativeId, personas: await listDemoPersonas(db) };
}

/** The account of a demo person with this handle, if there is one. */
export async function findDemoAccountId(db: Queryable, handle: string) {
  const [row] = await db.query<{ id: string }>(
    'SELECT a.id FROM demo_people d JOIN accounts a ON a.id = d.account_id WHERE a.handle = $1',
    [handle],
  );
  return row?.id;
}

export async function markDemo(
  db: Queryable,
  initiativeId: string,
  people: { accountId: string; spec: DemoPerson }[],
): Promise<DemoSummary> {
  for (const [position, { accountId }] of people.entries())
    await db.query(
      'INSERT INTO demo_people (account_id, initiative_id, position) VALUES ($1, $2, $3)',
      [accountId, initiativeId, position],
    );
  return { initiativeId, personas: await listDemoPersonas(db) };
}
