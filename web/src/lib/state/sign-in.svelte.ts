import type { Me } from '@mizug/domain';
import { getContext, setContext, untrack } from 'svelte';
import { apiClient, type ApiClient } from '$lib/api/client';

/**
 * Who is signed in (the root layout's load asks `GET /api/me` on the server, where the HttpOnly
 * cookie is) and the API client whose state-changing requests echo their CSRF token. Signing in
 * or out invalidates `mizug:account`, so the layout loads the account again.
 */
export class SignIn {
  /** The API client for this page; adds `x-csrf-token` whenever someone is signed in. */
  readonly api: ApiClient;

  constructor(
    origin: string,
    private readonly current: () => Me | null,
  ) {
    // Untracked: an effect that loads data must not run again because someone signed in or out.
    this.api = apiClient(origin, { csrfToken: () => untrack(() => this.me?.csrfToken ?? null) });
  }

  get me() {
    return this.current();
  }

  get account() {
    return this.me?.account ?? null;
  }
}

const key = Symbol('sign-in');

/** Called once by the root layout. */
export function setSignIn(signIn: SignIn) {
  return setContext(key, signIn);
}

export function getSignIn(): SignIn {
  return getContext<SignIn>(key);
}
