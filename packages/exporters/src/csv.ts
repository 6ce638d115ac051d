import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ExportBundle } from './bundle';

/** The column keys, in order; the header row is their translation (the caller's language). */
export const csvColumns = [
  'quote',
  'sourceKind',
  'group',
  'knowledgeType',
  'codes',
  'finding',
  'credit',
  'consent',
  'cardId',
  'sourceId',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

/**
 * A spreadsheet program runs a cell that starts like a formula: such a cell gets a leading `'`
 * so it reads as the text it is.
 */
export const neutraliseFormula = (value: string) =>
  /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/** Values the bundle holds as keys (source kind, knowledge type, credit, consent), in words. */
export type CsvWords = (
  kind: 'sourceKind' | 'knowledgeType' | 'credit' | 'consent',
  key: string,
) => string;

/**
 * One row per exported quote: its text, source kind, group, knowledge type, codes, findings,
 * credit and consent. UTF-8 with a BOM, so Excel reads Hebrew and Arabic right.
 */
export function csvStream(
  bundle: ExportBundle,
  header: Record<CsvColumn, string>,
  words: CsvWords,
): Readable {
  const sources = new Map(bundle.sources.map((source) => [source.id, source]));
  const groups = new Map(bundle.groups.map((group) => [group.id, group]));
  const users = new Map(bundle.users.map((user) => [user.id, user]));
  const codes = new Map(bundle.codes.map((code) => [code.id, code]));
  const findingsOf = new Map<string, string[]>();
  for (const finding of bundle.findings)
    for (const cardId of finding.cardIds)
      findingsOf.set(cardId, [...(findingsOf.get(cardId) ?? []), finding.title]);

  const output = stringify({
    bom: true,
    record_delimiter: 'unix',
    cast: { string: (value) => neutraliseFormula(value) },
  });
  output.write(csvColumns.map((column) => header[column]));
  for (const coding of bundle.codings) {
    const source = sources.get(coding.sourceId)!;
    const user = users.get(source.userId)!;
    const credit =
      user.credit === 'anonymous' || user.name === null
        ? words('credit', user.credit)
        : `${user.name} (${words('credit', user.credit)})`;
    output.write([
      coding.quote,
      words('sourceKind', source.ref.kind),
      groups.get(source.groupId)?.name ?? '',
      words('knowledgeType', coding.knowledgeType),
      coding.codeIds
        .map((id) => codes.get(id)?.name ?? '')
        .filter(Boolean)
        .join('; '),
      (findingsOf.get(coding.cardId) ?? []).join('; '),
      credit,
      words('consent', coding.consent),
      coding.cardId,
      source.ref.id,
    ]);
  }
  output.end();
  return output;
}
