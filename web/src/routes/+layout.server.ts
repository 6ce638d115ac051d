import type { Me } from '@mizug/domain';
import { apiClient } from '$lib/api/client';
import { ACCOUNT } from '$lib/state/dependencies';
import type { LayoutServerLoad } from './$types';

/**
 * Who is signed in, asked on the server (hooks.server.ts forwards the cookie to the API), so the
 * browser never asks `GET /api/me` and a signed-out visitor's console shows no 401.
 */
export const load: LayoutServerLoad = async ({ fetch, url, depends }) => {
  depends(ACCOUNT);
  let me: Me | null = null;
  try {
    const response = await apiClient(url.origin, { fetch }).api.me.$get();
    if (response.ok) me = await response.json();
  } catch {
    // The API could not be reached: signed out, as before.
  }
  return { me };
};
