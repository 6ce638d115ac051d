import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportBlock, ReportDocument } from './model';

/** Text as HTML text: no tag, entity or attribute from user words survives as markup. */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

let fontFaces: string | undefined;

/**
 * Rubik (OFL, self-hosted from @fontsource/rubik) has Hebrew, Arabic and Latin letters: its
 * static regular and bold faces, each subset inlined as a data URL so the page asks no network.
 * Static files, not the variable font: Chromium prints a variable font as Type 3 glyphs.
 */
function rubikFaces(): string {
  if (fontFaces) return fontFaces;
  const folder = dirname(createRequire(import.meta.url).resolve('@fontsource/rubik/package.json'));
  fontFaces = ['400.css', '700.css']
    .map((file) =>
      readFileSync(join(folder, file), 'utf8').replace(
        /src: url\(\.\/files\/([\w-]+\.woff2)\) format\('woff2'\)(, url\([^)]*\) format\('woff'\))?/g,
        (_, name: string) =>
          `src: url(data:font/woff2;base64,${readFileSync(join(folder, 'files', name)).toString('base64')}) format('woff2')`,
      ),
    )
    .join('\n');
  return fontFaces;
}

const style = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: 'Rubik', sans-serif; font-size: 10.5pt; line-height: 1.5; color: #111; }
  h1 { font-size: 20pt; margin-block: 0 8pt; }
  h2 { font-size: 15pt; margin-block: 18pt 6pt; border-block-end: 1px solid #999; }
  h3 { font-size: 12.5pt; margin-block: 14pt 4pt; }
  p { margin-block: 0 6pt; white-space: pre-wrap; }
  blockquote { margin-block: 4pt 8pt; margin-inline: 0; padding-inline-start: 10pt;
    border-inline-start: 3pt solid #5a7; white-space: pre-wrap; }
  blockquote footer { font-size: 9pt; color: #444; }
  table { border-collapse: collapse; inline-size: 100%; margin-block: 4pt 10pt; }
  th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: start; vertical-align: top; }
  .references li { white-space: nowrap; }
  .bar { display: inline-block; block-size: 8pt; background: #5a7; }
  .chart td:nth-child(2) { inline-size: 45%; }
`;

function block(entry: ReportBlock): string {
  switch (entry.kind) {
    case 'heading':
      return `<h${entry.level}>${escapeHtml(entry.text)}</h${entry.level}>`;
    case 'paragraph':
      return entry.label
        ? `<p><strong>${escapeHtml(entry.label)}${entry.text ? ': ' : ''}</strong>${escapeHtml(entry.text)}</p>`
        : `<p>${escapeHtml(entry.text)}</p>`;
    case 'quote':
      return `<blockquote dir="auto"><p>${escapeHtml(entry.text)}</p><footer>— ${escapeHtml(entry.credit)}</footer></blockquote>`;
    case 'list':
      return `<ul${entry.references ? ' class="references"' : ''}>${entry.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'chart':
      return `<p><strong>${escapeHtml(entry.caption)}</strong></p><table class="chart">${entry.rows
        .map(
          (row) =>
            `<tr><th scope="row">${escapeHtml(row.label)}</th><td><span class="bar" style="inline-size: ${Math.round(Math.max(0.02, row.value) * 100)}%"></span></td><td>${escapeHtml(row.note)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'table':
      return `<table><thead><tr>${entry.header.map((text) => `<th>${escapeHtml(text)}</th>`).join('')}</tr></thead><tbody>${entry.rows
        .map((row) => `<tr>${row.map((text) => `<td>${escapeHtml(text)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

/** The report page Chromium prints: `dir` and `lang` from the initiative's language. */
export function reportHtml(report: ReportDocument): string {
  return `<!doctype html>
<html lang="${report.language}" dir="${report.direction}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${escapeHtml(report.title)}</title>
<style>${rubikFaces()}${style}</style>
</head>
<body>
${report.blocks.map(block).join('\n')}
</body>
</html>`;
}
