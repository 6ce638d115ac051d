import { photoConsentSchema, photoTextSchema } from '@mizug/domain';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { AppEnv } from '../http/context';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { photoLimits } from '../photos/sanitize-photo';
import {
  addPhoto,
  changePhotoConsent,
  listStoryPhotos,
  readPhoto,
  removePhoto,
} from '../services/stories/photos';

/** Room for the form fields around the largest photo. */
export const MAX_PHOTO_BODY_BYTES = photoLimits.maxUploadBytes + 64 * 1024;

const uploadSchema = photoTextSchema.extend({
  file: z.instanceof(File),
});

/** Photovoice (a story's photos, and each photo under /api/photos): uploads as multipart forms, bytes served only to the story's readers. */
export function storyPhotoRoutes({ db, events }: AppDeps) {
  const deps = { db, events };
  return {
    /** Mounted at /api/stories. */
    stories: new Hono<AppEnv>()
      .get('/:storyId/photos', validate('param', z.object({ storyId: z.uuid() })), async (c) =>
        c.json(await listStoryPhotos(db, requireAccount(c), c.req.valid('param').storyId), 200),
      )
      .post(
        '/:storyId/photos',
        bodyLimit({
          maxSize: MAX_PHOTO_BODY_BYTES,
          onError: () => {
            throw new AppError('photo_too_large');
          },
        }),
        validate('param', z.object({ storyId: z.uuid() })),
        validate('form', uploadSchema),
        async (c) => {
          const { file, ...text } = c.req.valid('form');
          const upload = new Uint8Array(await file.arrayBuffer());
          const photo = await addPhoto(
            deps,
            requireAccount(c),
            c.req.valid('param').storyId,
            upload,
            text,
          );
          return c.json(photo, 201);
        },
      ),
    /** Mounted at /api/photos. */
    photos: new Hono<AppEnv>()
      .get('/:photoId', validate('param', z.object({ photoId: z.uuid() })), async (c) => {
        const photo = await readPhoto(db, requireAccount(c), c.req.valid('param').photoId);
        return c.body(new Uint8Array(photo.bytes), 200, {
          'content-type': photo.mime,
          // Private: a shared cache must never hand one reader's photo to another.
          'cache-control': 'private, no-cache',
          etag: `"${photo.sha256}"`,
          'x-content-type-options': 'nosniff',
        });
      })
      .put(
        '/:photoId/consent',
        validate('param', z.object({ photoId: z.uuid() })),
        validate('json', photoConsentSchema),
        async (c) => {
          const photo = await changePhotoConsent(
            deps,
            requireAccount(c),
            c.req.valid('param').photoId,
            c.req.valid('json').consent,
          );
          return c.json(photo, 200);
        },
      )
      .delete('/:photoId', validate('param', z.object({ photoId: z.uuid() })), async (c) => {
        await removePhoto(deps, requireAccount(c), c.req.valid('param').photoId);
        return c.body(null, 204);
      }),
  };
}
