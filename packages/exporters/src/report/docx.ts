import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportBlock, ReportDocument } from './model';

/**
 * Fonts every run names: a Latin font, and for Hebrew and Arabic (Word's "complex script") one
 * that has both, so Word does not fall back to a font without the letters.
 */
const fonts = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'Arial' };
const bidiLanguage = { he: 'he-IL', ar: 'ar-SA', en: 'en-US' } as const;

const headings = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/**
 * The report as a Word document. Right-to-left languages get bidi paragraphs (`w:bidi`),
 * right-to-left runs (`w:rtl`), complex-script fonts and tables laid out right to left. Text
 * goes into runs as text: nothing in it becomes a field, a hyperlink or markup.
 */
export async function reportDocx(report: ReportDocument): Promise<Buffer> {
  const rtl = report.direction === 'rtl';
  const run = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
    text.split('\n').map(
      (line, index) =>
        new TextRun({
          text: line,
          break: index > 0 ? 1 : undefined,
          rightToLeft: rtl,
          font: fonts,
          language: { value: bidiLanguage.en, bidirectional: bidiLanguage[report.language] },
          ...options,
        }),
    );
  const paragraph = (
    children: TextRun[],
    options: { heading?: (typeof headings)[1 | 2 | 3]; indent?: boolean } = {},
  ) =>
    new Paragraph({
      children,
      bidirectional: rtl,
      alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
      heading: options.heading,
      indent: options.indent ? { start: 567 } : undefined,
      spacing: { after: 120 },
    });
  const table = (rows: string[][], header: string[] | null) =>
    new Table({
      visuallyRightToLeft: rtl,
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        ...(header
          ? [
              new TableRow({
                tableHeader: true,
                children: header.map(
                  (text) => new TableCell({ children: [paragraph(run(text, { bold: true }))] }),
                ),
              }),
            ]
          : []),
        ...rows.map(
          (row) =>
            new TableRow({
              children: row.map((text) => new TableCell({ children: [paragraph(run(text))] })),
            }),
        ),
      ],
    });

  const render = (entry: ReportBlock): (Paragraph | Table)[] => {
    switch (entry.kind) {
      case 'heading':
        return [paragraph(run(entry.text), { heading: headings[entry.level] })];
      case 'paragraph':
        return [
          paragraph(
            entry.label
              ? [
                  ...run(entry.text ? `${entry.label}: ` : entry.label, { bold: true }),
                  ...run(entry.text),
                ]
              : run(entry.text),
          ),
        ];
      case 'quote':
        return [
          paragraph(run(entry.text, { italics: true }), { indent: true }),
          paragraph(run(`— ${entry.credit}`), { indent: true }),
        ];
      case 'list':
        return entry.items.map((item) => paragraph(run(`• ${item}`), { indent: true }));
      case 'chart':
        return [
          paragraph(run(entry.caption, { bold: true })),
          table(
            entry.rows.map((row) => [
              row.label,
              '█'.repeat(Math.max(1, Math.round(row.value * 20))),
              row.note,
            ]),
            null,
          ),
        ];
      case 'table':
        return [table(entry.rows, entry.header)];
    }
  };

  const document = new Document({
    title: report.title,
    styles: { default: { document: { run: { font: fonts, size: 22 } } } },
    sections: [{ children: report.blocks.flatMap(render) }],
  });
  return Packer.toBuffer(document);
}
