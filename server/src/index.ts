import type { AddressInfo } from 'node:net';
import { DataDirInUseError } from './db/data-dir-lock';
import { MigrationError, migrate } from './db/migrate';
import { openStorage } from './db/open';
import { ConfigError, loadConfig } from './env';
import { createLogger } from './logger';
import { createNodeServer } from './node-server';
import { version } from './version';
import { issueSetupToken } from './services/setup-link';
import { loadWebHandler } from './web-handler';
import { demoGreeting, seedDemoIfEmpty } from './demo/first-run';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // A last resort: socket, Redis and timer paths handle their own errors. One that slips through
  // is logged, not allowed to end every other person's work on this instance.
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled promise rejection'),
  );
  const db = await openStorage(config);
  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, 'applied database migrations');
  const demo = config.MIZUG_DEMO ? await seedDemoIfEmpty(db, logger) : undefined;

  const web = await loadWebHandler();
  if (!web) logger.warn('the web app is not built (pnpm build); serving the API only');
  const { server, close } = await createNodeServer({
    db,
    logger,
    version,
    trustProxy: config.TRUST_PROXY,
    redisUrl: config.REDIS_URL,
    web,
    demo: config.MIZUG_DEMO,
  });
  const setupToken = await issueSetupToken(db);
  server.listen(config.PORT, config.HOST, () => {
    const { port } = server.address() as AddressInfo;
    if (demo) console.log(demoGreeting(demo, `http://localhost:${port}`));
    if (setupToken) {
      logger.warn(
        { setupUrl: `http://localhost:${port}/setup/${setupToken}` },
        `No admin yet. Open http://localhost:${port}/setup/${setupToken} to create the first one (or run pnpm mizug create-admin).`,
      );
    }
    logger.info(
      {
        port,
        storage: db.kind,
        dataDir: db.kind === 'pglite' ? config.MIZUG_DATA_DIR : undefined,
        version,
      },
      `Mizug is listening on http://localhost:${port}`,
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Every pending edit is stored before the database closes.
    close()
      .catch((error: unknown) => logger.error({ err: error }, 'unclean shutdown'))
      .finally(() => void db.close().finally(() => process.exit(0)));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Expected failures get one clear sentence; anything else keeps its stack for a bug report.
  if (
    error instanceof ConfigError ||
    error instanceof DataDirInUseError ||
    error instanceof MigrationError
  ) {
    console.error(`Mizug could not start: ${error.message}`);
  } else {
    console.error('Mizug could not start:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.stack) console.error(error.stack);
  }
  process.exit(1);
});
