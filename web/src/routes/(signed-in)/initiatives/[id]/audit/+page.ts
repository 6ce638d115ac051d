import { auditActions, type AuditAction } from '@mizug/domain';
import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { AUDIT_PAGE_SIZE, auditQuery } from './audit-query';
import type { PageLoad } from './$types';

/** The newest audit entries, of one kind when the address says `?action=`. */
export const load: PageLoad = async (event) => {
  const asked = event.url.searchParams.get('action') ?? '';
  const action: AuditAction | '' = (auditActions as readonly string[]).includes(asked)
    ? (asked as AuditAction)
    : '';
  const audit = loadClient(event).api.initiatives[':initiativeId'].audit;
  const entries = await loadFor(() =>
    audit.$get({ param: { initiativeId: event.params.id }, query: auditQuery(action) }),
  );
  return { action, entries, pageSize: AUDIT_PAGE_SIZE };
};
