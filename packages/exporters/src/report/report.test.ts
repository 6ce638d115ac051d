import { existsSync } from 'node:fs';
import yauzl from 'yauzl';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { sampleBundle } from '../fixture.test-helpers';
import { pdfText } from './pdf-text.test-helpers';
import {
  ChromiumMissingError,
  escapeMarkdown,
  reportDocument,
  reportDocx,
  reportMarkdown,
  reportPdf,
  type ReportWords,
} from './index';

/** Words that name themselves, so a test can see which one stands where. */
const words = new Proxy(
  {},
  {
    get: (_, key) => (input?: unknown) =>
      input === undefined ? `«${String(key)}»` : `«${String(key)} ${JSON.stringify(input)}»`,
  },
) as ReportWords;

/** Rich text a teller or a group could write: markup that must stay words. */
const hostile =
  '<script>alert(1)</script> [click](javascript:alert(1)) <a href="http://evil.example">x</a> # not a heading';

function hostileBundle(language: 'he' | 'ar' | 'en' = 'he') {
  const bundle = sampleBundle();
  bundle.language = language;
  const finding = bundle.findings[0]!;
  finding.statement = `${hostile}\n*stars* _under_ | pipe`;
  finding.disagreements[0]!.position = hostile;
  bundle.codings[2]!.quote = hostile;
  return bundle;
}

async function unzip(zip: Buffer): Promise<Map<string, string>> {
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  );
  const files = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    archive.on('entry', (entry: yauzl.Entry) =>
      archive.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        buffer(stream).then((bytes) => {
          files.set(entry.fileName, bytes.toString('utf8'));
          archive.readEntry();
        }, reject);
      }),
    );
    archive.on('end', resolve);
    archive.on('error', reject);
    archive.readEntry();
  });
  return files;
}

describe('the findings report model', () => {
  it('has each finding with its quotes credited, withheld quotes by reference, and its parts', () => {
    const bundle = sampleBundle();
    const report = reportDocument(bundle, words);
    expect(report.direction).toBe('rtl');
    const quotes = report.blocks.filter((block) => block.kind === 'quote');
    expect(quotes).toHaveLength(3);
    // The cited card carries its citation number; the credit follows each person's choice.
    expect(quotes[0]).toMatchObject({ text: expect.stringMatching(/^\[1\] /) });
    expect(quotes.map((quote) => quote.credit).join()).toContain('Dana Levi');
    expect(quotes.map((quote) => quote.credit).join()).toContain('«credit "anonymous"»');
    const all = JSON.stringify(report);
    expect(all).toContain(bundle.findings[0]!.withheldCardIds[0]);
    for (const key of ['balance', 'disagreements', 'validation', 'credits', 'returns', 'plain'])
      expect(all, key).toContain(`«${key}»`);
    expect(reportDocument({ ...bundle, language: 'en' }, words).direction).toBe('ltr');
  });
});

describe('the Markdown report', () => {
  it('escapes user text so no markup, link or HTML comes out of it', () => {
    const markdown = reportMarkdown(reportDocument(hostileBundle(), words));
    expect(markdown.startsWith('<div dir="rtl" lang="he">')).toBe(true);
    expect(markdown).not.toContain('<script');
    expect(markdown).not.toContain('<a href');
    // A link needs an unescaped `](`; the one written is text.
    expect(markdown).not.toMatch(/(?<!\\)\]\(/);
    expect(markdown).toContain('\\[click\\](javascript:alert(1))');
    expect(markdown).toContain(escapeMarkdown('<script>alert(1)</script>'));
    expect(markdown).not.toMatch(/^# not a heading/m);
    expect(markdown).toContain('\\*stars\\* \\_under\\_ \\| pipe');
  });

  it('escapes what a line starts with, bare links and e-mail addresses too', () => {
    expect(escapeMarkdown('# title\n> quote\n- item\n1. first\n===')).toBe(
      '\\# title\n&gt; quote\n\\- item\n1\\. first\n\\===',
    );
    expect(escapeMarkdown('see http://evil.example, www.evil.example or me@evil.example')).toBe(
      'see http\\://evil.example, www\\.evil.example or me\\@evil.example',
    );
    expect(escapeMarkdown('a & b <b>')).toBe('a &amp; b &lt;b&gt;');
  });

  it('reads left to right in English', () => {
    expect(reportMarkdown(reportDocument(hostileBundle('en'), words))).toMatch(/^<div dir="ltr"/);
  });
});

describe('the DOCX report', () => {
  it('writes bidi paragraphs, right-to-left runs and tables, and a complex-script font', async () => {
    const files = await unzip(await reportDocx(reportDocument(hostileBundle(), words)));
    const xml = files.get('word/document.xml')!;
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toContain('<w:bidiVisual/>');
    expect(xml).toMatch(/<w:rFonts [^>]*w:cs="Arial"/);
    expect(xml).toContain('w:bidi="he-IL"');
    expect(xml).toContain('אֱלֹהִים אֵת');
    expect(xml).toContain('لا أحد يسألنا');
  });

  it('carries user text as text: no hyperlink, field or element of it', async () => {
    const files = await unzip(await reportDocx(reportDocument(hostileBundle(), words)));
    const xml = [...files.values()].join('\n');
    expect(xml).not.toContain('<script');
    expect(xml).not.toMatch(/<w:hyperlink|<w:fldSimple|<w:instrText|evil\.example"/);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('stays left to right in English', async () => {
    const xml = (await unzip(await reportDocx(reportDocument(hostileBundle('en'), words)))).get(
      'word/document.xml',
    )!;
    expect(xml).not.toContain('<w:bidi/>');
    expect(xml).not.toContain('<w:rtl/>');
  });
});

describe('the PDF report', () => {
  it('prints Hebrew, Arabic and Latin text that a reader extracts, with the embedded font', async () => {
    const bundle = hostileBundle();
    bundle.initiative.name = 'מים לכולם';
    const pdf = await reportPdf(reportDocument(bundle, words));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+Rubik/);
    expect(pdf.toString('latin1')).not.toContain('/Type3');
    const read = await pdfText(pdf);
    expect(read.hasWordsOf('מים לכולם הדרך למים')).toBe(true);
    expect(read.hasWordsOf('أحد يسألنا')).toBe(true);
    // Markup in user text is printed as the characters written.
    expect(read.text).toContain('<script>alert(1)</script>');
    expect(read.compact).toContain(bundle.findings[0]!.withheldCardIds[0]);
  });

  it('says PDF needs Chromium when there is none', async () => {
    const missing = '/nonexistent/chromium';
    expect(existsSync(missing)).toBe(false);
    await expect(reportPdf(reportDocument(sampleBundle(), words), missing)).rejects.toBeInstanceOf(
      ChromiumMissingError,
    );
  });
});
