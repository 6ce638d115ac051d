import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps';
import { AppError } from './errors';
import { errorHandler, notFoundHandler } from './http/errors';
import type { AppEnv } from './http/context';
import { signInMiddleware } from './http/sign-in';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { initiativeRoutes } from './routes/initiatives';
import { joinRoutes } from './routes/join';
import { signInRoutes } from './routes/sign-in';
import { spaceRoutes } from './routes/spaces';
import { storyPhotoRoutes } from './routes/story-photos';
import { methodSessionRoutes } from './routes/method-sessions';
import { storyRecordingRoutes } from './routes/story-recordings';
import { storyRoutes } from './routes/stories';
import { instanceRoutes } from './routes/instance';

/** Largest JSON body the API accepts; uploads get their own routes and limits. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const jsonBodyLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw new AppError('payload_too_large');
  },
});

/** The JSON API, mounted under /api. Built without a port so tests can call it directly. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
    .use(secureHeaders())
    .use(async (c, next) =>
      // Photo and recording uploads carry their own, larger limits (routes/story-*.ts).
      c.req.method === 'POST' && /^\/api\/stories\/[^/]+\/(photos|recordings)$/.test(c.req.path)
        ? next()
        : jsonBodyLimit(c, next),
    )
    .use(async (c, next) => {
      const started = performance.now();
      await next();
      deps.logger.debug(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: performance.now() - started,
        },
        'request',
      );
    })
    .use('/api/*', signInMiddleware(deps.db, deps.trustProxy))
    .route('/api/health', healthRoutes(deps))
    .route('/api/instance', instanceRoutes(deps))
    .route('/api', signInRoutes(deps))
    .route('/api', joinRoutes(deps))
    .route('/api/initiatives', initiativeRoutes(deps))
    .route('/api/spaces', spaceRoutes(deps))
    .route('/api', storyRoutes(deps))
    .route('/api', eventRoutes(deps))
    .route('/api', storyPhotoRoutes(deps))
    .route('/api', storyRecordingRoutes(deps))
    .route('/api', methodSessionRoutes(deps));
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
