import type { AddressInfo } from 'node:net';
import type { StorageKind } from '@mizug/domain';
import type { Database } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/migrate';
import { createLogger } from '../../server/src/logger';
import {
  createNodeServer,
  type NodeServer,
  type NodeServerOptions,
} from '../../server/src/node-server';
import { createTestDatabase } from './databases';

export interface TestServer extends NodeServer {
  db: Database;
  url: string;
  /** Closes the server and its database. */
  stop(): Promise<void>;
}

/** The real HTTP + collaboration server on a free port, over its own test database. */
export async function startTestServer(
  kind: StorageKind,
  options: Partial<NodeServerOptions> & { db?: Database } = {},
): Promise<TestServer> {
  const db = options.db ?? (await createTestDatabase(kind));
  await migrate(db);
  const node = await createNodeServer({
    db,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    version: 'test',
    trustProxy: false,
    ...options,
  });
  await new Promise<void>((resolve) => node.server.listen(0, '127.0.0.1', resolve));
  const { port } = node.server.address() as AddressInfo;
  return {
    ...node,
    db,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await node.close();
      await db.close();
    },
  };
}
