import { z } from 'zod';

/**
 * The export formats. Each has a file extension and a media type; the report formats (md, docx,
 * pdf) plug in here with their own writer.
 */
export const exportFormats = ['qdpx', 'qdc', 'csv', 'json', 'md', 'docx', 'pdf'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const formatMediaType: Record<ExportFormat, string> = {
  qdpx: 'application/zip',
  qdc: 'application/xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
