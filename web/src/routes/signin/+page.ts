import { loadClient } from '$lib/api/client';
import type { PageLoad } from './$types';

/** In demo mode, the demo's people to continue as; elsewhere the path does not exist (404). */
export const load: PageLoad = async (event) => {
  const response = await loadClient(event).api.demo.$get();
  return { demo: response.ok ? await response.json() : null };
};
