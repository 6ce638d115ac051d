import { transcriptSchema } from '@mizug/domain';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { AppError, errorBody } from '../errors';
import { requestedRange } from '../http/byte-range';
import type { AppEnv } from '../http/context';
import { requestLocale } from '../http/locale';
import { requireAccount } from '../http/sign-in';
import { validate } from '../http/validate';
import { recordingLimits } from '../recordings/check-recording';
import {
  addRecording,
  listStoryRecordings,
  readRecording,
  removeRecording,
  transcribe,
} from '../services/stories/recordings';

const storyParam = z.object({ storyId: z.uuid() });
const recordingParam = z.object({ recordingId: z.uuid() });
const uploadSchema = transcriptSchema.partial().extend({ file: z.instanceof(File) });

/** Voice recordings (a story's, and each under /api/recordings): recorded in the browser, played only to the story's readers. */
export function storyRecordingRoutes({ db, events }: AppDeps) {
  const deps = { db, events };
  return {
    /** Mounted at /api/stories. */
    stories: new Hono<AppEnv>()
      .get('/:storyId/recordings', validate('param', storyParam), async (c) =>
        c.json(await listStoryRecordings(db, requireAccount(c), c.req.valid('param').storyId), 200),
      )
      .post(
        '/:storyId/recordings',
        bodyLimit({
          maxSize: recordingLimits.maxUploadBytes + 64 * 1024,
          onError: () => {
            throw new AppError('recording_too_large');
          },
        }),
        validate('param', storyParam),
        validate('form', uploadSchema),
        async (c) => {
          const { file, transcript } = c.req.valid('form');
          const recording = await addRecording(
            deps,
            requireAccount(c),
            c.req.valid('param').storyId,
            new Uint8Array(await file.arrayBuffer()),
            transcript ?? '',
          );
          return c.json(recording, 201);
        },
      ),
    /** Mounted at /api/recordings. */
    recordings: new Hono<AppEnv>()
      .get('/:recordingId', validate('param', recordingParam), async (c) => {
        const audio = await readRecording(db, requireAccount(c), c.req.valid('param').recordingId);
        const size = audio.bytes.byteLength;
        const headers = {
          'content-type': audio.mime,
          'cache-control': 'private, no-cache',
          'x-content-type-options': 'nosniff',
          'accept-ranges': 'bytes',
        };
        const range = requestedRange(c.req.header('range'), size);
        if (range === null) {
          // The one error body, and the size, so the player can ask again for a range that exists.
          return c.json(errorBody('range_not_satisfiable', requestLocale(c)), 416, {
            'cache-control': 'private, no-cache',
            'accept-ranges': 'bytes',
            'content-range': `bytes */${size}`,
          });
        }
        if (!range) return c.body(new Uint8Array(audio.bytes), 200, headers);
        return c.body(new Uint8Array(audio.bytes.subarray(range.start, range.end + 1)), 206, {
          ...headers,
          'content-range': `bytes ${range.start}-${range.end}/${size}`,
        });
      })
      .put(
        '/:recordingId/transcript',
        validate('param', recordingParam),
        validate('json', transcriptSchema),
        async (c) => {
          const { recordingId } = c.req.valid('param');
          const { transcript } = c.req.valid('json');
          return c.json(await transcribe(deps, requireAccount(c), recordingId, transcript), 200);
        },
      )
      .delete('/:recordingId', validate('param', recordingParam), async (c) => {
        await removeRecording(deps, requireAccount(c), c.req.valid('param').recordingId);
        return c.body(null, 204);
      }),
  };
}
