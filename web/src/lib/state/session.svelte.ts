import type { Me } from '@mizug/domain';
import { getContext, setContext, untrack } from 'svelte';
import { apiClient, type ApiClient } from '$lib/api/client';

/**
 * Who is signed in and the CSRF token their state-changing requests echo. Known only in the
 * browser: the session cookie is HttpOnly, so the page asks `GET /api/me` once it has loaded.
 */
export class Session {
  me = $state<Me | null>(null);
  /** `unknown` until the browser has asked the API. */
  status = $state<'unknown' | 'signed_in' | 'signed_out'>('unknown');

  /** The API client for this page; adds `x-csrf-token` whenever someone is signed in. */
  readonly api: ApiClient;

  constructor(origin: string) {
    // Untracked: an effect that loads data must not run again because someone signed in or out.
    this.api = apiClient(origin, { csrfToken: () => untrack(() => this.me?.csrfToken ?? null) });
  }

  get account() {
    return this.me?.account ?? null;
  }

  /** Asks the API who is signed in; a failure to reach it counts as signed out. */
  async refresh() {
    try {
      const response = await this.api.api.me.$get();
      if (response.ok) this.signedIn(await response.json());
      else this.signedOut();
    } catch {
      this.signedOut();
    }
  }

  /** After sign-in or join: their answer is the same `Me` as `GET /api/me`. */
  signedIn(me: Me) {
    this.me = me;
    this.status = 'signed_in';
  }

  signedOut() {
    this.me = null;
    this.status = 'signed_out';
  }
}

const key = Symbol('session');

/** Called once by the root layout. */
export function setSession(session: Session) {
  return setContext(key, session);
}

export function getSession(): Session {
  return getContext<Session>(key);
}
