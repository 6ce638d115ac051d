import type { CreatedInvitation, InitiativeHome, NewInitiative, Space } from '@mizug/domain';
import type { Database } from '../../server/src/db/database';
import { createInstanceAdmin } from '../../server/src/services/create-admin';
import { Person } from './person';

type AnyApp = ConstructorParameters<typeof Person>[0];

export const ADMIN_PASSPHRASE = 'correct horse battery staple';

export interface SeededInitiative {
  initiativeId: string;
  spaces: Record<Space['kind'], string>;
  admin: Person;
  /** Joined through invitations: two experts by experience in the lived-experience space, a
   * practitioner in the practitioners space, a researcher in none. */
  people: Record<'ebe' | 'ebe2' | 'practitioner' | 'researcher', Person>;
}

export interface AdminForm {
  handle: string;
  displayName: string;
  passphrase: string;
}

/** Creates the admin straight in the database (when the test holds it). */
export const adminInDatabase = (db: Database) => async (form: AdminForm) => {
  await createInstanceAdmin(db, form);
};

/**
 * An initiative with its spaces and one person per seat, each signed in through the API.
 * `createAdmin` makes the instance admin: in the database, or through the setup link of a
 * server running in another process.
 */
export async function seedInitiative(
  app: AnyApp,
  createAdmin: (form: AdminForm) => Promise<void>,
  /** The initiative's languages; Hebrew and English unless a test needs others. */
  languages: NewInitiative['languages'] = ['he', 'en'],
): Promise<SeededInitiative> {
  await createAdmin({ handle: 'admin', displayName: 'Dana Admin', passphrase: ADMIN_PASSPHRASE });
  const admin = new Person(app);
  await admin.signIn('admin', ADMIN_PASSPHRASE);
  const created = await admin.post('/api/initiatives', {
    name: 'Loneliness in old age',
    problem: 'Older people living alone',
    languages,
  });
  const { id: initiativeId } = (await created.json()) as { id: string };
  const home = (await (
    await admin.get(`/api/initiatives/${initiativeId}`)
  ).json()) as InitiativeHome;
  const spaces = Object.fromEntries(home.spaceDirectory.map((s) => [s.kind, s.id])) as Record<
    Space['kind'],
    string
  >;

  const join = (handle: string, displayName: string, role: string, spaceId: string | null) =>
    invitePerson(app, admin, initiativeId, { handle, displayName, role, spaceId });

  return {
    initiativeId,
    spaces,
    admin,
    people: {
      ebe: await join('miriam', 'מרים', 'expert_by_experience', spaces.lived_experience),
      ebe2: await join('salma', 'سلمى', 'expert_by_experience', spaces.lived_experience),
      practitioner: await join('yossi', 'Yossi', 'practitioner', spaces.practitioners),
      researcher: await join('rana', 'Rana', 'researcher', null),
    },
  };
}

/** `inviter` invites someone with `role` (into `spaceId`, if any), who joins through the API. */
export async function invitePerson(
  app: AnyApp,
  inviter: Person,
  initiativeId: string,
  who: { handle: string; displayName: string; role: string; spaceId?: string | null },
): Promise<Person> {
  const response = await inviter.post(`/api/initiatives/${initiativeId}/invitations`, {
    role: who.role,
    sector: who.role === 'facilitator' ? 'third_sector' : 'community',
    spaceId: who.spaceId ?? null,
  });
  const { code } = (await response.json()) as CreatedInvitation;
  const person = new Person(app);
  const joined = await person.join(code, who.handle, who.displayName);
  if (joined.status !== 201)
    throw new Error(`${who.handle} could not join: ${await joined.text()}`);
  return person;
}

/** A facilitator of the seeded initiative in no space: Noa, unless a test needs another. */
export const inviteFacilitator = (
  app: AnyApp,
  seed: SeededInitiative,
  handle = 'noa',
  displayName = 'נועה',
) => invitePerson(app, seed.admin, seed.initiativeId, { handle, displayName, role: 'facilitator' });

/** The admin removes one of the seeded people from the initiative; returns the HTTP status. */
export async function removeFromInitiative(
  seed: SeededInitiative,
  who: keyof SeededInitiative['people'],
) {
  const accountId = await seed.people[who].accountId();
  const response = await seed.admin.call(
    'DELETE',
    `/api/initiatives/${seed.initiativeId}/members/${accountId}`,
  );
  return response.status;
}
