import { loadClient } from '$lib/api/client';
import { loadFor, type Loaded } from '$lib/api/load';
import type { InitiativeHome, SpaceDetail } from '$lib/api/types';
import { initiativeData, storyData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/**
 * The story, its photos and recordings, its initiative's spaces (where a reader may make a card
 * of a passage), and for its teller the people of their peer space (whom they may ask to support
 * them). When it is not shared with this reader (yet), their initiatives:
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
  let space: Loaded<SpaceDetail> | null = null;
  // Its spaces, for the readers making a card: where they write.
  let initiative: Loaded<InitiativeHome> | null = null;
  if (story.state === 'ready') {
    watched = [story.data.initiativeId];
    const { isMine, spaceId, initiativeId } = story.data;
    [space, initiative] = await Promise.all([
      isMine ? loadFor(() => api.spaces[':spaceId'].$get({ param: { spaceId } })) : null,
      loadFor(() => api.initiatives[':initiativeId'].$get({ param: { initiativeId } })),
    ]);
  }
  if (story.state === 'not_found') {
    const mine = await loadFor(() => api.initiatives.$get());
    if (mine.state === 'ready') watched = mine.data.map((initiative) => initiative.id);
  }
  event.depends(...watched.map(initiativeData));
  return { story, photos, recordings, space, initiative, watched };
};
