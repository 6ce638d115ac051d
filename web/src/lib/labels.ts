import type {
  AuditAction,
  KnowledgeType,
  Role,
  Sector,
  Space,
  ValidationDecision,
} from '@mizug/domain';
import * as m from '@mizug/i18n/messages';

/** Translated names of roles, sectors, built-in spaces and audit actions. */
export const roleLabels: Record<Role, () => string> = {
  expert_by_experience: m.role_expert_by_experience,
  practitioner: m.role_practitioner,
  academic: m.role_academic,
  facilitator: m.role_facilitator,
  researcher: m.role_researcher,
  admin: m.role_admin,
};

export const sectorLabels: Record<Sector, () => string> = {
  public: m.sector_public,
  business: m.sector_business,
  third_sector: m.sector_third_sector,
  philanthropy: m.sector_philanthropy,
  community: m.sector_community,
  academia: m.sector_academia,
};

export const auditActionLabels: Record<AuditAction, () => string> = {
  'session.login': m.audit_action_session_login,
  'session.login_failed': m.audit_action_session_login_failed,
  'session.logout': m.audit_action_session_logout,
  'initiative.create': m.audit_action_initiative_create,
  'invitation.create': m.audit_action_invitation_create,
  'invitation.revoke': m.audit_action_invitation_revoke,
  'invitation.accept': m.audit_action_invitation_accept,
  'membership.add': m.audit_action_membership_add,
  'membership.change_role': m.audit_action_membership_change_role,
  'membership.remove': m.audit_action_membership_remove,
  'space.assign': m.audit_action_space_assign,
  'space.join_request': m.audit_action_space_join_request,
  'space.join_accept': m.audit_action_space_join_accept,
  'space.join_decline': m.audit_action_space_join_decline,
  'space.knowledge': m.audit_action_space_knowledge,
  'story.consent': m.audit_action_story_consent,
  'story.withdraw': m.audit_action_story_withdraw,
  'story.restore': m.audit_action_story_restore,
  'story.supporter_add': m.audit_action_story_supporter_add,
  'story.supporter_remove': m.audit_action_story_supporter_remove,
  'photo.consent': m.audit_action_photo_consent,
  'story.restore_version': m.audit_action_story_restore_version,
  'method.adapt': m.audit_action_method_adapt,
  'method_session.start': m.audit_action_method_session_start,
  'stage.open': m.audit_action_stage_open,
  'stage.close': m.audit_action_stage_close,
  'stage.validate': m.audit_action_stage_validate,
  'stage.release': m.audit_action_stage_release,
  'stage.owner_confirm': m.audit_action_stage_owner_confirm,
  'session.representatives': m.audit_action_session_representatives,
  'session.writing_team': m.audit_action_session_writing_team,
  'contract.revise': m.audit_action_contract_revise,
  'contract.accept': m.audit_action_contract_accept,
  'dependency.declare': m.audit_action_dependency_declare,
  'session.owner_story': m.audit_action_session_owner_story,
  'card.create': m.audit_action_card_create,
  'card.delete': m.audit_action_card_delete,
  'card.code': m.audit_action_card_code,
  'quote.request': m.audit_action_quote_request,
  'quote.decide': m.audit_action_quote_decide,
  'quote.withdraw': m.audit_action_quote_withdraw,
  'code.create': m.audit_action_code_create,
  'code.change': m.audit_action_code_change,
  'code.merge': m.audit_action_code_merge,
  'code.delete': m.audit_action_code_delete,
  'story.create': m.audit_action_story_create,
  'story.change': m.audit_action_story_change,
  'story.take_version': m.audit_action_story_take_version,
  'photo.add': m.audit_action_photo_add,
  'photo.remove': m.audit_action_photo_remove,
  'recording.add': m.audit_action_recording_add,
  'recording.transcribe': m.audit_action_recording_transcribe,
  'recording.remove': m.audit_action_recording_remove,
  'contribution.add': m.audit_action_contribution_add,
  'contribution.withdraw': m.audit_action_contribution_withdraw,
  'contribution.restore': m.audit_action_contribution_restore,
  'stage.timer': m.audit_action_stage_timer,
  'session.alert_threshold': m.audit_action_session_alert_threshold,
  'board.create': m.audit_action_board_create,
  'finding.create': m.audit_action_finding_create,
  'finding.rename': m.audit_action_finding_rename,
  'finding.return': m.audit_action_finding_return,
  'finding.revise': m.audit_action_finding_revise,
  'finding.finalize': m.audit_action_finding_finalize,
  'finding.decide': m.audit_action_finding_decide,
  'finding.disagreement': m.audit_action_finding_disagreement,
  'finding.quotes_request': m.audit_action_finding_quotes_request,
  'finding.quote_decide': m.audit_action_finding_quote_decide,
  'initiative.export': m.audit_action_initiative_export,
};

const builtInSpaceNames = {
  lived_experience: m.space_lived_experience,
  practitioners: m.space_practitioners,
  synthesis: m.space_synthesis,
  peer: m.space_peer,
} as const;

/** A space's name: what a person typed, or for the built-in spaces the name in this language. */
export function spaceName(space: Pick<Space, 'kind' | 'name'>): string {
  return space.name ?? builtInSpaceNames[space.kind]();
}

/** Whether the name came from a person (then it is shown with dir="auto"). */
export const isWrittenName = (space: Pick<Space, 'name'>) => space.name !== null;

/** The kinds of knowledge a group (and every card quoting it) carries, in the reader's language. */
export const knowledgeLabels: Record<KnowledgeType, () => string> = {
  lived_experience: m.knowledge_lived_experience,
  practice: m.knowledge_practice,
  academic: m.knowledge_academic,
  group: m.knowledge_group,
};

/** A group's decision on a stage's work or a returned finding. */
export const decisionLabels: Record<ValidationDecision, () => string> = {
  approve: m.artefact_decision_approve,
  changes: m.artefact_decision_changes,
  reject: m.artefact_decision_reject,
};
