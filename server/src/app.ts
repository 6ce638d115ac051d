import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps';
import { errorHandler, notFoundHandler } from './http/errors';
import type { AppEnv } from './http/context';
import { signInMiddleware } from './http/sign-in';
import { boardRoutes } from './routes/boards';
import { cardRoutes } from './routes/cards';
import { codeRoutes } from './routes/codes';
import { eventRoutes } from './routes/events';
import { demoRoutes } from './routes/demo';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { initiativeRoutes } from './routes/initiatives';
import { joinRoutes } from './routes/join';
import { myWordsRoutes } from './routes/my-words';
import { signInRoutes } from './routes/sign-in';
import { spaceRoutes } from './routes/spaces';
import { storyPhotoRoutes } from './routes/story-photos';
import { methodSessionRoutes } from './routes/method-sessions';
import { storyRecordingRoutes } from './routes/story-recordings';
import { storyRoutes } from './routes/stories';
import { instanceRoutes } from './routes/instance';

/**
 * The JSON API, mounted under /api. Built without a port so tests can call it directly. Each
 * router is mounted at its prefix and declares its paths relative to it. Body limits are per
 * route: every JSON body is read through `validate('json', …)`, which applies the JSON limit,
 * and uploads set their own.
 */
export function createApp(deps: AppDeps) {
  // Each router file answers under one or two prefixes: what is the initiative's, and its own.
  const stories = storyRoutes(deps);
  const photos = storyPhotoRoutes(deps);
  const recordings = storyRecordingRoutes(deps);
  const sessions = methodSessionRoutes(deps);
  const codes = codeRoutes(deps);
  const cards = cardRoutes(deps);
  const myWords = myWordsRoutes(deps);
  const boards = boardRoutes(deps);
  const app = new Hono<AppEnv>()
    .use(secureHeaders())
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
    // Signing in, setting up and joining are single paths at the API's root: /session, /me, …
    .route('/api', signInRoutes(deps))
    .route('/api', joinRoutes(deps))
    .route('/api/demo', demoRoutes(deps))
    .route('/api/initiatives', initiativeRoutes(deps))
    .route('/api/initiatives', eventRoutes(deps))
    .route('/api/spaces', spaceRoutes(deps))
    .route('/api/initiatives', stories.initiatives)
    .route('/api/stories', stories.stories)
    .route('/api/stories', photos.stories)
    .route('/api/photos', photos.photos)
    .route('/api/stories', recordings.stories)
    .route('/api/recordings', recordings.recordings)
    .route('/api/initiatives', sessions.initiatives)
    .route('/api/sessions', sessions.sessions)
    .route('/api/initiatives', codes.initiatives)
    .route('/api/codes', codes.codes)
    .route('/api/spaces', cards.spaces)
    .route('/api/cards', cards.cards)
    .route('/api/stories', myWords.stories)
    .route('/api/initiatives', myWords.initiatives)
    .route('/api/spaces', boards.spaces)
    .route('/api/boards', boards.boards)
    .route('/api/findings', boards.findings)
    .route('/api/initiatives', boards.initiatives)
    .route('/api/initiatives', exportRoutes(deps));
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
