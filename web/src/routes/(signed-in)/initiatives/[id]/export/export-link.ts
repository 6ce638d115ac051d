import * as m from '@mizug/i18n/messages';

export type ScopeKind = 'initiative' | 'session' | 'finding';
export const scopeKinds: readonly ScopeKind[] = ['initiative', 'session', 'finding'];

export const scopeLabels: Record<ScopeKind, () => string> = {
  initiative: m.export_scope_initiative,
  session: m.export_scope_session,
  finding: m.export_scope_finding,
};

/**
 * One line on what each format is for. The list of formats comes from the server, so a format
 * added there shows at once; one without a line here shows by its name alone.
 */
export const formatAbout: Partial<Record<string, () => string>> = {
  qdpx: m.export_about_qdpx,
  qdc: m.export_about_qdc,
  csv: m.export_about_csv,
  json: m.export_about_json,
  md: m.export_about_md,
  docx: m.export_about_docx,
  pdf: m.export_about_pdf,
};

/**
 * The API address of one export: a plain link, so the browser downloads the file under the name
 * the server gives it (Content-Disposition) and streams it to disk. Null while a scope that needs
 * an id has none chosen.
 */
export function exportHref(
  initiativeId: string,
  format: string,
  scope: ScopeKind,
  id: string | undefined,
): string | null {
  const path = `/api/initiatives/${encodeURIComponent(initiativeId)}/exports/${encodeURIComponent(format)}`;
  if (scope === 'initiative') return path;
  if (!id) return null;
  return `${path}?${new URLSearchParams({ [scope]: id })}`;
}
