import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import type { PageLoad } from './$types';

/** The initiative: its peer spaces are where a new story may be told. */
export const load: PageLoad = async (event) => {
  const initiativeId = event.params.id;
  const initiative = loadClient(event).api.initiatives[':initiativeId'];
  return { home: await loadFor(() => initiative.$get({ param: { initiativeId } })) };
};
