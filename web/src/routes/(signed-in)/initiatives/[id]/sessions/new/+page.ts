import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { methodsRequest } from '../../methods/methods-api';
import type { PageLoad } from './$types';

/** The initiative, and for its facilitators the methods and members a session starts with. */
export const load: PageLoad = async (event) => {
  const initiativeId = event.params.id;
  const api = loadClient(event);
  const initiative = api.api.initiatives[':initiativeId'];
  const home = await loadFor(() => initiative.$get({ param: { initiativeId } }));
  // Only facilitators start sessions; the others are told so without asking for more.
  if (home.state !== 'ready' || home.data.myRole !== 'facilitator') {
    return { home, methods: null, members: null };
  }
  const [methods, members] = await Promise.all([
    loadFor(methodsRequest(api, initiativeId)),
    loadFor(() => initiative.members.$get({ param: { initiativeId } })),
  ]);
  return { home, methods, members };
};
