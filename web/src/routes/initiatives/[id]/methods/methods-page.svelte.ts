import { page } from '$app/state';
import { LiveData } from '$lib/api/live.svelte';
import type { InitiativeHome } from '$lib/api/types';
import { getSession } from '$lib/state/session.svelte';
import { methodsRequest, type MethodEntry } from './methods-api';

/**
 * What both methods pages show: the initiative the address names (its name, the caller's role)
 * and its methods, loaded from scratch whenever the address names another initiative. Call it
 * while the page's script first runs: it reads the session's context and starts an effect.
 */
export function loadMethodsPage() {
  const api = getSession().api;
  const initiativeId = $derived(page.params.id ?? '');
  const home = new LiveData<InitiativeHome>(() =>
    api.api.initiatives[':initiativeId'].$get({ param: { initiativeId } }),
  );
  const methods = new LiveData<MethodEntry[]>(() => methodsRequest(api, initiativeId)());

  $effect(() => {
    void initiativeId;
    void home.load();
    void methods.load();
  });

  return { home, methods };
}
