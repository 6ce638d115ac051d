import { randomUUID } from 'node:crypto';
import { apiErrorSchema, type TextRule } from '@mizug/domain';
import { builtinMethods } from '@mizug/methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../packages/i18n/messages/ar.json';
import en from '../packages/i18n/messages/en.json';
import he from '../packages/i18n/messages/he.json';
import {
  adminInDatabase,
  inviteFacilitator,
  seedInitiative,
  type SeededInitiative,
} from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { testStorages } from './support/databases';
import { startTestServer, type TestServer } from './support/test-server';

const catalogs = { he, ar, en } as const;
type Locale = keyof typeof catalogs;
const locales = Object.keys(catalogs) as Locale[];

/** What hostile text looks like, each with the rule that refuses it. */
const hostile: { name: string; text: string; rule: TextRule }[] = [
  { name: 'NUL', text: 'כותרת\u0000', rule: 'text_control' },
  { name: 'a lone surrogate', text: 'عنوان \ud83d', rule: 'text_broken_character' },
  { name: 'a direction override', text: '\u202eTitle', rule: 'text_direction_override' },
];

type Body = Record<string, unknown>;
interface TextCase {
  /** The request and the field, e.g. `POST /api/join displayName`. */
  name: string;
  method: string;
  path: () => string;
  /** A valid request with `text` in the field. */
  body: (text: string) => Body;
  field: string;
  /** Sent as a multipart form (where a lone surrogate cannot even be encoded). */
  form?: boolean;
  /** The code of the refusal when it is not `validation_failed`. */
  code?: string;
}

