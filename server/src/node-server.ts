import { createServer, type IncomingMessage, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { DocumentHistory } from './collab/history';
import { CollabPersistence } from './collab/persistence';
import { CollabFanout } from './collab/redis-fanout';
import { CollabServer, type CollabServerOptions } from './collab/server';
import type { Database } from './db/database';
import { EventBus } from './events';
import type { Logger } from './logger';
import type { NodeHandler } from './web-handler';

export interface NodeServerOptions {
  db: Database;
  logger: Logger;
  version: string;
  trustProxy: boolean;
  redisUrl?: string;
  /** The built SvelteKit app; without it only /api and /collab answer. */
  web?: NodeHandler;
  collab?: Pick<CollabServerOptions, 'idleUnloadMs' | 'compactEvery' | 'signInCheckMs'>;
  /** Demo mode: see AppDeps. */
  demo?: boolean;
}

export interface NodeServer {
  server: Server;
  collab: CollabServer;
  history: DocumentHistory;
  events: EventBus;
  /** Stops accepting, stores pending edits and closes sockets; leaves the database open. */
  close(): Promise<void>;
}

/** How often edited documents get a scheduled version. */
const VERSION_INTERVAL_MS = 10 * 60 * 1000;

const isApi = (req: IncomingMessage) => req.url === '/api' || !!req.url?.startsWith('/api/');

/** The one HTTP server: /api to Hono, /collab upgrades to the collaboration server, the rest to the web app. */
export async function createNodeServer(options: NodeServerOptions): Promise<NodeServer> {
  const { db, logger } = options;
  const events = new EventBus();
  const fanout = options.redisUrl ? new CollabFanout(options.redisUrl, logger) : undefined;
  await fanout?.connect();
  const collab = new CollabServer({ db, logger, events, fanout, ...options.collab });
  const history = new DocumentHistory(db, new CollabPersistence(db), (docName) =>
    collab.settle(docName),
  );
  const stopVersions = history.schedule(VERSION_INTERVAL_MS, logger);
  const app = createApp({
    db,
    logger,
    version: options.version,
    trustProxy: options.trustProxy,
    events,
    fanout,
    documents: { edit: (...args) => collab.edit(...args), history },
    demo: options.demo,
  });
  const api = getRequestListener(app.fetch);
  const web = options.web;

  const server = createServer((req, res) => {
    if (isApi(req) || !web) return void api(req, res);
    web(req, res, () => void api(req, res));
  });
  server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));

  return {
    server,
    collab,
    history,
    events,
    async close() {
      const httpClosed = new Promise((done) => server.close(done));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 5000).unref();
      stopVersions();
      await collab.close();
      await fanout?.close();
      await httpClosed;
    },
  };
}
