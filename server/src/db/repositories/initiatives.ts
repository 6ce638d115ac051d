import type { InitiativeSummary, KnowledgeType, Role, Space, SpaceKind } from '@mizug/domain';
import type { Queryable } from '../database';

interface InitiativeRow {
  id: string;
  name: string;
  problem: string;
  languages: InitiativeSummary['languages'];
  role: Role | null;
  [key: string]: unknown;
}

const toSummary = (row: InitiativeRow): InitiativeSummary => ({
  id: row.id,
  name: row.name,
  problem: row.problem,
  languages: row.languages,
  myRole: row.role,
});

export async function insertInitiative(
  db: Queryable,
  initiative: { name: string; problem: string; languages: string[]; createdBy: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO initiatives (name, problem, languages, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [initiative.name, initiative.problem, initiative.languages, initiative.createdBy],
  );
  return row!.id;
}

/** The initiatives the account is a member of, with its role in each. */
export async function listInitiativesOf(
  db: Queryable,
  accountId: string,
): Promise<InitiativeSummary[]> {
  const rows = await db.query<InitiativeRow>(
    `SELECT i.id, i.name, i.problem, i.languages, m.role
     FROM initiatives i JOIN memberships m ON m.initiative_id = i.id AND m.account_id = $1
     ORDER BY i.created_at`,
    [accountId],
  );
  return rows.map(toSummary);
}

export async function findInitiative(
  db: Queryable,
  id: string,
  accountId: string,
): Promise<InitiativeSummary | undefined> {
  const [row] = await db.query<InitiativeRow>(
    `SELECT i.id, i.name, i.problem, i.languages, m.role
     FROM initiatives i LEFT JOIN memberships m ON m.initiative_id = i.id AND m.account_id = $2
     WHERE i.id = $1`,
    [id, accountId],
  );
  return row && toSummary(row);
}

export async function insertSpace(
  db: Queryable,
  space: {
    initiativeId: string;
    kind: SpaceKind;
    name?: string | null;
    /** A named peer space's knowledge (default: its own named group); the others' is their kind's. */
    knowledge?: KnowledgeType;
  },
): Promise<Space> {
  const knowledge = space.kind === 'peer' ? (space.knowledge ?? 'group') : null;
  const [row] = await db.query<SpaceRow>(
    `INSERT INTO spaces (initiative_id, kind, name, knowledge) VALUES ($1, $2, $3, $4)
     RETURNING ${spaceColumns}`,
    [space.initiativeId, space.kind, space.name ?? null, knowledge],
  );
  return toSpace(row!);
}

interface SpaceRow {
  id: string;
  initiative_id: string;
  kind: SpaceKind;
  name: string | null;
  knowledge: KnowledgeType | null;
  [key: string]: unknown;
}

const spaceColumns = 'id, initiative_id, kind, name, knowledge';

/** The built-in spaces carry their kind's knowledge; the synthesis mixes them all (`group`). */
const builtinKnowledge: Record<SpaceKind, KnowledgeType> = {
  lived_experience: 'lived_experience',
  practitioners: 'practice',
  peer: 'group',
  synthesis: 'group',
};

const toSpace = (row: SpaceRow): Space => ({
  id: row.id,
  initiativeId: row.initiative_id,
  kind: row.kind,
  name: row.name,
  knowledge: row.knowledge ?? builtinKnowledge[row.kind],
});

const spaceOrder = `CASE kind WHEN 'lived_experience' THEN 0 WHEN 'practitioners' THEN 1 WHEN 'peer' THEN 2 ELSE 3 END`;

export async function listSpaces(db: Queryable, initiativeId: string): Promise<Space[]> {
  const rows = await db.query<SpaceRow>(
    `SELECT ${spaceColumns} FROM spaces WHERE initiative_id = $1 ORDER BY ${spaceOrder}, created_at`,
    [initiativeId],
  );
  return rows.map(toSpace);
}

export async function findSpace(db: Queryable, id: string): Promise<Space | undefined> {
  const [row] = await db.query<SpaceRow>(`SELECT ${spaceColumns} FROM spaces WHERE id = $1`, [id]);
  return row && toSpace(row);
}

/** Sets the knowledge a named peer space carries. */
export async function updateSpaceKnowledge(db: Queryable, id: string, knowledge: KnowledgeType) {
  await db.query(`UPDATE spaces SET knowledge = $2 WHERE id = $1 AND kind = 'peer'`, [
    id,
    knowledge,
  ]);
}

/** Every initiative of the instance, oldest first: for the operator's command line. */
export async function listAllInitiatives(
  db: Queryable,
): Promise<{ id: string; name: string; languages: InitiativeSummary['languages'] }[]> {
  return db.query('SELECT id, name, languages FROM initiatives ORDER BY created_at, id', []);
}
