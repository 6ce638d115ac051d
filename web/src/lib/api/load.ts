import { redirect } from '@sveltejs/kit';
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { readAnswer, type JsonResponse, type Loaded } from './read';

export type { JsonResponse, Loaded } from './read';

/**
 * For a `load`: the API's answer as a page shows it. A 401 (the sign-in ended) redirects to the
 * sign-in page, on the server and in the browser alike.
 */
export async function loadFor<T>(request: () => Promise<JsonResponse<T>>): Promise<Loaded<T>> {
  const answer = await readAnswer(request);
  if (answer.state === 'signed_out') redirect(307, resolve('/signin'));
  return answer;
}

/**
 * For what a component asks after the page has loaded (an older page of a list, a history
 * opened on demand): the same answer, going to the sign-in page on a 401.
 */
export async function load<T>(request: () => Promise<JsonResponse<T>>): Promise<Loaded<T>> {
  const answer = await readAnswer(request);
  if (answer.state !== 'signed_out') return answer;
  await goto(resolve('/signin'));
  return { state: 'loading' };
}
