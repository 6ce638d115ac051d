import { z } from 'zod';

import { plainText, storableText } from './text';

/** Who may read a story, as the teller chooses it. */
export const storyAudiences = ['only_me', 'peer_group', 'working_group'] as const;
export const storyAudienceSchema = z.enum(storyAudiences);
export type StoryAudience = z.infer<typeof storyAudienceSchema>;

/** May it be quoted in exports and publications. */
export const quotingChoices = ['yes', 'ask_first', 'no'] as const;
export const quotingSchema = z.enum(quotingChoices);
export type Quoting = z.infer<typeof quotingSchema>;

export const pseudonymSchema = storableText(z.string().trim().min(1).max(60));

/**
 * How the teller is credited. A pseudonym is required exactly when it is chosen, so the union
 * makes the missing one a field error on `pseudonym`.
 */
export const creditSchema = z.discriminatedUnion('credit', [
  z.object({ credit: z.literal('name') }),
  z.object({ credit: z.literal('pseudonym'), pseudonym: pseudonymSchema }),
  z.object({ credit: z.literal('anonymous') }),
]);
export type Credit = z.infer<typeof creditSchema>['credit'];

/** The teller's three decisions about a story (or one of its photos), changeable at any time. */
export const consentSchema = z.intersection(
  z.object({ audience: storyAudienceSchema, quoting: quotingSchema }),
  creditSchema,
);
export type Consent = z.infer<typeof consentSchema>;

/** Until the teller decides: private, anonymous, not quoted. */
export const defaultConsent: Consent = { audience: 'only_me', credit: 'anonymous', quoting: 'no' };

/** A BCP 47 language tag (`he`, `ar`, `en`, `ru`, `am`, `pt-BR`…): stories come in any language. */
export const languageTagSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);

/** A tag the teller chooses; plain words in any script, no markup. */
export const storyTagSchema = plainText(z.string().trim().min(1).max(40));

export const storyTitleSchema = plainText(z.string().trim().min(1).max(140));

export const newStorySchema = z.object({
  /** The teller's peer space, where the story is written. */
  spaceId: z.uuid(),
  title: storyTitleSchema,
  language: languageTagSchema,
  tags: z.array(storyTagSchema).max(12).default([]),
});
export type NewStory = z.infer<typeof newStorySchema>;

/** Finding stories: words from the title, tags or text; only stories the reader may read. */
export const storySearchSchema = z.object({
  q: storableText(z.string().trim().max(100)).optional(),
});

export const storyChangeSchema = newStorySchema.omit({ spaceId: true }).partial();
export type StoryChange = z.infer<typeof storyChangeSchema>;

/** How a story is credited to someone reading it: the teller's name, a pseudonym, or nobody. */
export const bylineSchema = z.object({
  credit: z.enum(['name', 'pseudonym', 'anonymous']),
  name: z.string().nullable(),
});
export type Byline = z.infer<typeof bylineSchema>;

/** A story as its reader sees it. Only the teller and supporters learn who the teller is. */
export const storySchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  spaceId: z.uuid(),
  title: z.string(),
  language: z.string(),
  tags: z.array(z.string()),
  byline: bylineSchema,
  quoting: quotingSchema,
  /** Set while the teller has withdrawn it; then only the teller reads it. */
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The collaborative document of its body. */
  bodyDoc: z.string(),
  isMine: z.boolean(),
  canWrite: z.boolean(),
  /** The teller's own view: consent and supporters; null for everyone else. */
  teller: z
    .object({
      consent: consentSchema,
      supporters: z.array(z.object({ accountId: z.uuid(), displayName: z.string() })),
    })
    .nullable(),
});
export type Story = z.infer<typeof storySchema>;

export const supporterSchema = z.object({ accountId: z.uuid() });

export const storyBodyDocName = (storyId: string) => `story.${storyId}.body`;

/** What the teller says about a photo, in their own words. */
export const photoTextSchema = z.object({
  caption: plainText(z.string().trim().max(500)).default(''),
  /** Describes the picture for people who cannot see it. */
  alt: plainText(z.string().trim().min(1).max(300)),
});
export type PhotoText = z.infer<typeof photoTextSchema>;

/**
 * A photo attached to a story; its bytes come from `url`, which checks the reader's access. Its
 * consent is the story's unless the teller set one for the photo, and it never reaches further
 * than the story does.
 */
export const photoSchema = z.object({
  id: z.uuid(),
  storyId: z.uuid(),
  caption: z.string(),
  alt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
  byline: bylineSchema,
  quoting: quotingSchema,
  createdAt: z.iso.datetime({ offset: true }),
  /** The teller's own view: this photo's consent, or null when it follows the story's. */
  teller: z.object({ consent: consentSchema.nullable() }).nullable(),
});
export type Photo = z.infer<typeof photoSchema>;

/** A photo's own consent, or null to follow the story's again. */
export const photoConsentSchema = z.object({ consent: consentSchema.nullable() });

const audienceReach: Record<StoryAudience, number> = {
  only_me: 0,
  peer_group: 1,
  working_group: 2,
};

/** The narrower of two audiences: a photo never reaches further than its story. */
export const narrowerAudience = (a: StoryAudience, b: StoryAudience): StoryAudience =>
  audienceReach[a] <= audienceReach[b] ? a : b;

/** An earlier version of a story's body, with who wrote between it and the one before. */
export const storyVersionSchema = z.object({
  id: z.uuid(),
  takenAt: z.iso.datetime({ offset: true }),
  reason: z.enum(['scheduled', 'manual', 'before_restore']),
  takenBy: z.object({ accountId: z.uuid(), displayName: z.string() }).nullable(),
  contributors: z.array(z.object({ accountId: z.uuid(), displayName: z.string() })),
  /** The version's text, one line per paragraph, for reading before restoring. */
  text: z.string(),
});
export type StoryVersion = z.infer<typeof storyVersionSchema>;

/** What was said in a recording, typed by the teller or a supporter. */
export const transcriptSchema = z.object({
  transcript: plainText(z.string().trim().max(20_000)),
});

/** A short voice recording in a story; its audio comes from `url`, for the story's readers. */
export const recordingSchema = z.object({
  id: z.uuid(),
  storyId: z.uuid(),
  mime: z.enum(['audio/webm', 'audio/ogg', 'audio/mp4']),
  transcript: z.string(),
  url: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Recording = z.infer<typeof recordingSchema>;
