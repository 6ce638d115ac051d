import type { Account } from '@mizug/domain';
import {
  csvColumns,
  csvStream,
  exportFormatSchema,
  formatMediaType,
  jsonStream,
  qdpxStream,
  codebookXml,
  type CsvColumn,
  type CsvWords,
  type ExportBundle,
  type ExportFormat,
  type ExportScope,
} from '@mizug/exporters';
import * as m from '@mizug/i18n/messages';
import type { Locale } from '@mizug/i18n/runtime';
import { Readable } from 'node:stream';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { buildExportBundle, sourceKindWord } from './bundle';
import { writeReport } from './report-file';

type Message = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const csvHeader: Record<CsvColumn, Message> = {
  quote: m.export_column_quote,
  sourceKind: m.export_column_source_kind,
  group: m.export_column_group,
  knowledgeType: m.export_column_knowledge_type,
  codes: m.export_column_codes,
  finding: m.export_column_finding,
  credit: m.export_column_credit,
  consent: m.export_column_consent,
  cardId: m.export_column_card_id,
  sourceId: m.export_column_source_id,
};

const csvWordCatalog: Record<Parameters<CsvWords>[0], Record<string, Message>> = {
  sourceKind: sourceKindWord,
  knowledgeType: {
    lived_experience: m.knowledge_lived_experience,
    practice: m.knowledge_practice,
    academic: m.knowledge_academic,
    group: m.knowledge_group,
  },
  credit: {
    name: m.export_credit_name,
    pseudonym: m.export_credit_pseudonym,
    anonymous: m.export_credit_anonymous,
    group: m.export_credit_group,
  },
  consent: { not_needed: m.export_consent_not_needed, approved: m.export_consent_approved },
};

/** The file in one format, as a stream. */
function writeFormat(
  format: ExportFormat,
  bundle: ExportBundle,
  locale: Locale,
): Readable | Promise<Readable> {
  switch (format) {
    case 'qdpx':
      return qdpxStream(bundle);
    case 'qdc':
      if (!bundle.codes.length) throw new AppError('export_codebook_empty');
      return Readable.from([codebookXml(bundle)]);
    case 'csv':
      return csvStream(
        bundle,
        Object.fromEntries(
          csvColumns.map((column) => [column, csvHeader[column]({}, { locale })]),
        ) as Record<CsvColumn, string>,
        (kind, key) => csvWordCatalog[kind][key]?.({}, { locale }) ?? key,
      );
    case 'json':
      return jsonStream(bundle);
    case 'md':
    case 'docx':
    case 'pdf':
      return writeReport(format, bundle);
  }
}

/** A file name in the initiative's language, safe on every file system. */
function fileNameOf(bundle: ExportBundle, format: ExportFormat) {
  const base = m
    .export_file_name({ initiative: bundle.initiative.name }, { locale: bundle.language })
    // eslint-disable-next-line no-control-regex -- control characters are what it replaces
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .slice(0, 120);
  return `${base}.${format}`;
}

export interface ExportFile {
  format: ExportFormat;
  fileName: string;
  mediaType: string;
  stream: Readable;
}

/**
 * One initiative's knowledge (or one session's, or one finding's) in one format, as `account` may
 * export it (researchers, facilitators and admins), recorded in the audit log with its scope and
 * format.
 */
export async function exportInitiative(
  db: Database,
  account: Account,
  initiativeId: string,
  requestedFormat: string,
  scope: ExportScope = { kind: 'initiative' },
): Promise<ExportFile> {
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'read', { kind: 'initiative', initiativeId });
  authorize(actor, 'read', { kind: 'export', initiativeId });
  const parsed = exportFormatSchema.safeParse(requestedFormat);
  if (!parsed.success) throw new AppError('export_format_unknown');
  const format = parsed.data;
  const bundle = await buildExportBundle(db, account, initiativeId, { scope });
  const stream = await writeFormat(format, bundle, bundle.language);
  await appendAudit(db, {
    action: 'initiative.export',
    actorId: account.id,
    initiativeId,
    details: {
      format,
      scope: scope.kind,
      ...(scope.kind === 'initiative' ? {} : { scopeId: scope.id }),
      quotes: bundle.codings.length,
      withheld: bundle.withheld.length,
    },
  });
  return {
    format,
    fileName: fileNameOf(bundle, format),
    mediaType: formatMediaType[format],
    stream,
  };
}
