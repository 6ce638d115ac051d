import { readApiError, unreachable } from './errors';

/** What a page shows of data from the API. */
export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'not_found' }
  | { state: 'error'; message: string };

/** What reading needs of a typed client's response. */
export interface JsonResponse<T> {
  ok: boolean;
  status: number;
  json(): Promise<T>;
}

/**
 * Reads one API answer: the data, "not found" (404 — also what the API answers for things the
 * caller may not see), `signed_out` (401), or the translated error.
 */
export async function readAnswer<T>(
  request: () => Promise<JsonResponse<T>>,
): Promise<Loaded<T> | { state: 'signed_out' }> {
  let response: JsonResponse<T>;
  try {
    response = await request();
  } catch {
    return { state: 'error', message: unreachable().message };
  }
  if (response.ok) return { state: 'ready', data: await response.json() };
  if (response.status === 401) return { state: 'signed_out' };
  if (response.status === 404) return { state: 'not_found' };
  return { state: 'error', message: (await readApiError(response as unknown as Response)).message };
}
