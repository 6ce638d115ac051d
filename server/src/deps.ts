import type { DocumentHistory } from './collab/history';
import type { CollabServer } from './collab/server';
import type { Database } from './db/database';
import type { EventBus } from './events';
import type { Logger } from './logger';

/** What routes and services are given by the process that composes them (`app.ts`, tests). */
export interface AppDeps {
  db: Database;
  logger: Logger;
  version: string;
  /** Notices to long-lived connections (membership changes close revoked collaboration sockets). */
  events: EventBus;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto/-Host. */
  trustProxy: boolean;
  /** The Redis fan-out between instances (with REDIS_URL), whose state health reports. */
  fanout?: { readonly connected: boolean };
  /** Live collaborative documents, for changes the server makes (absent in API-only tests). */
  documents?: LiveDocuments;
  /** Demo mode (MIZUG_DEMO=1): the sign-in page may offer "continue as" the demo's people. */
  demo?: boolean;
}

export interface LiveDocuments {
  edit: CollabServer['edit'];
  history: DocumentHistory;
}
