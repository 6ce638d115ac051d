import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { readApiError, unreachable } from './errors';

/** What a page shows while its data comes from the API. */
export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'not_found' }
  | { state: 'error'; message: string };

/** What `load` needs of a typed client's response. */
export interface JsonResponse<T> {
  ok: boolean;
  status: number;
  json(): Promise<T>;
}

/**
 * Reads one API answer for a page: the data, "not found" (404 — also what the API answers for
 * things the caller may not see), or the translated error. A 401 goes to the sign-in page.
 */
export async function load<T>(request: () => Promise<JsonResponse<T>>): Promise<Loaded<T>> {
  let response: JsonResponse<T>;
  try {
    response = await request();
  } catch {
    return { state: 'error', message: unreachable().message };
  }
  if (response.ok) return { state: 'ready', data: await response.json() };
  if (response.status === 401) {
    await goto(resolve('/signin'));
    return { state: 'loading' };
  }
  if (response.status === 404) return { state: 'not_found' };
  return { state: 'error', message: (await readApiError(response as unknown as Response)).message };
}
