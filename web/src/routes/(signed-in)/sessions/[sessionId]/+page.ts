import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { boardData, initiativeData, sessionData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/** The session as this person sees it: its stages, their group, the contract, the console. */
export const load: PageLoad = async (event) => {
  const { sessionId } = event.params;
  const sessions = loadClient(event).api.sessions[':sessionId'];
  event.depends(sessionData(sessionId));
  const view = await loadFor(() => sessions.$get({ param: { sessionId } }));
  if (view.state === 'ready') {
    event.depends(initiativeData(view.data.initiativeId));
    // A finding returned or decided on changes where the stage stands (MK-7's exit reads it).
    for (const boardId of new Set(view.data.stages.flatMap((s) => s.boards.map((b) => b.boardId))))
      event.depends(boardData(boardId));
  }
  return { view };
};
