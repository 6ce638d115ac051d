import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { boardList, boardLists, initiativeData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/** The space: its people, its recent changes, its boards, whether this person writes in it. */
export const load: PageLoad = async (event) => {
  const spaces = loadClient(event).api.spaces[':spaceId'];
  const param = { spaceId: event.params.spaceId };
  event.depends(boardList(param.spaceId));
  const [space, boards] = await Promise.all([
    loadFor(() => spaces.$get({ param })),
    loadFor(() => spaces.boards.$get({ param })),
  ]);
  if (space.state === 'ready') {
    event.depends(initiativeData(space.data.initiativeId));
    // A board made in this space (a session's stage opening) shows without a reload.
    event.depends(boardLists(space.data.initiativeId));
  }
  return { space, boards };
};
