import {
  ChromiumMissingError,
  reportDocument,
  reportDocx,
  reportMarkdown,
  reportPdf,
  type ExportBundle,
} from '@mizug/exporters';
import { Readable } from 'node:stream';
import { AppError } from '../../errors';
import { reportWords } from './report-words';

/**
 * The findings report of a bundle in the initiative's language, as Markdown, DOCX or PDF. The
 * whole file is written before it is answered, so a PDF without Chromium is a clear refusal
 * (`export_pdf_needs_chromium`), never a broken download.
 */
export async function writeReport(
  format: 'md' | 'docx' | 'pdf',
  bundle: ExportBundle,
): Promise<Readable> {
  const report = reportDocument(bundle, reportWords(bundle.language));
  if (format === 'md') return Readable.from([Buffer.from(reportMarkdown(report), 'utf8')]);
  if (format === 'docx') return Readable.from([await reportDocx(report)]);
  try {
    return Readable.from([await reportPdf(report)]);
  } catch (error) {
    if (error instanceof ChromiumMissingError) throw new AppError('export_pdf_needs_chromium');
    throw error;
  }
}
