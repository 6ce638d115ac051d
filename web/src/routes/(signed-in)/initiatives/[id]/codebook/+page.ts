import type { Codebook } from '@mizug/domain';
import { loadClient } from '$lib/api/client';
import { loadFor, type JsonResponse } from '$lib/api/load';
import { codeList, initiativeData } from '$lib/state/dependencies';
import type { PageLoad } from './$types';

/** The initiative (its name and languages) and its codebook, which every member reads. */
export const load: PageLoad = async (event) => {
  const initiativeId = event.params.id;
  const initiative = loadClient(event).api.initiatives[':initiativeId'];
  const param = { initiativeId };
  event.depends(initiativeData(initiativeId), codeList(initiativeId));
  const [home, codebook] = await Promise.all([
    loadFor(() => initiative.$get({ param })),
    // Hono's inference stops at a recursive type (`children` reads as any JSON): the domain's
    // Codebook is what the route answers with.
    loadFor(() => initiative.codes.$get({ param }) as unknown as Promise<JsonResponse<Codebook>>),
  ]);
  return { home, codebook };
};
