import { apiErrorSchema, type AuditEntry } from '@mizug/domain';
import { exportBundleSchema, sliceCodePoints } from '@mizug/exporters';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTexts, exportWorld } from './factories/export-world';
import { overHttp, Person } from './factories/person';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';
import { unzip } from './support/unzip';

const schema = (name: string) =>
  readFileSync(new URL(`../packages/exporters/refi-qda/${name}`, import.meta.url), 'utf8');
const validates = async (xml: string, xsd: string) =>
  (
    await validateXML({
      xml: [{ fileName: 'export.xml', contents: xml }],
      schema: [{ fileName: xsd, contents: schema(xsd) }],
    })
  ).errors.map(({ message }) => message);

/** The bytes a reader of the file gets: a zip's files one after another, or the file itself. */
async function readableBytes(format: string, body: Buffer): Promise<Buffer> {
  if (format !== 'qdpx') return body;
  return Buffer.concat([...(await unzip(body)).values()]);
}

describe.each(testStorages)('exports over %s', (kind) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof exportWorld>>;
  const path = (format: string) => `/api/initiatives/${world.seed.initiativeId}/exports/${format}`;
  const download = async (who: Person, format: string) => {
    const response = await who.get(path(format));
    expect(response.status, format).toBe(200);
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    world = await exportWorld(server);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('lets researchers and facilitators export; tellers, practitioners and strangers are refused', async () => {
    const { ebe, practitioner, researcher } = world.seed.people;
    for (const who of [ebe, practitioner]) {
      const response = await who.get(path('json'));
      expect(response.status).toBe(403);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe('forbidden');
    }
    expect((await new Person(overHttp(server.url)).get(path('json'))).status).toBe(401);
    const { response } = await download(researcher, 'csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    await download(world.facilitator, 'qdpx');
  });

  it('refuses an unknown format with a translated reason, and exports nothing', async () => {
    const response = await world.facilitator.call('GET', path('docx2'), undefined, {
      'accept-language': 'ar',
    });
    expect(response.status).toBe(404);
    const { error } = apiErrorSchema.parse(await response.json());
    expect(error.code).toBe('export_format_unknown');
    expect(error.message).toContain('صيغة التصدير');
  });

  it('names the file in the initiative language and records each export in the audit log', async () => {
    const { response } = await download(world.seed.people.researcher, 'qdpx');
    const disposition = response.headers.get('content-disposition')!;
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!);
    expect(name).toMatch(/ - ייצוא\.qdpx$/);
    const log = (await (
      await world.seed.admin.get(
        `/api/initiatives/${world.seed.initiativeId}/audit?action=initiative.export`,
      )
    ).json()) as AuditEntry[];
    expect(log[0]).toMatchObject({
      actor: { displayName: 'Rana' },
      details: { format: 'qdpx', scope: 'initiative' },
    });
  });

  it('writes a .qdpx that validates and reads back each quote exactly, by code points', async () => {
    const { body } = await download(world.facilitator, 'qdpx');
    const files = await unzip(body);
    const xml = files.get('project.qde')!.toString('utf8');
    expect(await validates(xml, 'Project.xsd')).toEqual([]);
    const selections = [
      ...xml.matchAll(
        /<TextSource [^>]*plainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g,
      ),
    ].flatMap(([, file, inner]) =>
      [...inner!.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map(([, start, end]) =>
        sliceCodePoints(files.get(`sources/${file}`)!.toString('utf8'), Number(start), Number(end)),
      ),
    );
    expect(selections.sort()).toEqual(
      [exportTexts.pseudonymousQuote, exportTexts.anonymousQuote].sort(),
    );
    // The anonymous teller is a user with no name; the pseudonymous one by her pseudonym.
    expect(xml).toMatch(/<User guid="[0-9a-f-]+"\/>/);
    expect(xml).toMatch(/<User guid="[0-9a-f-]+" name="ורד"\/>/);
  });

  it('writes a .qdc that validates, with the code hierarchy', async () => {
    const { body } = await download(world.seed.people.researcher, 'qdc');
    const xml = body.toString('utf8');
    expect(await validates(xml, 'Codebook.xsd')).toEqual([]);
    expect(xml).toMatch(/<Code [^>]*name="בדידות"[^>]*>\s*<Code [^>]*name="תחבורה"/);
  });

  it('lists the pending "ask me first" quote by reference only, and leaves the withdrawn one out', async () => {
    const { body } = await download(world.facilitator, 'json');
    const { graph } = JSON.parse(body.toString('utf8'));
    const bundle = exportBundleSchema.parse(graph);
    expect(bundle.withheld.map(({ cardId }) => cardId)).toEqual([world.cards.pending.id]);
    expect(bundle.codings.map(({ cardId }) => cardId).sort()).toEqual(
      [world.cards.pseudonymous.id, world.cards.anonymous.id].sort(),
    );
    // A story that may be quoted travels whole, so a QDA tool shows each quote in its context.
    expect(bundle.sources.map(({ text, excerpt }) => ({ text: text.trim(), excerpt }))).toEqual(
      expect.arrayContaining([
        { text: exportTexts.pseudonymous, excerpt: false },
        { text: exportTexts.anonymous, excerpt: false },
      ]),
    );
    expect(bundle.users.map(({ credit, name }) => ({ credit, name }))).toEqual(
      expect.arrayContaining([
        { credit: 'pseudonym', name: 'ורד' },
        { credit: 'anonymous', name: null },
      ]),
    );
  });

  it.each(['qdpx', 'qdc', 'csv', 'json'])(
    'no byte of the %s export names a pseudonymous or anonymous teller, or holds words not to leave',
    async (format) => {
      for (const who of [world.facilitator, world.seed.people.researcher]) {
        const bytes = await readableBytes(format, (await download(who, format)).body);
        for (const secret of world.secrets)
          expect(bytes.includes(Buffer.from(secret, 'utf8')), `${format}: ${secret}`).toBe(false);
      }
    },
  );

  it('the byte search can fail: the quotes that may leave are found', async () => {
    const bytes = await readableBytes('qdpx', (await download(world.facilitator, 'qdpx')).body);
    expect(bytes.includes(Buffer.from(exportTexts.anonymousQuote, 'utf8'))).toBe(true);
    const csv = (await download(world.facilitator, 'csv')).body;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(exportTexts.pseudonymousQuote.replaceAll('"', '""'));
  });
});
