import type { Account } from '@mizug/domain';

/** What middleware puts on every request's context. */
export interface AppEnv {
  Variables: {
    /** The signed-in account, or null. */
    account: Account | null;
    csrfToken: string | null;
    /** The sign-in the request came with, for what must end with it (the events stream). */
    signIn: { tokenHash: string; expiresAt: Date } | null;
    /** Client address for throttling (X-Forwarded-For only when TRUST_PROXY is set). */
    address: string;
  };
}
