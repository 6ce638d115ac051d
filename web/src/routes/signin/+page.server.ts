import { apiClient } from '$lib/api/client';
import type { PageServerLoad } from './$types';

/**
 * In demo mode, the demo's people to continue as. Asked on the server: outside demo mode the
 * path does not exist, and its 404 must not reach a signed-out visitor's console.
 */
export const load: PageServerLoad = async ({ fetch, url }) => {
  try {
    const response = await apiClient(url.origin, { fetch }).api.demo.$get();
    return { demo: response.ok ? await response.json() : null };
  } catch {
    return { demo: null };
  }
};
