import { apiErrorSchema, type AuditEntry } from '@mizug/domain';
import {
  exportBundleSchema,
  exportChoicesSchema,
  exportFormats,
  type ExportBundle,
} from '@mizug/exporters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTexts } from './factories/export-world';
import { scopedExportWorld } from './factories/scoped-export-world';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';
import { unzip } from './support/unzip';

describe.each(testStorages)('GET /api/initiatives/:id/exports/:format scopes over %s', (kind) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof scopedExportWorld>>;
  const path = (format: string, query = '') =>
    `/api/initiatives/${world.seed.initiativeId}/exports/${format}${query}`;
  const bundleOf = async (query: string): Promise<ExportBundle> => {
    const response = await world.seed.people.researcher.get(path('json', query));
    expect(response.status).toBe(200);
    return exportBundleSchema.parse(((await response.json()) as { graph: unknown }).graph);
  };
  const quotesOf = (bundle: ExportBundle) => bundle.codings.map(({ quote }) => quote).sort();

  beforeAll(async () => {
    server = await startTestServer(kind);
    world = await scopedExportWorld(server);
  }, 120_000);
  afterAll(async () => {
    await server.stop();
  });

  it('lists what the exporter may choose: the formats, the sessions and the synthesis findings', async () => {
    const choices = `/api/initiatives/${world.seed.initiativeId}/exports`;
    const response = await world.seed.people.researcher.get(choices);
    expect(response.status).toBe(200);
    const listed = exportChoicesSchema.parse(await response.json());
    expect(listed.formats).toEqual([...exportFormats]);
    expect(listed.sessions).toEqual([{ id: world.session.id, title: 'מה זו בדידות' }]);
    expect(listed.findings.map(({ id }) => id).sort()).toEqual(
      [world.findings.inSession.id, world.findings.elsewhere.id].sort(),
    );
    expect((await world.seed.people.ebe.get(choices)).status).toBe(403);
  });

  it('exports the whole initiative by default: every finding and every code', async () => {
    const bundle = await bundleOf('');
    expect(bundle.scope).toEqual({ kind: 'initiative' });
    expect(quotesOf(bundle)).toEqual(
      [exportTexts.pseudonymousQuote, exportTexts.anonymousQuote].sort(),
    );
    expect(bundle.findings.map(({ title }) => title).sort()).toEqual(
      ['ערבים ארוכים', 'הדרך לשוק'].sort(),
    );
    expect(bundle.codes.map(({ id }) => id)).toContain(world.unusedCode);
  });

  it("exports one session: its board's finding and cards, sorted or not, and the codes they use", async () => {
    const bundle = await bundleOf(`?session=${world.session.id}`);
    expect(bundle.scope).toEqual({ kind: 'session', id: world.session.id });
    expect(bundle.findings.map(({ title }) => title)).toEqual(['ערבים ארוכים']);
    expect(quotesOf(bundle)).toEqual(
      [exportTexts.pseudonymousQuote, exportTexts.anonymousQuote].sort(),
    );
    expect(bundle.withheld.map(({ cardId }) => cardId)).toEqual([world.cards.pending.id]);
    expect(bundle.codes.map(({ id }) => id).sort()).toEqual(
      [world.codes.loneliness, world.codes.transport].sort(),
    );
  });

  it('exports one finding: it, its cards, their sources and only the codes they use', async () => {
    const bundle = await bundleOf(`?finding=${world.findings.elsewhere.id}`);
    expect(bundle.findings.map(({ id }) => id)).toEqual([world.findings.elsewhere.id]);
    expect(quotesOf(bundle)).toEqual([exportTexts.anonymousQuote]);
    expect(bundle.withheld).toEqual([]);
    expect(bundle.sources.map(({ text }) => text.trim())).toEqual([exportTexts.anonymous]);
    expect(bundle.codes.map(({ id }) => id)).toEqual([world.codes.loneliness]);
    expect(bundle.users.map(({ credit }) => credit)).toEqual(['anonymous']);

    // Every format carries the same scope: the .qdpx holds that one story and nothing else.
    const response = await world.facilitator.get(
      path('qdpx', `?finding=${world.findings.elsewhere.id}`),
    );
    const bytes = Buffer.concat([
      ...(await unzip(Buffer.from(await response.arrayBuffer()))).values(),
    ]);
    expect(bytes.includes(Buffer.from(exportTexts.anonymousQuote))).toBe(true);
    expect(bytes.includes(Buffer.from(exportTexts.pseudonymousQuote))).toBe(false);
  });

  it('records the scope and the format of each scoped export in the audit log', async () => {
    await bundleOf(`?finding=${world.findings.inSession.id}`);
    const log = (await (
      await world.seed.admin.get(
        `/api/initiatives/${world.seed.initiativeId}/audit?action=initiative.export`,
      )
    ).json()) as AuditEntry[];
    expect(log[0]).toMatchObject({
      details: { format: 'json', scope: 'finding', scopeId: world.findings.inSession.id },
    });
  });

  it.each([
    [
      'an unknown session',
      () => `?session=${crypto.randomUUID()}`,
      404,
      'export_session_not_found',
    ],
    [
      "another initiative's session",
      () => `?session=${world.foreign.sessionId}`,
      404,
      'export_session_not_found',
    ],
    [
      'an unknown finding',
      () => `?finding=${crypto.randomUUID()}`,
      404,
      'export_finding_not_found',
    ],
    [
      "another initiative's finding",
      () => `?finding=${world.foreign.findingId}`,
      404,
      'export_finding_not_found',
    ],
    [
      'a session and a finding at once',
      () => `?session=${world.session.id}&finding=${world.findings.inSession.id}`,
      400,
      'validation_failed',
    ],
    ['an id that is no id', () => '?finding=42', 400, 'validation_failed'],
  ])('refuses %s with a translated reason, and exports nothing', async (_, query, status, code) => {
    const before = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'initiative.export'",
    );
    const response = await world.facilitator.call('GET', path('csv', query()), undefined, {
      'accept-language': 'he',
    });
    expect(response.status).toBe(status);
    const { error } = apiErrorSchema.parse(await response.json());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u0590-\u05ff]/);
    const after = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'initiative.export'",
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
