import { apiErrorSchema, healthSchema, instanceSchema } from '@mizug/domain';
import { testClient } from 'hono/testing';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, testStorages } from '../../tests/support/databases';
import { createApp } from './app';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { EventBus } from './events';
import { MAX_JSON_BODY_BYTES, validate } from './http/validate';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe.each(testStorages)('API on %s', (kind) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let lines: Record<string, unknown>[];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await migrate(db);
    const captured = capturingLogger();
    lines = captured.lines;
    // Routes that exist only here exercise the error paths no foundation route has yet.
    app = createApp({
      db,
      logger: captured.logger,
      version: '9.9.9-test',
      trustProxy: false,
      events: new EventBus(),
    });
    app.post(
      '/api/test/echo',
      validate('json', z.object({ name: z.string().min(2), age: z.number() })),
      (c) => c.json(c.req.valid('json'), 200),
    );
    app.post('/api/test/upload', validate('form', z.object({ file: z.instanceof(File) })), (c) =>
      c.json({ size: c.req.valid('form').file.size }, 200),
    );
    app.get('/api/test/crash', () => {
      throw new Error('secret detail at /srv/internal.ts:42');
    });
  });
  afterAll(async () => {
    await db.close();
  });

  describe('GET /api/health', () => {
    it('reports ok, the storage engine and the version', async () => {
      const response = await testClient(app).api.health.$get();
      expect(response.status).toBe(200);
      expect(healthSchema.parse(await response.json())).toEqual({
        status: 'ok',
        storage: kind,
        version: '9.9.9-test',
      });
    });
  });

  describe('GET /api/instance', () => {
    it('answers the same installation id every time', async () => {
      const first = instanceSchema.parse(await (await testClient(app).api.instance.$get()).json());
      const second = instanceSchema.parse(await (await testClient(app).api.instance.$get()).json());
      expect(second.id).toBe(first.id);
    });
  });

  describe('errors', () => {
    it('answers an unknown route with a JSON 404 in the language of Accept-Language', async () => {
      const response = await app.request('/api/no-such-thing', {
        headers: { 'accept-language': 'he-IL,he;q=0.9,en;q=0.5' },
      });
      expect(response.status).toBe(404);
      expect(apiErrorSchema.parse(await response.json())).toEqual({
        error: { code: 'not_found', message: 'לא נמצא דבר בכתובת הזאת.' },
      });
    });

    it('prefers the language the person chose in the web app over the browser language', async () => {
      const response = await app.request('/api/no-such-thing', {
        headers: { cookie: 'PARAGLIDE_LOCALE=ar', 'accept-language': 'en' },
      });
      expect(apiErrorSchema.parse(await response.json()).error.message).toBe(
        'لم يُعثر على شيء في هذا العنوان.',
      );
    });

    it('refuses invalid input with 400 and a translated message per field path', async () => {
      const response = await app.request('/api/test/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'he' },
        body: JSON.stringify({ name: 'x', age: 'old' }),
      });
      expect(response.status).toBe(400);
      const { error } = apiErrorSchema.parse(await response.json());
      expect(error.code).toBe('validation_failed');
      expect(error.message).toBe('חלק מהמידע שנשלח אינו תקין. בדקו את השדות המסומנים.');
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(['age', 'name']);
      expect(error.fields?.name).toMatch(/[\u0590-\u05FF]/);
    });

    it('accepts the same route with valid input', async () => {
      const response = await app.request('/api/test/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Dana', age: 41 }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ name: 'Dana', age: 41 });
    });

    it('answers a body that is not JSON with malformed_json', async () => {
      const response = await app.request('/api/test/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": ',
      });
      expect(response.status).toBe(400);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe('malformed_json');
    });

    it('answers a broken multipart upload with malformed_upload, in the caller’s language', async () => {
      const response = await app.request('/api/test/upload', {
        method: 'POST',
        headers: {
          'content-type': 'multipart/form-data; boundary=cut',
          'accept-language': 'he',
        },
        // The form stops in the middle of its file part: no closing boundary ever comes.
        body: '--cut\r\nContent-Disposition: form-data; name="file"; filename="voice.webm"\r\n\r\nOgg',
      });
      expect(response.status).toBe(400);
      expect(apiErrorSchema.parse(await response.json()).error).toEqual({
        code: 'malformed_upload',
        message:
          'לא ניתן היה לקרוא את ההעלאה: הקובץ או הטופס הגיעו פגומים. בחרו את הקובץ ושלחו אותו שוב.',
      });
    });

    it('refuses a body over the size limit with 413', async () => {
      const response = await app.request('/api/test/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(MAX_JSON_BODY_BYTES), age: 1 }),
      });
      expect(response.status).toBe(413);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe('payload_too_large');
    });

    it('hides an unexpected failure from the client and logs it as one structured line', async () => {
      const response = await app.request('/api/test/crash');
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('secret detail');
      expect(JSON.parse(text).error.code).toBe('internal');
      const logged = lines.find((line) => line.path === '/api/test/crash');
      expect(logged).toMatchObject({ level: 50, method: 'GET' });
      expect(JSON.stringify(logged)).toContain('secret detail');
    });
  });
});

describe('GET /api/health when the database is gone', () => {
  it('answers 503 unavailable', async () => {
    const db = await createTestDatabase('pglite');
    await migrate(db);
    const app = createApp({
      db,
      logger: pino({ level: 'silent' }),
      version: 'x',
      events: new EventBus(),
      trustProxy: false,
    });
    await db.close();
    const response = await testClient(app).api.health.$get();
    expect(response.status).toBe(503);
    expect(apiErrorSchema.parse(await response.json()).error.code).toBe('unavailable');
  });
});
