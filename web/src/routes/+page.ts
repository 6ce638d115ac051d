import { loadClient } from '$lib/api/client';
import { loadFor } from '$lib/api/load';
import type { PageLoad } from './$types';

/** Signed in: the initiatives this person belongs to. Signed out, the page asks nothing. */
export const load: PageLoad = async (event) => {
  const { me } = await event.parent();
  if (!me) return { initiatives: null };
  return { initiatives: await loadFor(() => loadClient(event).api.initiatives.$get()) };
};
