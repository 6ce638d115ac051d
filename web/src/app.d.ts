import type { IncomingMessage } from 'node:http';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    /** adapter-node hands every request its Node request (see hooks.server.ts). */
    interface Platform {
      req: IncomingMessage;
    }
  }
}

export {};
