import type {
  DependencyRelation,
  SessionContribution,
  SessionView,
  StageStatus,
  WriteRefusal,
} from '@mizug/domain';
import * as m from '@mizug/i18n/messages';

/** Translated words for a session's states and choices. */
export const stageStatusLabels: Record<StageStatus, () => string> = {
  not_started: m.stage_status_not_started,
  open: m.stage_status_open,
  closed: m.stage_status_closed,
};

export const relationLabels: Record<DependencyRelation, () => string> = {
  client_caseworker: m.contract_relation_client_caseworker,
  employee_employer: m.contract_relation_employee_employer,
  tenant_landlord: m.contract_relation_tenant_landlord,
  family: m.contract_relation_family,
  other: m.contract_relation_other,
};

type Source = SessionContribution['sourceTags'][number];
export const sourceLabels: Record<Source, () => string> = {
  experience: m.artefact_source_experience,
  theory: m.artefact_source_theory,
  belief_value: m.artefact_source_belief_value,
  research: m.artefact_source_research,
};

type Confidence = NonNullable<SessionContribution['confidence']>;
export const confidenceLabels: Record<Confidence, () => string> = {
  low: m.artefact_confidence_low,
  medium: m.artefact_confidence_medium,
  high: m.artefact_confidence_high,
};

type Stance = NonNullable<SessionContribution['stance']>;
export const stanceLabels: Record<Stance, () => string> = {
  confirm: m.artefact_stance_confirm,
  contest: m.artefact_stance_contest,
  add: m.artefact_stance_add,
};

const refusalLabels: Record<Exclude<WriteRefusal, 'not_owner'>, () => string> = {
  stage_closed: m.write_refusal_stage_closed,
  contract_not_accepted: m.write_refusal_contract_not_accepted,
  not_in_writing_team: m.write_refusal_not_in_writing_team,
  not_representative: m.write_refusal_not_representative,
  not_in_group: m.write_refusal_not_in_group,
  facilitators_only: m.write_refusal_facilitators_only,
};

/** Why the caller reads but does not write, as the server said it; the owner by name. */
export function refusalText(session: SessionView, refusal: WriteRefusal): string {
  if (refusal !== 'not_owner') return refusalLabels[refusal]();
  return session.owner
    ? m.artefact_canvas_owner_only({ name: session.owner.displayName })
    : m.write_refusal_not_owner();
}
