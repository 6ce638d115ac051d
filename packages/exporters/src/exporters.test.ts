import { readFileSync } from 'node:fs';
import { text as streamText, buffer as streamBuffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { validateXML } from 'xmllint-wasm';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import {
  bundleJsonSchema,
  codebookXml,
  csvColumns,
  csvStream,
  exportBundleSchema,
  jsonStream,
  qdpxStream,
  sliceCodePoints,
} from './index';
import { sampleBundle, trickyTexts } from './fixture.test-helpers';

const schema = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../refi-qda/${name}`, import.meta.url)), 'utf8');

async function validates(xml: string, xsd: string) {
  const result = await validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [{ fileName: xsd, contents: schema(xsd) }],
  });
  return result.errors.map(({ message }) => message);
}

/** Every file of a zip, by name, read the way an importer reads it. */
async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    archive.on('entry', (entry: yauzl.Entry) =>
      archive.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        void streamBuffer(stream).then((bytes) => {
          files.set(entry.fileName, bytes);
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

/** The elements named `name` anywhere under `root`. */
function elements(root: XMLBuilder, name: string): Element[] {
  const found: Element[] = [];
  root.each(
    (node) => {
      const element = node.node as unknown as Element;
      if (element.localName === name) found.push(element);
    },
    false,
    true,
  );
  return found;
}

const sample = () => exportBundleSchema.parse(sampleBundle());

describe('REFI-QDA project (.qdpx)', () => {
  it('validates against Project.xsd and reads back exactly, slicing by code points', async () => {
    const bundle = sample();
    const files = await unzip(await streamBuffer(qdpxStream(bundle)));
    const xml = files.get('project.qde')!.toString('utf8');
    expect(await validates(xml, 'Project.xsd')).toEqual([]);

    const doc = create(xml);
    expect(doc.root().node).toMatchObject({ localName: 'Project' });
    expect((doc.root().node as unknown as Element).getAttribute('origin')).toBe('Mizug 0.1.0');
    const quoteOf = new Map(bundle.codings.map((coding) => [coding.cardId, coding.quote]));
    let read = 0;
    for (const source of elements(doc.root(), 'TextSource')) {
      const path = source.getAttribute('plainTextPath')!;
      expect(path).toMatch(/^internal:\/\/[0-9a-f-]+\.txt$/);
      const bytes = files.get(`sources/${path.slice('internal://'.length)}`)!;
      // No BOM (QualCoder would count it), LF only.
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      const text = bytes.toString('utf8');
      expect(text).not.toContain('\r');
      for (const selection of Array.from(source.getElementsByTagName('PlainTextSelection'))) {
        const start = Number(selection.getAttribute('startPosition'));
        const end = Number(selection.getAttribute('endPosition'));
        expect(sliceCodePoints(text, start, end)).toBe(
          quoteOf.get(selection.getAttribute('guid')!),
        );
        // QualCoder needs CodeRef as each Coding's first child.
        for (const coding of Array.from(selection.getElementsByTagName('Coding')))
          expect(coding.firstElementChild?.localName).toBe('CodeRef');
        read++;
      }
    }
    expect(read).toBe(Object.keys(trickyTexts).length);
  });

  it('gives an anonymous teller a user with no name, and links findings as notes', async () => {
    const bundle = sample();
    const files = await unzip(await streamBuffer(qdpxStream(bundle)));
    const doc = create(files.get('project.qde')!.toString('utf8'));
    const users = elements(doc.root(), 'User');
    expect(users.map((user) => user.getAttribute('name'))).toEqual(['Dana Levi', null]);
    const [note] = elements(doc.root(), 'Note');
    expect(note!.getAttribute('name')).toBe('הדרך למים');
    const refs = elements(doc.root(), 'NoteRef').map((ref) => ref.getAttribute('targetGUID'));
    expect(refs).toEqual([
      note!.getAttribute('guid'),
      note!.getAttribute('guid'),
      note!.getAttribute('guid'),
    ]);
  });

  it('keeps characters XML cannot carry out of the XML, and user markup as text', async () => {
    const bundle = sample();
    bundle.initiative.name = 'Water <script>alert(1)</script>\u0007';
    bundle.codes[0]!.description = '<a href="javascript:x">link</a>';
    const xml = (await unzip(await streamBuffer(qdpxStream(bundle)))).get('project.qde')!;
    expect(await validates(xml.toString('utf8'), 'Project.xsd')).toEqual([]);
    expect(xml.toString('utf8')).not.toContain('<script>');
    expect(xml.toString('utf8')).not.toContain('<a href');
    expect(xml.includes(0x07)).toBe(false);
  });

  it('refuses a bundle whose source text was not made exportable (CR, control characters)', () => {
    const bundle = sampleBundle();
    bundle.sources[0]!.text = 'line one\r\nline two';
    expect(exportBundleSchema.safeParse(bundle).success).toBe(false);
  });
});

describe('REFI-QDA codebook (.qdc)', () => {
  it('validates against Codebook.xsd with the hierarchy, colours and descriptions', async () => {
    const xml = codebookXml(sample());
    expect(await validates(xml, 'Codebook.xsd')).toEqual([]);
    const codes = elements(create(xml).root(), 'Code');
    expect(codes.map((code) => code.getAttribute('name'))).toEqual(['גישה', 'مياه']);
    expect(codes[1]!.parentElement).toBe(codes[0]);
    expect(codes.map((code) => code.getAttribute('color'))).toEqual(['#aa3300', '#0055ff']);
  });

  it('an invalid codebook is reported by the validator (the check can fail)', async () => {
    const xml = codebookXml(sample()).replace(/ isCodable="true"/, '');
    expect(await validates(xml, 'Codebook.xsd')).not.toEqual([]);
  });
});

describe('CSV', () => {
  const header = Object.fromEntries(csvColumns.map((column) => [column, column])) as Record<
    (typeof csvColumns)[number],
    string
  >;

  it('starts with a BOM, has a row per quote and neutralises formula cells', async () => {
    const bundle = sample();
    const bytes = await streamBuffer(csvStream(bundle, header, (_kind, key) => `<${key}>`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain('لا أحد يسألنا');
    expect(text).toContain('Dana Levi (<name>)');
    expect(text).toContain('<anonymous>');
    expect(text.trim().split('\n')).toHaveLength(1 + bundle.codings.length);
  });
});

describe('JSON', () => {
  it('carries the provenance graph and the JSON Schema that describes it', async () => {
    const bundle = sample();
    const parsed = JSON.parse(await streamText(jsonStream(bundle)));
    expect(exportBundleSchema.parse(parsed.graph)).toEqual(bundle);
    expect(parsed.schema).toEqual(bundleJsonSchema());
    expect(parsed.schema.properties.findings.type).toBe('array');
    expect(parsed.schema.required).toContain('codings');
  });
});
