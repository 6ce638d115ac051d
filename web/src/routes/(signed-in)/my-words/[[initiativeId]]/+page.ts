import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { initiativeData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/**
 * The caller's initiatives and, for the one chosen (in the address, else the first), every card
 * and finding quoting their stories or posts there.
 */
export const load: PageLoad = async (event) => {
  const api = loadClient(event).api;
  const initiatives = await loadFor(() => api.initiatives.$get());
  const list = initiatives.state === 'ready' ? initiatives.data : [];
  const wanted = event.params.initiativeId;
  const initiativeId = list.find((i) => i.id === wanted)?.id ?? list[0]?.id ?? null;
  if (!initiativeId) return { initiatives, initiativeId, words: null };
  event.depends(initiativeData(initiativeId));
  const words = await loadFor(() =>
    api.initiatives[':initiativeId']['my-words'].$get({ param: { initiativeId } }),
  );
  return { initiatives, initiativeId, words };
};
