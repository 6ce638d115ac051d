import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { initiativeData, sessionList } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/** The initiative's home, its stories (those matching `?q=` when searched) and its sessions. */
export const load: PageLoad = async (event) => {
  const initiativeId = event.params.id;
  const initiative = loadClient(event).api.initiatives[':initiativeId'];
  const searched = event.url.searchParams.get('q')?.trim() ?? '';
  event.depends(initiativeData(initiativeId), sessionList(initiativeId));
  const param = { initiativeId };
  const [home, stories, sessions] = await Promise.all([
    loadFor(() => initiative.$get({ param })),
    loadFor(() => initiative.stories.$get({ param, query: searched ? { q: searched } : {} })),
    loadFor(() => initiative.sessions.$get({ param })),
  ]);
  return { home, stories, sessions, searched };
};
