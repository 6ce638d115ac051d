import { onMount } from 'svelte';
import { readApiError, unreachable, type ApiFailure } from '$lib/api/errors';
import type { FieldErrors } from './validate';

/**
 * The state of one form: its field messages, its alert, and whether it is being sent. Create it
 * while a component initialises: it learns when the page has hydrated.
 */
export class FormState {
  fields = $state<FieldErrors>({});
  message = $state<string | null>(null);
  busy = $state(false);
  /** Whether the page's script runs: a server-rendered form is sent by script, not natively. */
  hydrated = $state(false);

  constructor() {
    onMount(() => {
      this.hydrated = true;
    });
  }

  /** Whether its buttons wait: until the page is live, and while a request is out. */
  get locked() {
    return !this.hydrated || this.busy;
  }

  /** Shows the browser's own validation result. */
  invalid(fields: FieldErrors, message: string) {
    this.fields = fields;
    this.message = message;
  }

  /**
   * Sends one request and returns its response when it succeeded; otherwise shows the API's
   * translated message and field messages and returns null.
   */
  async send<R extends { ok: boolean }>(request: () => Promise<R>): Promise<R | null> {
    this.busy = true;
    this.message = null;
    this.fields = {};
    try {
      const response = await request();
      if (response.ok) return response;
      this.fail(await readApiError(response as unknown as Response));
      return null;
    } catch {
      this.fail(unreachable());
      return null;
    } finally {
      this.busy = false;
    }
  }

  fail(error: ApiFailure) {
    this.message = error.message;
    this.fields = error.fields ?? {};
  }
}
