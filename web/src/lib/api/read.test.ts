import { describe, expect, it } from 'vitest';
import { readAnswer } from './read';

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('readAnswer', () => {
  it('is the data of a 200', async () => {
    expect(await readAnswer(answer(200, { id: 's1' }))).toEqual({
      state: 'ready',
      data: { id: 's1' },
    });
  });

  it('is signed_out for a 401 and not_found for a 404', async () => {
    expect(await readAnswer(answer(401, {}))).toEqual({ state: 'signed_out' });
    expect(await readAnswer(answer(404, {}))).toEqual({ state: 'not_found' });
  });

  it("is the API's error message otherwise", async () => {
    const body = { error: { code: 'conflict', message: 'Already there' } };
    expect(await readAnswer(answer(409, body))).toEqual({
      state: 'error',
      message: 'Already there',
    });
  });

  it('is an error, not a throw, when the server cannot be reached', async () => {
    const loaded = await readAnswer(() => Promise.reject(new TypeError('fetch failed')));
    expect(loaded.state).toBe('error');
  });
});
