import type { AuditAction } from '@mizug/domain';

/** Entries per page; a full page means there may be older ones. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit list's query: a page of entries, of one action if chosen, older than `before`. */
export const auditQuery = (action: AuditAction | '', before?: number) => ({
  limit: String(AUDIT_PAGE_SIZE),
  ...(action ? { action } : {}),
  ...(before ? { before: String(before) } : {}),
});
