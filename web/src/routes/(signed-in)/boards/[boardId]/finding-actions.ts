import type { NewDisagreement, NewFindingDecision } from '@mizug/domain';
import type { ApiClient } from '$lib/api/client';

/** The requests a board page makes about one finding; each answers the finding as it is now. */
export function findingActions(api: ApiClient, findingId: string) {
  const finding = api.api.findings[':findingId'];
  const param = { findingId };
  return {
    rename: (title: string) => finding.$patch({ param, json: { title } }),
    return: () => finding.return.$post({ param }),
    revise: () => finding.revise.$post({ param }),
    finalize: () => finding.finalize.$post({ param }),
    decide: (decision: NewFindingDecision) => finding.decisions.$post({ param, json: decision }),
    dispute: (disagreement: NewDisagreement) =>
      finding.disagreements.$post({ param, json: disagreement }),
  };
}

export type FindingActions = ReturnType<typeof findingActions>;
