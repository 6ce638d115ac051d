import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { initiativeData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/** The initiative, and what its exporter may choose: the formats, its sessions and findings. */
export const load: PageLoad = async (event) => {
  const initiativeId = event.params.id;
  const initiative = loadClient(event).api.initiatives[':initiativeId'];
  const param = { initiativeId };
  event.depends(initiativeData(initiativeId));
  const [home, choices] = await Promise.all([
    loadFor(() => initiative.$get({ param })),
    loadFor(() => initiative.exports.$get({ param })),
  ]);
  return { home, choices };
};
