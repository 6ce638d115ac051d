import {
  apiErrorSchema,
  type CreatedInvitation,
  type SessionView,
  type StorageKind,
} from '@mizug/domain';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Database } from '../../server/src/db/database';
import { loadDocument } from '../../server/src/db/repositories/collab-documents';
import { connectDoc, eventually, writeParagraph, type DocClient } from '../support/collab-client';
import { createTestDatabase } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';
import { adminInDatabase, seedInitiative, type SeededInitiative } from './initiative';
import { overHttp, Person } from './person';

/** The error body of a refused request. */
export const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

/**
 * A server with the seeded initiative and a facilitator (Noa), and the steps the session tests
 * take as its people. Made by `useSessionWorld` inside a `describe`; filled in by its `beforeAll`.
 */
export class SessionWorld {
  server!: TestServer;
  seed!: SeededInitiative;
  facilitator!: Person;
  ids!: Record<'facilitator' | 'ebe' | 'ebe2' | 'practitioner', string>;
  private clients: DocClient[] = [];

  constructor(
    private readonly kind: StorageKind,
    /** Wraps the test database before the server gets it (a failing audit, say). */
    private readonly wrap: (db: Database) => Database = (db) => db,
  ) {}

  async setUp() {
    const db = this.wrap(await createTestDatabase(this.kind));
    this.server = await startTestServer(this.kind, { collab: { idleUnloadMs: 50 }, db });
    this.seed = await seedInitiative(overHttp(this.server.url), adminInDatabase(this.server.db));
    const invitation = await this.seed.admin.post(
      `/api/initiatives/${this.seed.initiativeId}/invitations`,
      { role: 'facilitator', sector: 'third_sector', spaceId: null },
    );
    this.facilitator = new Person(overHttp(this.server.url));
    const { code } = (await invitation.json()) as CreatedInvitation;
    expect((await this.facilitator.join(code, 'noa', 'נועה')).status).toBe(201);
    this.ids = {
      facilitator: await this.facilitator.accountId(),
      ebe: await this.seed.people.ebe.accountId(),
      ebe2: await this.seed.people.ebe2.accountId(),
      practitioner: await this.seed.people.practitioner.accountId(),
    };
  }

  closeClients() {
    for (const client of this.clients) client.destroy();
    this.clients = [];
  }

  lived = () => this.seed.spaces.lived_experience;
  practitioners = () => this.seed.spaces.practitioners;

  view = async (who: Person, sessionId: string) => {
    const response = await who.get(`/api/sessions/${sessionId}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SessionView;
  };
  stage = (sessionId: string, stageId: string) => `/api/sessions/${sessionId}/stages/${stageId}`;
  open = (sessionId: string, stageId: string) =>
    this.facilitator.post(`${this.stage(sessionId, stageId)}/open`, {});
  close = (sessionId: string, stageId: string, overrideReason?: string) =>
    this.facilitator.post(`${this.stage(sessionId, stageId)}/close`, { overrideReason });
  validate = (
    who: Person,
    sessionId: string,
    stageId: string,
    spaceId: string,
    decision: string,
    comment = '',
  ) => who.post(`${this.stage(sessionId, stageId)}/validations`, { spaceId, decision, comment });
  accept = (who: Person, sessionId: string) =>
    who.post(`/api/sessions/${sessionId}/contract/acceptance`, {});
  /** Both groups approve a stage's work. */
  approveBoth = async (sessionId: string, stageId: string) => {
    const { ebe, practitioner } = this.seed.people;
    expect((await this.validate(ebe, sessionId, stageId, this.lived(), 'approve')).status).toBe(
      201,
    );
    expect(
      (await this.validate(practitioner, sessionId, stageId, this.practitioners(), 'approve'))
        .status,
    ).toBe(201);
  };
  /**
   * Both groups validate the open MK-7 on the synthesis board: the facilitator adds a finding
   * and returns it, and a member of each group approves it. Its id.
   */
  approveOnBoard = async (sessionId: string, stageId: string, title = 'בדידות בערב') => {
    const { ebe, practitioner } = this.seed.people;
    const board = (await this.view(this.facilitator, sessionId)).stages.find(
      (stage) => stage.id === stageId,
    )!.boards[0]!;
    const made = await this.facilitator.post(`/api/boards/${board.boardId}/findings`, { title });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    expect((await this.facilitator.post(`/api/findings/${id}/return`, {})).status).toBe(200);
    for (const [who, spaceId] of [
      [ebe, this.lived()],
      [practitioner, this.practitioners()],
    ] as const) {
      const decided = await who.post(`/api/findings/${id}/decisions`, {
        spaceId,
        decision: 'approve',
        comment: '',
      });
      expect(decided.status).toBe(201);
    }
    return id;
  };
  /** The three participants accept the contract. */
  acceptAll = async (sessionId: string) => {
    const { ebe, ebe2, practitioner } = this.seed.people;
    for (const who of [ebe, ebe2, practitioner])
      expect((await this.accept(who, sessionId)).status).toBe(201);
  };

  start = async (body: object): Promise<SessionView> => {
    const response = await this.facilitator.post(
      `/api/initiatives/${this.seed.initiativeId}/sessions`,
      body,
    );
    expect(response.status).toBe(201);
    return (await response.json()) as SessionView;
  };
  /** Merging of Knowledge with the lived-experience and practitioners groups, both Noa's. */
  startMerging = () =>
    this.start({
      methodId: 'merging-of-knowledge',
      title: 'מה זו בדידות',
      groups: [
        { spaceId: this.lived(), facilitatorIds: [this.ids.facilitator] },
        { spaceId: this.practitioners(), facilitatorIds: [this.ids.facilitator] },
      ],
    });

  /** Writes a paragraph in a canvas as `who` and waits until the server has stored it. */
  write = async (who: Person, docName: string, text: string) => {
    const client = connectDoc(this.server.url, docName, who.sessionCookie);
    this.clients.push(client);
    await client.synced();
    writeParagraph(client, text);
    await eventually(async () => {
      const stored = await loadDocument(this.server.db, docName);
      expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBeGreaterThan(0);
    });
    return client;
  };
  /** Opens a socket to a document as `who`, closed after the test. */
  connect = (who: Person, docName: string) => {
    const client = connectDoc(this.server.url, docName, who.sessionCookie);
    this.clients.push(client);
    return client;
  };
  canvasOf = (session: SessionView, stageId: string, spaceId: string | null) =>
    session.canvases.find(
      (canvas) =>
        canvas.stageId === stageId && canvas.spaceId === spaceId && canvas.purpose === 'work',
    );
}

/** A `SessionWorld` for the enclosing `describe`: set up once, its sockets closed after each test. */
export function useSessionWorld(kind: StorageKind, wrap?: (db: Database) => Database) {
  const world = new SessionWorld(kind, wrap);
  beforeAll(() => world.setUp());
  afterEach(() => world.closeClients());
  afterAll(() => world.server.stop());
  return world;
}
