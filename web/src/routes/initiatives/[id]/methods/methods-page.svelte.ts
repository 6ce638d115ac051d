import type { ApiClient } from '$lib/api/client';
import { LiveData } from '$lib/api/live.svelte';
import type { InitiativeHome } from '$lib/api/types';
import { methodsRequest, type MethodEntry } from './methods-api';

/**
 * What both methods pages show: the initiative (its name, the caller's role) and its methods,
 * loaded from scratch whenever the address names another initiative. Call it while the page's
 * script first runs: it starts an effect.
 */
export function loadMethodsPage(api: ApiClient, initiativeId: () => string) {
  const home = new LiveData<InitiativeHome>(() =>
    api.api.initiatives[':initiativeId'].$get({ param: { initiativeId: initiativeId() } }),
  );
  const methods = new LiveData<MethodEntry[]>(() => methodsRequest(api, initiativeId())());

  $effect(() => {
    void initiativeId();
    void home.load();
    void methods.load();
  });

  return { home, methods };
}
