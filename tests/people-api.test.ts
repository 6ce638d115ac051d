import {
  apiErrorSchema,
  type CreatedInvitation,
  type InitiativeHome,
  type Space,
} from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/src/app';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { EventBus } from '../server/src/events';
import { createLogger } from '../server/src/logger';
import { createInstanceAdmin } from '../server/src/services/create-admin';
import { Person } from './factories/person';
import { createTestDatabase, testStorages } from './support/databases';

const ADMIN_PASS = 'correct horse battery staple';
const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

describe.each(testStorages)('people, spaces and authorization on %s', (kind) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let admin: Person;
  let initiativeId: string;
  let spaces: Record<Space['kind'], string>;
  const people: Record<string, Person> = {};

  async function invite(by: Person, body: Record<string, unknown>) {
    const response = await by.post(`/api/initiatives/${initiativeId}/invitations`, {
      sector: 'community',
      ...body,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as CreatedInvitation;
  }

  async function auditActions() {
    const response = await admin.get(`/api/initiatives/${initiativeId}/audit?limit=200`);
    return ((await response.json()) as { action: string }[]).map((entry) => entry.action);
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await migrate(db);
    app = createApp({
      db,
      logger: createLogger('silent'),
      version: 'test',
      trustProxy: false,
      events: new EventBus(),
    });
    await createInstanceAdmin(db, {
      handle: 'admin',
      displayName: 'Dana Admin',
      passphrase: ADMIN_PASS,
    });
    admin = new Person(app);
    expect((await admin.signIn('admin', ADMIN_PASS)).status).toBe(200);

    const created = await admin.post('/api/initiatives', {
      name: 'Loneliness in old age',
      problem: 'Older people living alone',
      languages: ['he', 'ar'],
      extraPeerSpaces: ['Academics'],
    });
    expect(created.status).toBe(201);
    initiativeId = ((await created.json()) as { id: string }).id;
    const home = (await (
      await admin.get(`/api/initiatives/${initiativeId}`)
    ).json()) as InitiativeHome;
    // The admin manages the initiative but is in no peer space: only the synthesis space shows,
    // and the directory names every space (without content) for inviting people into them.
    expect(home.spaces.map((s) => s.kind)).toEqual(['synthesis']);
    expect(home.spaceDirectory.map((s) => s.kind)).toEqual([
      'lived_experience',
      'practitioners',
      'peer',
      'synthesis',
    ]);
    const all = await db.query<{ id: string; kind: Space['kind'] }>(
      'SELECT id, kind FROM spaces WHERE initiative_id = $1',
      [initiativeId],
    );
    spaces = Object.fromEntries(all.map((s) => [s.kind, s.id])) as Record<Space['kind'], string>;

    const facilitatorCode = await invite(admin, {
      role: 'facilitator',
      spaceId: spaces.lived_experience,
    });
    people.facilitator = new Person(app);
    expect((await people.facilitator.join(facilitatorCode.code, 'noa')).status).toBe(201);

    const ebeCode = await invite(people.facilitator, {
      role: 'expert_by_experience',
      spaceId: spaces.lived_experience,
    });
    people.ebe = new Person(app, { 'accept-language': 'he' });
    expect(
      (await people.ebe.join(ebeCode.code.toLowerCase().replace('-', ' '), 'miriam', 'מרים'))
        .status,
    ).toBe(201);

    const practitionerCode = await invite(admin, {
      role: 'practitioner',
      spaceId: spaces.practitioners,
      sector: 'public',
    });
    people.practitioner = new Person(app);
    expect((await people.practitioner.join(practitionerCode.code, 'yossi')).status).toBe(201);

    const researcherCode = await invite(admin, { role: 'researcher', sector: 'academia' });
    people.researcher = new Person(app);
    expect((await people.researcher.join(researcherCode.code, 'rana')).status).toBe(201);
  });
  afterAll(async () => {
    await db.close();
  });

  describe('signing in', () => {
    it('answers GET /api/me with the account and never the passphrase', async () => {
      const me = await (await people.ebe!.get('/api/me')).json();
      expect(me.account).toMatchObject({ handle: 'miriam', displayName: 'מרים', email: null });
      expect(JSON.stringify(me)).not.toMatch(/scrypt|passphrase/);
    });

    it('refuses a wrong passphrase and an unknown handle alike, in the caller language', async () => {
      const stranger = new Person(app, { 'accept-language': 'ar' });
      const wrong = await stranger.signIn('miriam', 'not her passphrase');
      const unknown = await stranger.signIn('nobody-here', 'whatever passphrase');
      expect(wrong.status).toBe(401);
      expect(await errorOf(wrong)).toEqual(await errorOf(unknown));
      expect((await errorOf(wrong)).message).toBe(
        'اسم المستخدم وعبارة المرور غير متطابقين. تحقق منهما وحاول مرة أخرى.',
      );
      expect(stranger.cookie).toBe('');
    });

    it('throttles a handle after five failures, even with the right passphrase', async () => {
      const guesser = new Person(app);
      for (let i = 0; i < 5; i++)
        expect((await guesser.signIn('rana', `guess number ${i}`)).status).toBe(401);
      const right = await guesser.signIn('rana', 'rana passphrase long');
      expect(right.status).toBe(429);
      expect((await errorOf(right)).code).toBe('rate_limited');
    });

    it('treats a tampered or ended session as signed out', async () => {
      const tampered = new Person(app);
      tampered.cookie = `${people.ebe!.cookie}x`;
      expect((await tampered.get('/api/me')).status).toBe(401);

      const leaving = new Person(app);
      await leaving.signIn('admin', ADMIN_PASS);
      const cookie = leaving.cookie;
      expect((await leaving.call('DELETE', '/api/session')).status).toBe(204);
      const replay = new Person(app);
      replay.cookie = cookie;
      expect((await replay.get('/api/me')).status).toBe(401);
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request without the session token and changes nothing', async () => {
      const before = await db.query('SELECT id FROM initiatives');
      const response = await admin.call(
        'POST',
        '/api/initiatives',
        { name: 'Forged', problem: 'x', languages: ['en'] },
        { 'x-csrf-token': '' },
      );
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('csrf_failed');
      expect(await db.query('SELECT id FROM initiatives')).toEqual(before);
    });

    it('refuses a sign-in posted from another site', async () => {
      const response = await new Person(app).call(
        'POST',
        '/api/session',
        { handle: 'admin', passphrase: ADMIN_PASS },
        { origin: 'https://evil.example' },
      );
      expect(response.status).toBe(403);
    });
  });

  describe('invitations', () => {
    it('do not let a facilitator invite an admin', async () => {
      const response = await people.facilitator!.post(
        `/api/initiatives/${initiativeId}/invitations`,
        {
          role: 'admin',
          sector: 'public',
        },
      );
      expect(response.status).toBe(403);
    });

    it('refuse a taken handle on the handle field and leave the code unused', async () => {
      const invitation = await invite(admin, {
        role: 'practitioner',
        spaceId: spaces.practitioners,
      });
      const response = await new Person(app).join(invitation.code, 'miriam');
      expect(response.status).toBe(409);
      expect((await errorOf(response)).fields).toEqual({
        handle: 'This handle is already taken. Please choose another one.',
      });
      const [row] = await db.query<{ uses: number }>('SELECT uses FROM invitations WHERE id = $1', [
        invitation.id,
      ]);
      expect(row!.uses).toBe(0);
    });

    it('say clearly when a code is wrong, used up, expired or revoked', async () => {
      const newcomer = new Person(app);
      expect((await errorOf(await newcomer.join('AAAAA-AAAAA', 'new-one'))).code).toBe(
        'invitation_invalid',
      );

      const once = await invite(admin, { role: 'academic', spaceId: spaces.peer, maxUses: 1 });
      expect((await new Person(app).join(once.code, 'first-academic')).status).toBe(201);
      const usedUp = await newcomer.join(once.code, 'second-academic');
      expect(usedUp.status).toBe(410);
      expect((await errorOf(usedUp)).code).toBe('invitation_used_up');

      const old = await invite(admin, { role: 'academic', spaceId: spaces.peer });
      await db.query(
        "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1",
        [old.id],
      );
      expect((await errorOf(await newcomer.join(old.code, 'late-academic'))).code).toBe(
        'invitation_expired',
      );

      const revoked = await invite(admin, { role: 'academic', spaceId: spaces.peer });
      expect(
        (await admin.call('DELETE', `/api/initiatives/${initiativeId}/invitations/${revoked.id}`))
          .status,
      ).toBe(204);
      expect((await errorOf(await newcomer.join(revoked.code, 'revoked-academic'))).code).toBe(
        'invitation_invalid',
      );
      expect(
        (
          await db.query(
            "SELECT 1 FROM accounts WHERE handle LIKE '%-academic' AND handle <> 'first-academic'",
          )
        ).length,
      ).toBe(0);
    });

    it('refuse bad input field by field', async () => {
      const response = await admin.post(`/api/initiatives/${initiativeId}/invitations`, {
        role: 'king',
        sector: 'public',
        maxUses: 0,
      });
      expect(response.status).toBe(400);
      expect(Object.keys((await errorOf(response)).fields ?? {}).sort()).toEqual([
        'maxUses',
        'role',
      ]);
    });
  });

  describe('spaces', () => {
    it('show an expert by experience only their own peer space and the synthesis', async () => {
      const home = (await (
        await people.ebe!.get(`/api/initiatives/${initiativeId}`)
      ).json()) as InitiativeHome;
      expect(home.myRole).toBe('expert_by_experience');
      expect(home.spaces.map((s) => [s.kind, s.canWrite])).toEqual([
        ['lived_experience', true],
        ['synthesis', false],
      ]);
      expect(home.canManageMembers).toBe(false);
      expect(home.spaceDirectory).toEqual([]);
    });

    it('hide the lived-experience space from a practitioner exactly as if it did not exist', async () => {
      const hidden = await people.practitioner!.get(`/api/spaces/${spaces.lived_experience}`);
      const missing = await people.practitioner!.get(
        '/api/spaces/00000000-0000-4000-8000-000000000000',
      );
      expect(hidden.status).toBe(404);
      expect(await hidden.json()).toEqual(await missing.json());
    });

    it('hide peer spaces from an admin and a researcher who are not members', async () => {
      expect((await admin.get(`/api/spaces/${spaces.lived_experience}`)).status).toBe(404);
      expect((await people.researcher!.get(`/api/spaces/${spaces.practitioners}`)).status).toBe(
        404,
      );
      expect((await people.researcher!.get(`/api/spaces/${spaces.synthesis}`)).status).toBe(200);
    });

    it('let the guarantor facilitator in, and list the people there', async () => {
      const response = await people.facilitator!.get(`/api/spaces/${spaces.lived_experience}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        people: { displayName: string; standing: string }[];
      };
      expect(body.people.map((p) => [p.displayName, p.standing])).toEqual([
        ['noa', 'guarantor'],
        ['מרים', 'member'],
      ]);
    });

    it('hide a whole initiative from someone who is not in it', async () => {
      const outsider = new Person(app);
      const invitation = await invite(admin, { role: 'academic', spaceId: spaces.peer });
      await outsider.join(invitation.code, 'outsider-to-be');
      await admin.call(
        'DELETE',
        `/api/initiatives/${initiativeId}/members/${await outsider.accountId()}`,
      );
      expect((await outsider.get(`/api/initiatives/${initiativeId}`)).status).toBe(404);
      expect((await outsider.get(`/api/spaces/${spaces.synthesis}`)).status).toBe(404);
      expect(await (await outsider.get('/api/initiatives')).json()).toEqual([]);
    });

    it('admit a member to the working group, who may then write in the synthesis space', async () => {
      const ebeId = await people.ebe!.accountId();
      const response = await people.facilitator!.call(
        'PATCH',
        `/api/initiatives/${initiativeId}/members/${ebeId}`,
        {
          inWorkingGroup: true,
        },
      );
      expect(response.status).toBe(204);
      const synthesis = await (await people.ebe!.get(`/api/spaces/${spaces.synthesis}`)).json();
      expect(synthesis.canWrite).toBe(true);
      // A facilitator may not change roles: only admins may.
      const promote = await people.facilitator!.call(
        'PATCH',
        `/api/initiatives/${initiativeId}/members/${ebeId}`,
        {
          role: 'admin',
        },
      );
      expect(promote.status).toBe(403);
    });
  });

  describe('audit log', () => {
    it('records logins, invitations and joins for the initiative', async () => {
      const actions = await auditActions();
      for (const action of [
        'initiative.create',
        'invitation.create',
        'invitation.accept',
        'invitation.revoke',
        'membership.remove',
      ]) {
        expect(actions).toContain(action);
      }
      // Sign-ins belong to no initiative, but the initiative's audit shows its members' ones.
      expect(actions).toContain('session.login');
    });

    it('filters by action', async () => {
      const response = await admin.get(
        `/api/initiatives/${initiativeId}/audit?action=invitation.accept`,
      );
      const entries = (await response.json()) as { action: string }[];
      expect(entries.length).toBeGreaterThanOrEqual(4);
      expect(new Set(entries.map((e) => e.action))).toEqual(new Set(['invitation.accept']));
    });

    it('is readable by facilitators and admins only', async () => {
      expect((await people.facilitator!.get(`/api/initiatives/${initiativeId}/audit`)).status).toBe(
        200,
      );
      expect((await people.ebe!.get(`/api/initiatives/${initiativeId}/audit`)).status).toBe(403);
      expect((await people.researcher!.get(`/api/initiatives/${initiativeId}/audit`)).status).toBe(
        403,
      );
    });

    it('cannot be changed, not even directly in the database', async () => {
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(db.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    });
  });
});
