import { loadClient } from '$lib/api/client';
import { readApiError, unreachable } from '$lib/api/errors';
import type { InvitationPreview } from '$lib/api/types';
import type { PageLoad } from './$types';

type Preview = { state: 'ready'; data: InvitationPreview } | { state: 'error'; message: string };

/** What the invitation is to, or why the code does not work (the API's own words). */
export const load: PageLoad = async (event) => {
  const invitation = loadClient(event).api.invitations[':code'];
  let preview: Preview;
  try {
    const response = await invitation.$get({ param: { code: event.params.code } });
    preview = response.ok
      ? { state: 'ready', data: await response.json() }
      : { state: 'error', message: (await readApiError(response)).message };
  } catch {
    preview = { state: 'error', message: unreachable().message };
  }
  return { preview };
};
