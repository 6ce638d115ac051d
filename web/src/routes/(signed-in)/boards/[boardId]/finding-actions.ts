import type { NewDisagreement, NewFindingDecision } from '@mizug/domain';
import type { ApiClient } from '$lib/api/client';

type Post<Json = never> = (args: {
  param: { findingId: string };
  json?: Json;
}) => Promise<Response>;

/**
 * The return loop's routes as the client calls them. TODO: drop this when boards-api's phase B
 * (return, revise, finalize, decisions, disagreements) is merged and the client types them.
 */
interface ReturnLoopRoutes {
  return: { $post: Post };
  revise: { $post: Post };
  finalize: { $post: Post };
  decisions: { $post: Post<NewFindingDecision> };
  disagreements: { $post: Post<NewDisagreement> };
}

/** The requests a board page makes about one finding; each answers the finding as it is now. */
export function findingActions(api: ApiClient, findingId: string) {
  const finding = api.api.findings[':findingId'];
  const loop = finding as unknown as ReturnLoopRoutes;
  const param = { findingId };
  return {
    rename: (title: string) => finding.$patch({ param, json: { title } }),
    return: () => loop.return.$post({ param }),
    revise: () => loop.revise.$post({ param }),
    finalize: () => loop.finalize.$post({ param }),
    decide: (decision: NewFindingDecision) => loop.decisions.$post({ param, json: decision }),
    dispute: (disagreement: NewDisagreement) =>
      loop.disagreements.$post({ param, json: disagreement }),
  };
}

export type FindingActions = ReturnType<typeof findingActions>;
