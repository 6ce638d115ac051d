import * as m from '@mizug/i18n/messages';
import type { Locale } from '@mizug/i18n/runtime';
import type { Artefact, ExitCriterion, Participation } from '@mizug/methods';

/** The languages every method text is written in, in the order the editor shows them. */
export const methodLanguages = ['he', 'ar', 'en'] as const satisfies readonly Locale[];

export const languageNames: Record<Locale, () => string> = {
  he: m.methods_language_he,
  ar: m.methods_language_ar,
  en: m.methods_language_en,
};

/** One option of a stage's settings: its plain name and what it means in one line. */
export interface Choice {
  label: () => string;
  explain: () => string;
}

export const participationChoices: Record<Participation, Choice> = {
  everyone: {
    label: m.methods_participation_everyone,
    explain: m.methods_participation_everyone_explain,
  },
  individual: {
    label: m.methods_participation_individual,
    explain: m.methods_participation_individual_explain,
  },
  owner: { label: m.methods_participation_owner, explain: m.methods_participation_owner_explain },
  each_group: {
    label: m.methods_participation_each_group,
    explain: m.methods_participation_each_group_explain,
  },
  representatives: {
    label: m.methods_participation_representatives,
    explain: m.methods_participation_representatives_explain,
  },
  working_group: {
    label: m.methods_participation_working_group,
    explain: m.methods_participation_working_group_explain,
  },
};

export const artefactChoices: Record<Artefact, Choice> = {
  contract: { label: m.methods_artefact_contract, explain: m.methods_artefact_contract_explain },
  canvas: { label: m.methods_artefact_canvas, explain: m.methods_artefact_canvas_explain },
  contributions: {
    label: m.methods_artefact_contributions,
    explain: m.methods_artefact_contributions_explain,
  },
  questions: { label: m.methods_artefact_questions, explain: m.methods_artefact_questions_explain },
  claims: { label: m.methods_artefact_claims, explain: m.methods_artefact_claims_explain },
  responses: { label: m.methods_artefact_responses, explain: m.methods_artefact_responses_explain },
  validation: {
    label: m.methods_artefact_validation,
    explain: m.methods_artefact_validation_explain,
  },
  release: { label: m.methods_artefact_release, explain: m.methods_artefact_release_explain },
  board: { label: m.methods_artefact_board, explain: m.methods_artefact_board_explain },
};

export const exitChoices: Record<ExitCriterion, Choice> = {
  facilitator_closes: {
    label: m.methods_exit_facilitator_closes,
    explain: m.methods_exit_facilitator_closes_explain,
  },
  every_group_validated: {
    label: m.methods_exit_every_group_validated,
    explain: m.methods_exit_every_group_validated_explain,
  },
  every_group_released: {
    label: m.methods_exit_every_group_released,
    explain: m.methods_exit_every_group_released_explain,
  },
  owner_confirmed: {
    label: m.methods_exit_owner_confirmed,
    explain: m.methods_exit_owner_confirmed_explain,
  },
  everyone_accepted_contract: {
    label: m.methods_exit_everyone_accepted_contract,
    explain: m.methods_exit_everyone_accepted_contract_explain,
  },
};
