import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { initiativeData, storyData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/**
 * The story, its photos and recordings. When it is not shared with this reader (yet), their initiatives:
 * any of them may be where it will be, so a change in any reloads the page.
 */
export const load: PageLoad = async (event) => {
  const api = loadClient(event).api;
  const param = { storyId: event.params.storyId };
  event.depends(storyData(param.storyId));
  const [story, photos, recordings] = await Promise.all([
    loadFor(() => api.stories[':storyId'].$get({ param })),
    loadFor(() => api.stories[':storyId'].photos.$get({ param })),
    loadFor(() => api.stories[':storyId'].recordings.$get({ param })),
  ]);
  let watched: string[] = [];
  if (story.state === 'ready') watched = [story.data.initiativeId];
  else if (story.state === 'not_found') {
    const mine = await loadFor(() => api.initiatives.$get());
    if (mine.state === 'ready') watched = mine.data.map((initiative) => initiative.id);
  }
  event.depends(...watched.map(initiativeData));
  return { story, photos, recordings, watched };
};
