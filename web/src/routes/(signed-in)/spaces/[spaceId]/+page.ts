import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { initiativeData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/** The space: its people, its recent changes, whether this person writes in it. */
export const load: PageLoad = async (event) => {
  const spaces = loadClient(event).api.spaces[':spaceId'];
  const space = await loadFor(() => spaces.$get({ param: { spaceId: event.params.spaceId } }));
  if (space.state === 'ready') event.depends(initiativeData(space.data.initiativeId));
  return { space };
};
