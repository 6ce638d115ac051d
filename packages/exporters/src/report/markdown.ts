import type { ReportBlock, ReportDocument } from './model';

/**
 * User text as Markdown text: what Markdown (CommonMark with GitHub's extensions) would read as
 * markup is escaped, so a story's `<script>`, `[link](target)`, bare URL or `# heading` comes out
 * as the words written. Inline markers anywhere (emphasis, code, links, images, tables,
 * strikethrough), block markers at a line's start (headings, quotes, lists, rules), `://`, `www.`
 * and `@` (GitHub links them by themselves); `<`, `>` and `&` become entities, never a tag.
 */
export const escapeMarkdown = (text: string) =>
  text
    .replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]!)
    .replace(/[\\`*_[\]|~!@]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');

/** One line of a table cell: pipes escaped, line breaks as spaces. */
const cell = (text: string) => escapeMarkdown(text).replace(/\n+/g, ' ');

/** Each line of a paragraph escaped; a line break inside it stays one (two trailing spaces). */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => escapeMarkdown(line))
    .join('  \n');

const bar = (value: number) => '█'.repeat(Math.max(1, Math.round(value * 20)));

function block(entry: ReportBlock): string {
  switch (entry.kind) {
    case 'heading':
      return `${'#'.repeat(entry.level)} ${cell(entry.text)}`;
    case 'paragraph':
      if (!entry.label) return lines(entry.text);
      return entry.text
        ? `**${cell(entry.label)}:** ${lines(entry.text)}`
        : `**${cell(entry.label)}**`;
    case 'quote':
      return `${lines(entry.text)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}\n>\n> — ${cell(entry.credit)}`;
    case 'list':
      return entry.items.map((item) => `- ${cell(item)}`).join('\n');
    case 'chart':
      return [
        `**${cell(entry.caption)}**`,
        '',
        ...entry.rows.map((row) => `- ${cell(row.label)}: \`${bar(row.value)}\` ${cell(row.note)}`),
      ].join('\n');
    case 'table':
      return [
        `| ${entry.header.map(cell).join(' | ')} |`,
        `| ${entry.header.map(() => '---').join(' | ')} |`,
        ...entry.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ].join('\n');
  }
}

/**
 * The report in Markdown. Its only HTML is the report's own `<div dir lang>` (so a right-to-left
 * language reads right to left where Markdown is rendered); no markup comes from user text.
 */
export function reportMarkdown(report: ReportDocument): string {
  return [
    `<div dir="${report.direction}" lang="${report.language}">`,
    '',
    ...report.blocks.map((entry) => `${block(entry)}\n`),
    '</div>',
    '',
  ].join('\n');
}
