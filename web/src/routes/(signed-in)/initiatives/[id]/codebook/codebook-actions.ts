import type { ApiClient } from '$lib/api/client';
import type { CodeDraft } from './codebook';

/** What a facilitator can do to the codebook from its page; `changed` reloads it and says so. */
export interface CodebookActions {
  create(draft: CodeDraft): Promise<{ ok: boolean }>;
  change(codeId: string, draft: CodeDraft): Promise<{ ok: boolean }>;
  merge(codeId: string, into: string): Promise<{ ok: boolean }>;
  remove(codeId: string): Promise<{ ok: boolean }>;
  changed(message: string): void;
}

export function codebookActions(
  api: ApiClient,
  initiativeId: string,
  changed: (message: string) => void,
): CodebookActions {
  const codes = api.api.codes[':codeId'];
  return {
    create: (draft) =>
      api.api.initiatives[':initiativeId'].codes.$post({ param: { initiativeId }, json: draft }),
    change: (codeId, draft) => codes.$patch({ param: { codeId }, json: draft }),
    merge: (codeId, into) => codes.merge.$post({ param: { codeId }, json: { into } }),
    remove: (codeId) => codes.$delete({ param: { codeId } }),
    changed,
  };
}
