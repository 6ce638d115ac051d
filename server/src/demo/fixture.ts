import {
  consentSchema,
  displayNameSchema,
  handleSchema,
  localeSchema,
  roleSchema,
  sectorSchema,
} from '@mizug/domain';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { demoScenes } from './pictures';
import authored from '../../../fixtures/demo/loneliness.json';

const key = z.string().min(1);
const localised = z.partialRecord(localeSchema, z.string());
const statementPart = z.union([z.string(), z.object({ card: key })]);

/** The demo initiative as `fixtures/demo/loneliness.json` writes it. */
export const demoFixtureSchema = z.object({
  initiative: z.object({
    name: z.string(),
    problem: z.string(),
    languages: z.array(localeSchema),
    academicsSpace: z.string(),
  }),
  passphrase: z.string().min(10),
  people: z.array(
    z.object({
      key,
      handle: handleSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      sector: sectorSchema,
      space: z.enum(['lived_experience', 'practitioners', 'academics']).nullable(),
      workingGroup: z.boolean(),
    }),
  ),
  stories: z.array(
    z.object({
      key,
      teller: key,
      title: z.string(),
      language: z.string(),
      tags: z.array(z.string()),
      paragraphs: z.array(z.string()).min(1),
      consent: consentSchema,
      withdrawn: z.boolean().optional(),
      photos: z
        .array(z.object({ scene: z.enum(demoScenes), caption: z.string(), alt: z.string() }))
        .optional(),
      /** A voice recording kept next to the fixture, with what it says. */
      recording: z.object({ file: z.string(), transcript: z.string() }).optional(),
    }),
  ),
  codes: z.array(
    z.object({
      key,
      parent: key.optional(),
      name: localised,
      description: localised.optional(),
      colour: z.string(),
    }),
  ),
  cards: z.array(z.object({ key, story: key, quote: z.string(), codes: z.array(key) })),
  board: z.object({
    title: z.string(),
    findings: z.array(
      z.object({
        title: z.string(),
        cards: z.array(key),
        statement: z.array(statementPart),
        state: z.enum(['draft', 'returned', 'changes', 'final']),
        changesComment: z.string().optional(),
        disagreement: z
          .object({ space: z.enum(['lived_experience', 'practitioners']), position: z.string() })
          .optional(),
      }),
    ),
    unplaced: z.array(key),
  }),
  /** A Learning from Success session half way: the stages done so far, the last one open. */
  learningFromSuccess: z.object({
    title: z.string(),
    owner: key,
    stages: z.array(
      z.object({
        id: z.string(),
        /** What the owner writes on the stage's canvas. */
        text: z.string().optional(),
        /** The circle's clarifying questions and the owner's answers. */
        questions: z
          .array(z.object({ by: key, question: z.string(), answer: z.string() }))
          .optional(),
        /** Left open, where the session stands now. */
        open: z.boolean().optional(),
      }),
    ),
  }),
});
export type DemoFixture = z.infer<typeof demoFixtureSchema>;
export type DemoPerson = DemoFixture['people'][number];

export const demoFixture: DemoFixture = demoFixtureSchema.parse(authored);

/**
 * A file kept next to the fixture (a recording), found from wherever this code runs: the
 * sources under server/src or the bundle in server/dist.
 */
export function fixtureFile(name: string): string {
  for (
    let dir = dirname(fileURLToPath(import.meta.url));
    dir !== dirname(dir);
    dir = dirname(dir)
  ) {
    const candidate = join(dir, 'fixtures', 'demo', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`The demo's file fixtures/demo/${name} is missing.`);
}
