import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { cardList, initiativeData } from '$lib/state/dependencies';
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
  const initiative = api.initiatives[':initiativeId'];
  const param = { initiativeId };
  const [home, words] = await Promise.all([
    loadFor(() => initiative.$get({ param })),
    loadFor(() => initiative['my-words'].$get({ param })),
  ]);
  // A card made, decided or withdrawn in any space may quote the caller: reload on each.
  if (home.state === 'ready')
    for (const space of home.data.spaceDirectory) event.depends(cardList(space.id));
  return { initiatives, initiativeId, words };
};
