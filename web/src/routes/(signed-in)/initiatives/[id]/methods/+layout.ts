import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import { initiativeData, methodList } from '$lib/state/dependencies';
import type { LayoutLoad } from './$types';
import { methodsRequest } from './methods-api';

/**
 * What both methods pages show: the initiative the address names (its name, the caller's role)
 * and its methods. A layout load, so moving from the list to one method asks for neither again.
 */
export const load: LayoutLoad = async (event) => {
  const initiativeId = event.params.id;
  const api = loadClient(event);
  event.depends(initiativeData(initiativeId), methodList(initiativeId));
  const [home, methods] = await Promise.all([
    loadFor(() => api.api.initiatives[':initiativeId'].$get({ param: { initiativeId } })),
    loadFor(methodsRequest(api, initiativeId)),
  ]);
  return { home, methods };
};
