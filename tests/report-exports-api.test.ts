import { apiErrorSchema } from '@mizug/domain';
import { escapeMarkdown } from '@mizug/exporters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../packages/exporters/src/report/pdf-text.test-helpers';
import { exportTexts } from './factories/export-world';
import type { Person } from './factories/person';
import { reportTexts, reportWorld } from './factories/report-world';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';
import { unzip } from './support/unzip';

/** The findings report: Markdown, DOCX and PDF through `GET /api/initiatives/:id/exports/:format`. */
describe.each(testStorages)('the findings report over %s', (kind) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof reportWorld>>;
  const path = (format: string) => `/api/initiatives/${world.seed.initiativeId}/exports/${format}`;
  const download = async (format: 'md' | 'docx' | 'pdf', who: Person = world.facilitator) => {
    const response = await who.get(path(format));
    expect(response.status, format).toBe(200);
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };
  /** The text a reader of each format gets: Markdown as is, DOCX's XML, PDF's extracted text. */
  const readable = async (format: 'md' | 'docx' | 'pdf', body: Buffer) => {
    if (format === 'md') return body.toString('utf8');
    if (format === 'docx') return [...(await unzip(body)).values()].join('\n');
    const { text, compact } = await pdfText(body);
    return `${text}\n${compact}`;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    world = await reportWorld(server);
  }, 120_000);
  afterAll(async () => {
    await server.stop();
  });

  it('writes the Markdown report right to left, with the finding, its evidence and its loop', async () => {
    const { response, body } = await download('md', world.seed.people.researcher);
    expect(response.headers.get('content-type')).toContain('text/markdown');
    const disposition = response.headers.get('content-disposition')!;
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!)).toMatch(
      / - ייצוא\.md$/,
    );
    const markdown = body.toString('utf8');
    expect(markdown.startsWith('<div dir="rtl" lang="he">')).toBe(true);
    expect(markdown).toContain('# דוח ממצאים: Loneliness in old age');
    expect(markdown).toContain(`### ${reportTexts.title}`);
    // The cited quote carries its citation number, and its teller's pseudonym.
    expect(markdown).toContain(`> \\[1\\] ${escapeMarkdown(exportTexts.pseudonymousQuote)}`);
    expect(markdown).toContain('ורד (בכינוי)');
    expect(markdown).toContain(escapeMarkdown(exportTexts.anonymousQuote));
    expect(markdown).toContain(world.cards.pending.id);
    // The group's decision and comment, the minority position, the credit block and the return.
    expect(markdown).toContain('ביקשה שינויים');
    expect(markdown).toContain(reportTexts.comment);
    expect(markdown).toContain(reportTexts.position);
    expect(markdown).toContain('## קרדיטים');
    expect(markdown).toContain('אנשים שבחרו להישאר בעילום שם: 1');
    expect(markdown).toContain('## ההחזרה למשתתפות ולמשתתפים');
    expect(markdown).toContain('## בשפה פשוטה, למשתתפות ולמשתתפים');
  });

  it('writes a DOCX with bidi paragraphs and right-to-left runs in the initiative language', async () => {
    const { response, body } = await download('docx');
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const xml = (await unzip(body)).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toMatch(/w:cs="Arial"/);
    expect(xml).toContain(reportTexts.title);
    expect(xml).toContain(exportTexts.anonymousQuote);
  });

  it('prints a PDF whose text a reader extracts, Hebrew and Arabic included', async () => {
    const { response, body } = await download('pdf', world.seed.people.researcher);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const read = await pdfText(body);
    expect(read.hasWordsOf(reportTexts.title)).toBe(true);
    expect(read.hasWordsOf('الطريق وحدنا')).toBe(true);
    expect(read.compact).toContain(world.cards.pending.id);
  });

  it.each(['md', 'docx', 'pdf'] as const)(
    'no byte of the %s report names a pseudonymous or anonymous teller, or holds words not to leave',
    async (format) => {
      for (const who of [world.facilitator, world.seed.people.researcher]) {
        const text = await readable(format, (await download(format, who)).body);
        for (const secret of world.secrets) {
          // A phrase in a PDF is found by its first word (words of right-to-left text are reversed).
          const needle = format === 'pdf' ? secret.split(' ')[0]! : secret;
          expect(text.includes(needle), `${format}: ${secret}`).toBe(false);
        }
      }
    },
  );

  it('says plainly, in the asker language, that PDF needs Chromium when the server has none', async () => {
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const response = await world.facilitator.call('GET', path('pdf'), undefined, {
        'accept-language': 'ar',
      });
      expect(response.status).toBe(503);
      const { error } = apiErrorSchema.parse(await response.json());
      expect(error.code).toBe('export_pdf_needs_chromium');
      expect(error.message).toContain('Chromium');
      expect(error.message).toContain('يحتاج تصدير PDF');
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    }
  });
});
