import {
  consentSchema,
  displayNameSchema,
  handleSchema,
  localeSchema,
  roleSchema,
  sectorSchema,
} from '@mizug/domain';
import { z } from 'zod';
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
});
export type DemoFixture = z.infer<typeof demoFixtureSchema>;
export type DemoPerson = DemoFixture['people'][number];

export const demoFixture: DemoFixture = demoFixtureSchema.parse(authored);
