import type { ReportWords } from '@mizug/exporters';
import { sourceKindWord } from './bundle';
import * as m from '@mizug/i18n/messages';
import type { Locale } from '@mizug/i18n/runtime';

type Message = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const statusWord: Record<string, Message> = {
  draft: m.report_status_draft,
  returned: m.report_status_returned,
  final: m.report_status_final,
};
const sourceKind: Record<string, Message> = sourceKindWord;
const credit: Record<string, Message> = {
  name: m.export_credit_name,
  pseudonym: m.export_credit_pseudonym,
  anonymous: m.export_credit_anonymous,
  group: m.export_credit_group,
};
const knowledgeType: Record<string, Message> = {
  lived_experience: m.knowledge_lived_experience,
  practice: m.knowledge_practice,
  academic: m.knowledge_academic,
  group: m.knowledge_group,
};
const decision: Record<string, Message> = {
  approve: m.report_decision_approve,
  changes: m.report_decision_changes,
  reject: m.report_decision_reject,
};

/** Every word of the findings report, in `locale`, from the message catalogs. */
export function reportWords(locale: Locale): ReportWords {
  const o = { locale };
  const word = (catalog: Record<string, Message>, key: string) => catalog[key]?.({}, o) ?? key;
  return {
    title: (p) => m.report_title(p, o),
    exported: (p) => m.report_exported(p, o),
    consentNote: () => m.report_consent_note({}, o),
    findings: () => m.report_findings({}, o),
    noFindings: () => m.report_no_findings({}, o),
    status: (p) => m.report_status(p, o),
    statusWord: (status) => word(statusWord, status),
    statement: () => m.report_statement({}, o),
    characteristics: () => m.report_characteristics({}, o),
    openQuestions: () => m.report_open_questions({}, o),
    evidence: () => m.report_evidence({}, o),
    noEvidence: () => m.report_no_evidence({}, o),
    withheld: (p) => m.report_withheld(p, o),
    withheldItem: (p) => m.report_withheld_item(p, o),
    sourceKind: (kind) => word(sourceKind, kind),
    credit: (key) => word(credit, key),
    knowledgeType: (type) => word(knowledgeType, type),
    balance: () => m.report_balance({}, o),
    balanceRow: (p) => m.report_balance_row(p, o),
    livedExperienceMissing: () => m.report_lived_experience_missing({}, o),
    disagreements: () => m.report_disagreements({}, o),
    noDisagreements: () => m.report_no_disagreements({}, o),
    validation: () => m.report_validation({}, o),
    noValidation: () => m.report_no_validation({}, o),
    columnGroup: () => m.report_column_group({}, o),
    columnRound: () => m.report_column_round({}, o),
    columnReturned: () => m.report_column_returned({}, o),
    columnDecision: () => m.report_column_decision({}, o),
    columnComments: () => m.report_column_comments({}, o),
    decision: (key) => (key ? word(decision, key) : m.report_decision_pending({}, o)),
    credits: () => m.report_credits({}, o),
    creditsIntro: () => m.report_credits_intro({}, o),
    creditsAnonymous: (p) => m.report_credits_anonymous(p, o),
    creditsGroups: (p) => m.report_credits_groups(p, o),
    creditsNone: () => m.report_credits_none({}, o),
    returns: () => m.report_returns({}, o),
    returnsIntro: () => m.report_returns_intro({}, o),
    columnFirstReturn: () => m.report_column_first_return({}, o),
    columnLastReturn: () => m.report_column_last_return({}, o),
    columnFindings: () => m.report_column_findings({}, o),
    notYetReturned: () => m.report_not_yet_returned({}, o),
    returnsMissing: (p) => m.report_returns_missing(p, o),
    plain: () => m.report_plain({}, o),
    plainIntro: () => m.report_plain_intro({}, o),
    plainVoices: (p) => m.report_plain_voices(p, o),
    plainApproved: (p) => m.report_plain_approved(p, o),
    plainDisagreements: (p) => m.report_plain_disagreements(p, o),
    plainClosing: () => m.report_plain_closing({}, o),
  };
}
