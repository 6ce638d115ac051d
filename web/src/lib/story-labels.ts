import {
  bylineSchema,
  type Byline,
  type Credit,
  type Quoting,
  type StoryAudience,
} from '@mizug/domain';
import * as m from '@mizug/i18n/messages';
import type { Locale } from '@mizug/i18n/runtime';

/** The teller's choices in plain words, as the consent panel offers them. */
export const audienceLabels: Record<StoryAudience, () => string> = {
  only_me: m.story_audience_only_me,
  peer_group: m.story_audience_peer_group,
  working_group: m.story_audience_working_group,
};

/** Who can read a story now, as one sentence for the teller. */
export const audienceNow: Record<StoryAudience, () => string> = {
  only_me: m.story_audience_now_only_me,
  peer_group: m.story_audience_now_peer_group,
  working_group: m.story_audience_now_working_group,
};

/** The ways a teller can be credited, in the order the consent panel offers them. */
export const creditChoices: readonly Credit[] = bylineSchema.shape.credit.options;

export const creditLabels: Record<Credit, () => string> = {
  name: m.story_credit_name,
  pseudonym: m.story_credit_pseudonym,
  anonymous: m.story_credit_anonymous,
};

export const quotingLabels: Record<Quoting, () => string> = {
  yes: m.story_quoting_yes,
  ask_first: m.story_quoting_ask_first,
  no: m.story_quoting_no,
};

/** The languages a story can be told in from the menu; the value is its BCP 47 tag. */
export const storyLanguageNames: Record<Locale, () => string> = {
  he: m.language_he,
  ar: m.language_ar,
  en: m.language_en,
};

/** Whom readers see as the teller: a name or pseudonym (written by a person), or "Anonymous". */
export const bylineName = (byline: Byline) => byline.name ?? m.story_anonymous();
