import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { initiativeData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/** The initiative, and its members and invitations when this person may manage them. */
export const load: PageLoad = async (event) => {
  const initiativeId = event.params.id;
  const initiative = loadClient(event).api.initiatives[':initiativeId'];
  const param = { initiativeId };
  event.depends(initiativeData(initiativeId));
  const home = await loadFor(() => initiative.$get({ param }));
  if (home.state !== 'ready' || !home.data.canManageMembers) {
    return { home, members: null, invitations: null };
  }
  const [members, invitations] = await Promise.all([
    loadFor(() => initiative.members.$get({ param })),
    loadFor(() => initiative.invitations.$get({ param })),
  ]);
  return { home, members, invitations };
};
