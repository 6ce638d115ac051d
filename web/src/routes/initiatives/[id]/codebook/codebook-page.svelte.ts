import type { Codebook } from '@mizug/domain';
import { page } from '$app/state';
import { LiveData } from '$lib/api/live.svelte';
import type { JsonResponse } from '$lib/api/load';
import type { InitiativeHome } from '$lib/api/types';
import { getSession } from '$lib/state/session.svelte';

/**
 * What the codebook page shows: the initiative the address names and its codebook, loaded from
 * scratch whenever the address names another initiative. Call it while the page's script first
 * runs: it reads the session's context and starts an effect.
 */
export function loadCodebookPage() {
  const api = getSession().api;
  const initiativeId = $derived(page.params.id ?? '');
  const initiative = api.api.initiatives[':initiativeId'];
  const home = new LiveData<InitiativeHome>(() => initiative.$get({ param: { initiativeId } }));
  // Hono's inference stops at a recursive type (`children` reads as any JSON): the domain's
  // Codebook is what the route answers with.
  const codebook = new LiveData<Codebook>(
    () =>
      initiative.codes.$get({ param: { initiativeId } }) as unknown as Promise<
        JsonResponse<Codebook>
      >,
  );

  $effect(() => {
    void initiativeId;
    void home.load();
    void codebook.load();
  });

  return { api, home, codebook };
}
