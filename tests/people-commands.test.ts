import type { AuditAction, CreatedInvitation, InitiativeHome, Space } from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/src/app';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { EventBus, type DomainEvents } from '../server/src/events';
import { createLogger } from '../server/src/logger';
import { issueSetupToken } from '../server/src/services/setup-link';
import { Person } from './factories/person';
import { withFailingAudit } from './support/audit-failure';
import { createTestDatabase, testStorages } from './support/databases';

const ADMIN = { handle: 'admin', displayName: 'Dana Admin', passphrase: 'correct horse battery' };

/**
 * Every state change of people, initiatives, spaces and sign-ins is a command: with its audit
 * insert refused, it answers 500, leaves every table as it was and sends no event; then, done
 * again, it stores exactly one audit entry of its action and sends its events after the commit.
 * The steps run in order, each building on the one before.
 */
describe.each(testStorages)('people commands on %s', (kind) => {
  let real: Database;
  let audit: ReturnType<typeof withFailingAudit>;
  let app: ReturnType<typeof createApp>;
  const sent: string[] = [];

  /** Every row of every table (audit_log included), to compare before and after. */
  async function everything() {
    const tables = await real.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const dump: Record<string, string[]> = {};
    for (const { table_name: table } of tables) {
      const rows = await real.query(`SELECT * FROM "${table}"`);
      dump[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return dump;
  }
  const auditCount = async (action: AuditAction) =>
    (
      await real.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_log WHERE action = $1',
        [action],
      )
    )[0]!.n;

  /** Runs `act` with audit inserts failing (nothing may change), then for real. */
  async function command(
    act: () => Promise<Response>,
    expected: { status: number; audit: AuditAction; events?: (keyof DomainEvents)[] },
  ) {
    const before = await everything();
    const audited = await auditCount(expected.audit);
    sent.length = 0;
    audit.failing = true;
    const refused = await act();
    audit.failing = false;
    expect(refused.status).toBe(500);
    expect(await everything()).toEqual(before);
    expect(sent).toEqual([]);

    const done = await act();
    expect(done.status).toBe(expected.status);
    expect(await auditCount(expected.audit)).toBe(audited + 1);
    expect(sent).toEqual(expected.events ?? []);
    return done;
  }

  let admin: Person;
  let initiativeId: string;
  let spaces: Record<Space['kind'], string>;
  let miriam: Person;
  let yossi: Person;
  let invitation: CreatedInvitation;

  const path = (rest = '') => `/api/initiatives/${initiativeId}${rest}`;
  const invite = (role: string, spaceId: string | null) =>
    admin.post(path('/invitations'), { role, sector: 'community', spaceId });
  const joinAs = async (person: Person, code: string, handle: string) =>
    person.join(code, handle, handle);

  beforeAll(async () => {
    real = await createTestDatabase(kind);
    await migrate(real);
    audit = withFailingAudit(real);
    const events = new EventBus();
    for (const name of ['accessChanged', 'sessionChanged', 'signInEnded'] as const)
      events.on(name, () => sent.push(name));
    app = createApp({
      db: audit.db,
      logger: createLogger('silent'),
      version: 'test',
      trustProxy: false,
      events,
    });
  });
  afterAll(async () => {
    await real.close();
  });

  it('sets the instance up through the setup link', async () => {
    const token = (await issueSetupToken(real))!;
    admin = new Person(app);
    const done = await command(() => admin.post('/api/setup', { ...ADMIN, token }), {
      status: 201,
      audit: 'membership.add',
    });
    await admin.remember(done);
  });

  it('signs in, and records a failed sign-in', async () => {
    const other = new Person(app);
    await command(() => other.signIn(ADMIN.handle, ADMIN.passphrase), {
      status: 200,
      audit: 'session.login',
    });
    await command(() => new Person(app).signIn(ADMIN.handle, 'not the passphrase'), {
      status: 401,
      audit: 'session.login_failed',
    });
  });

  it('creates an initiative with its spaces', async () => {
    const done = await command(
      () =>
        admin.post('/api/initiatives', {
          name: 'Loneliness in old age',
          problem: 'Older people living alone',
          languages: ['he', 'en'],
        }),
      { status: 201, audit: 'initiative.create' },
    );
    initiativeId = ((await done.json()) as { id: string }).id;
    const home = (await (await admin.get(path())).json()) as InitiativeHome;
    spaces = Object.fromEntries(home.spaceDirectory.map((s) => [s.kind, s.id])) as typeof spaces;
  });

  it('creates an invitation and joins with it', async () => {
    const done = await command(() => invite('expert_by_experience', spaces.lived_experience), {
      status: 201,
      audit: 'invitation.create',
    });
    invitation = (await done.json()) as CreatedInvitation;
    miriam = new Person(app);
    await command(() => joinAs(miriam, invitation.code, 'miriam'), {
      status: 201,
      audit: 'invitation.accept',
    });
    yossi = new Person(app);
    const forYossi = (await (await invite('practitioner', spaces.practitioners)).json()) as {
      code: string;
    };
    expect((await joinAs(yossi, forYossi.code, 'yossi')).status).toBe(201);
  });

  it('revokes an invitation', async () => {
    await command(() => admin.call('DELETE', path(`/invitations/${invitation.id}`)), {
      status: 204,
      audit: 'invitation.revoke',
    });
  });

  it('changes a member: the working group, then the role', async () => {
    const yossiId = await yossi.accountId();
    await command(
      () => admin.call('PATCH', path(`/members/${yossiId}`), { inWorkingGroup: true }),
      {
        status: 204,
        audit: 'space.assign',
        events: ['accessChanged'],
      },
    );
    await command(() => admin.call('PATCH', path(`/members/${yossiId}`), { role: 'academic' }), {
      status: 204,
      audit: 'membership.change_role',
      events: ['accessChanged'],
    });
    await admin.call('PATCH', path(`/members/${yossiId}`), { role: 'practitioner' });
  });

  it('proposes someone to a peer group, which accepts; then takes them out', async () => {
    const yossiId = await yossi.accountId();
    const assign = (as: 'member' | null) =>
      admin.call('PUT', path(`/spaces/${spaces.lived_experience}/members`), {
        accountId: yossiId,
        as,
      });
    await command(() => assign('member'), {
      status: 204,
      audit: 'space.join_request',
      events: ['accessChanged'],
    });
    await command(
      () =>
        miriam.post(`/api/spaces/${spaces.lived_experience}/requests/${yossiId}`, {
          decision: 'accept',
        }),
      { status: 204, audit: 'space.join_accept', events: ['accessChanged'] },
    );
    await command(() => assign(null), {
      status: 204,
      audit: 'space.assign',
      events: ['accessChanged'],
    });
  });

  it('removes a member from the initiative', async () => {
    const yossiId = await yossi.accountId();
    await command(() => admin.call('DELETE', path(`/members/${yossiId}`)), {
      status: 204,
      audit: 'membership.remove',
      events: ['accessChanged'],
    });
  });

  it('signs out, ending the sign-in for live connections after the commit', async () => {
    await command(() => miriam.call('DELETE', '/api/session'), {
      status: 204,
      audit: 'session.logout',
      events: ['signInEnded'],
    });
    expect((await miriam.get('/api/me')).status).toBe(401);
  });
});
