import type { Codebook } from '@mizug/domain';
import { loadClient } from '$lib/api/client';
import { loadFor, type JsonResponse, type Loaded } from '$lib/api/load';
import { boardData, cardList, codeList, initiativeData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/**
 * The board, its findings (status, decisions, disagreements, balance), the cards made in its
 * space, the codebook for the cards' chips, and the initiative's spaces (which groups this
 * person belongs to, to decide for). The board's live layout comes over the collaboration socket.
 */
export const load: PageLoad = async (event) => {
  const { boardId } = event.params;
  const api = loadClient(event).api;
  event.depends(boardData(boardId));
  const board = await loadFor(() => api.boards[':boardId'].$get({ param: { boardId } }));
  if (board.state !== 'ready') return { board, rest: { state: 'loading' } as const };
  const { spaceId, initiativeId } = board.data;
  event.depends(initiativeData(initiativeId), cardList(spaceId), codeList(initiativeId));
  const [findings, cards, codebook] = await Promise.all([
    loadFor(() => api.boards[':boardId'].findings.$get({ param: { boardId } })),
    loadFor(() => api.spaces[':spaceId'].cards.$get({ param: { spaceId } })),
    // Hono's inference stops at a recursive type: the domain's Codebook is what it answers.
    loadFor(
      () =>
        api.initiatives[':initiativeId'].codes.$get({
          param: { initiativeId },
        }) as unknown as Promise<JsonResponse<Codebook>>,
    ),
  ]);
  return { board, rest: all({ findings, cards, codebook }) };
};

type Values<T> = { [K in keyof T]: T[K] extends Loaded<infer V> ? V : never };

/** Ready when every part is; otherwise the first part that is not. */
function all<T extends Record<string, Loaded<unknown>>>(parts: T): Loaded<Values<T>> {
  const data: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(parts)) {
    if (part.state !== 'ready') return part;
    data[key] = part.data;
  }
  return { state: 'ready', data: data as Values<T> };
}