describe.each(testStorages)('hostile text over %s', (kind) => {
  let server: TestServer;
  let seed: SeededInitiative;
  let storyId: string;
  let methodEntry: { ref: string; definition: Body };
  let facilitator: Person;

  beforeAll(async () => {
    server = await startTestServer(kind);
    seed = await seedInitiative(overHttp(server.url), adminInDatabase(server.db));
    const story = await seed.people.ebe.post(`/api/initiatives/${seed.initiativeId}/stories`, {
      spaceId: seed.spaces.lived_experience,
      title: 'סיפור',
      language: 'he',
    });
    storyId = ((await story.json()) as { id: string }).id;
    facilitator = await inviteFacilitator(overHttp(server.url), seed);
    const adapted = await facilitator.post(`/api/initiatives/${seed.initiativeId}/methods`, {
      from: builtinMethods[0]!.id,
    });
    expect(adapted.status).toBe(201);
    methodEntry = (await adapted.json()) as typeof methodEntry;
  });
  afterAll(async () => {
    await server.stop();
  });

  const initiative = () => `/api/initiatives/${seed.initiativeId}`;
  const stage = (action: string) => () => `/api/sessions/${randomUUID()}/stages/MK-1/${action}`;
  const cases = (): TextCase[] => {
    const json = (
      method: string,
      path: () => string,
      body: (text: string) => Body,
      fields: string[],
    ): TextCase[] =>
      fields.map((field) => ({
        name: `${method} ${path().replace(/[0-9a-f-]{36}/g, ':id')} ${field}`,
        method,
        path,
        field,
        body: (text) => body(text),
      }));
    const set = (fields: Body, field: string, text: string): Body => {
      const [name, index] = field.split('.');
      return index === undefined ? { ...fields, [name!]: text } : { ...fields, [name!]: [text] };
    };
    const withField = (valid: Body) => (field: string) => (text: string) => set(valid, field, text);
    const each = (method: string, path: () => string, valid: Body, fields: string[]) =>
      fields.flatMap((field) => json(method, path, withField(valid)(field), [field]));

    const newInitiative = { name: 'x', problem: 'y', languages: ['he'], extraPeerSpaces: ['z'] };
    const newStory = {
      spaceId: seed.spaces.lived_experience,
      title: 't',
      language: 'he',
      tags: ['a'],
    };
    const pseudonymous = { audience: 'only_me', credit: 'pseudonym', quoting: 'no' };
    const terms = { confidentiality: 'a', quoting: 'b', leaving: 'c' };
    const session = {
      methodId: builtinMethods[0]!.id,
      title: 't',
      groups: [{ spaceId: seed.spaces.lived_experience }],
    };
    const withPrompt = (text: string) => {
      const definition = structuredClone(methodEntry.definition) as {
        stages: { prompts: Record<string, string>[] }[];
      };
      definition.stages[0]!.prompts[0]!.ar = text;
      return definition as unknown as Body;
    };
    return [
      ...each('POST', () => '/api/initiatives', newInitiative, [
        'name',
        'problem',
        'extraPeerSpaces.0',
      ]),
      ...each('POST', () => `${initiative()}/stories`, newStory, ['title', 'tags.0']),
      ...each('PATCH', () => `/api/stories/${storyId}`, { title: 't' }, ['title', 'tags.0']),
      ...each('PUT', () => `/api/stories/${storyId}/consent`, pseudonymous, ['pseudonym']),
      ...json(
        'PUT',
        () => `/api/photos/${randomUUID()}/consent`,
        (text) => ({ consent: { ...pseudonymous, pseudonym: text } }),
        ['consent.pseudonym'],
      ),
      ...each('PUT', () => `/api/recordings/${randomUUID()}/transcript`, {}, ['transcript']),
      ...each(
        'POST',
        () => '/api/join',
        { code: 'K7QM3-XPD9A', handle: 'someone', passphrase: 'a long passphrase' },
        ['displayName'],
      ),
      ...each(
        'POST',
        () => '/api/setup',
        { token: 't', handle: 'someone', passphrase: 'a long passphrase' },
        ['displayName'],
      ),
      ...each('POST', () => `${initiative()}/sessions`, session, ['title', 'methodId']),
      ...each('POST', () => `${initiative()}/methods`, {}, ['from']),
      ...each('POST', stage('close'), {}, ['overrideReason']),
      ...each('POST', stage('validations'), { spaceId: randomUUID(), decision: 'changes' }, [
        'comment',
      ]),
      ...each('POST', stage('contributions'), {}, ['body']),
      ...each('PUT', () => `/api/sessions/${randomUUID()}/contract`, terms, [
        'confidentiality',
        'quoting',
        'leaving',
      ]),
      ...json(
        'POST',
        () => `${initiative()}/codes`,
        (text) => ({ name: { he: text }, colour: '#000000' }),
        ['name.he'],
      ),
      ...json(
        'POST',
        () => `${initiative()}/codes`,
        (text) => ({ name: { he: 'n' }, description: { en: text }, colour: '#000000' }),
        ['description.en'],
      ),
      ...json(
        'PATCH',
        () => `/api/codes/${randomUUID()}`,
        (text) => ({ name: { he: text } }),
        ['name.he'],
      ),
      ...json(
        'POST',
        () => `/api/spaces/${seed.spaces.synthesis}/cards`,
        (text) => ({ source: { kind: 'story', id: storyId }, quote: text }),
        ['quote'],
      ),
      {
        ...json('PUT', () => `${initiative()}/methods/${methodEntry.ref}`, withPrompt, [
          'stages.0.prompts.0.ar',
        ])[0]!,
        code: 'method_invalid',
      },
      ...['alt', 'caption'].map((field) => ({
        name: `POST /api/stories/:id/photos ${field} (multipart)`,
        method: 'POST',
        path: () => `/api/stories/${storyId}/photos`,
        body: (text: string) => ({ alt: 'a', caption: 'c', [field]: text }),
        field,
        form: true,
      })),
      {
        name: 'POST /api/stories/:id/recordings transcript (multipart)',
        method: 'POST',
        path: () => `/api/stories/${storyId}/recordings`,
        body: (text: string) => ({ transcript: text }),
        field: 'transcript',
        form: true,
      },
    ];
  };

  function send(who: Person, request: TextCase, text: string, locale: Locale) {
    const headers = { 'accept-language': locale };
    if (!request.form) return who.call(request.method, request.path(), request.body(text), headers);
    const form = new FormData();
    for (const [name, value] of Object.entries(request.body(text))) form.set(name, String(value));
    form.set('file', new Blob([new Uint8Array([1, 2, 3])]), 'file.bin');
    return fetch(`${server.url}${request.path()}`, {
      method: request.method,
      headers: { ...headers, cookie: who.sessionCookie, 'x-csrf-token': who.csrfToken },
      body: form,
    });
  }

  it('refuses every text field holding NUL, a lone surrogate or an override with 400 and a translated field error', async () => {
    let round = 0;
    const failures: string[] = [];
    for (const request of cases()) {
      for (const { name, text, rule } of hostile) {
        // A multipart form is UTF-8: half a surrogate pair cannot be sent in one at all.
        if (request.form && rule === 'text_broken_character') continue;
        const locale = locales[round++ % locales.length]!;
        const path = request.path();
        const who = path.includes('/methods')
          ? facilitator
          : /^\/api\/(stories|photos|recordings)/.test(path)
            ? seed.people.ebe
            : seed.admin;
        const response = await send(who, request, text, locale);
        const expected = catalogs[locale][`error_${rule}`];
        const body = await response.text();
        const error = response.status === 400 ? apiErrorSchema.parse(JSON.parse(body)).error : null;
        if (
          error?.code !== (request.code ?? 'validation_failed') ||
          error.fields?.[request.field] !== expected
        )
          failures.push(`${request.name} with ${name}: ${response.status} ${body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('stores nothing hostile: the story keeps its title', async () => {
    const story = (await (await seed.people.ebe.get(`/api/stories/${storyId}`)).json()) as {
      title: string;
    };
    expect(story.title).toBe('סיפור');
  });

  it('still takes line breaks, marks and isolates that Hebrew and Arabic need', async () => {
    const response = await seed.people.ebe.call('PATCH', `/api/stories/${storyId}`, {
      title: '\u2067Dana\u2069 \u200fסיפור\u200e مرحبا\u061c',
    });
    expect(response.status).toBe(200);
    const form = new FormData();
    form.set('transcript', 'שורה\r\nשורה');
    form.set('file', new Blob(['not audio']), 'voice.webm');
    const upload = await fetch(`${server.url}/api/stories/${storyId}/recordings`, {
      method: 'POST',
      headers: { cookie: seed.people.ebe.sessionCookie, 'x-csrf-token': seed.people.ebe.csrfToken },
      body: form,
    });
    // Past validation (a form's CRLF is a line break), refused only for not being audio.
    expect(apiErrorSchema.parse(await upload.json()).error.code).toBe('recording_not_audio');
  });
});
