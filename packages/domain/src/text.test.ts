import * as methods from '@mizug/methods';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from './index';
import { storableText, storableTextCheck, textRefusal } from './text';

/** What the server answers with: shapes of responses, never parsed from what people send. */
const responseSchemas = new Set([
  'accountSchema',
  'apiErrorSchema',
  'auditEntrySchema',
  'boardSchema',
  'disagreementSchema',
  'findingSchema',
  'groupDecisionSchema',
  'voiceBalanceSchema',
  'bylineSchema',
  'cardCreditSchema',
  'codebookSchema',
  'codeNodeSchema',
  'codeSchema',
  'createdInvitationSchema',
  'healthSchema',
  'initiativeHomeSchema',
  'initiativeSummarySchema',
  'insightCardSchema',
  'instanceSchema',
  'invitationSchema',
  'membershipSchema',
  'meSchema',
  'creditBlockSchema',
  'myWordsSchema',
  'quoteContextSchema',
  'storyUsesSchema',
  'wordUseCardSchema',
  'wordUseFindingSchema',
  'finalQuoteApprovalSchema',
  'photoSchema',
  'recordingSchema',
  'spaceChangeSchema',
  'spaceSchema',
  'storySchema',
  'storyVersionSchema',
]);
/** Secrets are only hashed or compared, never stored or shown as text: any character may be in one. */
const secretFields = /(^|\.)(passphrase|token)(Schema)?$/;

type Def = Record<string, unknown> & { type: string; check?: string };
const defOf = (schema: { _zod: { def: unknown } }) => schema._zod.def as Def;

/** Every string a schema reads, with its dotted path (`stages.0.title.he`). */
function* stringFields(schema: z.core.$ZodType, path: string): Generator<[string, z.ZodString]> {
  const def = defOf(schema);
  const walk = (inner: unknown, at = path) => stringFields(inner as z.core.$ZodType, at);
  switch (def.type) {
    case 'string':
      yield [path, schema as z.ZodString];
      break;
    case 'object':
      for (const [key, field] of Object.entries(def.shape as object))
        yield* walk(field, `${path}.${key}`);
      break;
    case 'array':
      yield* walk(def.element, `${path}.0`);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      yield* walk(def.innerType);
      break;
    case 'pipe':
      // What a pipe finally accepts is decided by its output, unless that is a transform.
      yield* walk(defOf(def.out as z.core.$ZodType).type === 'transform' ? def.in : def.out);
      break;
    case 'union':
      for (const option of def.options as unknown[]) yield* walk(option);
      break;
    case 'intersection':
      yield* walk(def.left);
      yield* walk(def.right);
      break;
    case 'record':
      yield* walk(def.valueType, `${path}.*`);
      break;
    case 'lazy':
      yield* walk((def.getter as () => unknown)());
      break;
  }
}

const checksOf = (field: z.ZodString) =>
  (defOf(field).checks as z.core.$ZodCheck[] | undefined) ?? [];
/** A pattern or a format (uuid, email, date) already refuses every character outside it. */
const hasPattern = (field: z.ZodString) =>
  'format' in defOf(field) ||
  checksOf(field).some((check) => defOf(check).check === 'string_format');

const inputSchemas = Object.entries({ ...domain, ...methods } as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodType] =>
    entry[1] instanceof z.ZodType && !responseSchemas.has(entry[0]),
);
const textFields = inputSchemas.flatMap(([name, schema]) =>
  [...stringFields(schema, name)].filter(
    ([path, field]) => !hasPattern(field) && !secretFields.test(path),
  ),
);

describe('text fields', () => {
  it('are found in the schemas (the walk itself works)', () => {
    const paths = textFields.map(([path]) => path);
    for (const expected of [
      'newStorySchema.title',
      'newStorySchema.tags.0',
      'creditSchema.pseudonym',
      'newInitiativeSchema.problem',
      'newInitiativeSchema.extraPeerSpaces.0',
      'photoTextSchema.alt',
      'transcriptSchema.transcript',
      'contractTermsSchema.leaving',
      'startSessionSchema.title',
      'joinSchema.displayName',
      'newCodeSchema.name.he',
      'newCodeSchema.description.ar',
      'codeChangeSchema.name.en',
      'methodDefinitionSchema.stages.0.prompts.0.ar',
    ])
      expect(paths).toContain(expected);
  });

  it('every one of them carries the storable-text check: use storableText() or plainText()', () => {
    const unchecked = textFields
      .filter(([, field]) => !checksOf(field).includes(storableTextCheck))
      .map(([path]) => path);
    expect(unchecked).toEqual([]);
  });

  it.each(textFields.map(([path, field]) => ({ path, field })))(
    '$path refuses NUL, a lone surrogate and a direction override',
    ({ field }) => {
      for (const [hostile, rule] of [
        ['שלום\u0000', 'text_control'],
        ['שלום\ud83d', 'text_broken_character'],
        ['\u202eשלום', 'text_direction_override'],
      ]) {
        const issues = field.safeParse(hostile).error?.issues ?? [];
        expect(
          issues.map((issue) => (issue as { params?: { rule?: string } }).params?.rule),
        ).toContain(rule);
      }
    },
  );
});

describe('textRefusal', () => {
  it('refuses control characters other than tab and line feed', () => {
    for (const char of ['\u0000', '\u0001', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085'])
      expect(textRefusal(`a${char}b`), JSON.stringify(char)).toBe('text_control');
    expect(textRefusal('a\tb\nc')).toBeNull();
  });

  it('refuses half of a surrogate pair, and keeps whole ones', () => {
    expect(textRefusal('\ud83d')).toBe('text_broken_character');
    expect(textRefusal('x\ude00y')).toBe('text_broken_character');
    expect(textRefusal('\ud83d\ude00 🌱')).toBeNull();
  });

  it('refuses embeddings and overrides, and keeps the marks and isolates Hebrew and Arabic need', () => {
    for (const char of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e'])
      expect(textRefusal(`abc${char}`)).toBe('text_direction_override');
    expect(textRefusal('שם: \u2067Dana\u2069 \u200f')).toBeNull();
    expect(textRefusal('\u200eمرحبا\u061c \u2066x\u2069\u2068y\u2069')).toBeNull();
  });
});

describe('storableText', () => {
  const field = storableText(z.string().trim().min(1).max(20));

  it('stores line breaks as line feeds, so a form’s CRLF is not refused', () => {
    expect(field.parse(' one\r\ntwo\rthree ')).toBe('one\ntwo\nthree');
  });
});
