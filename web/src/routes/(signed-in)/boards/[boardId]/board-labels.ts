import type { FindingStatus, GroupDecisionRule, InsightCard, KnowledgeType } from '@mizug/domain';
import * as m from '@mizug/i18n/messages';
import { spaceName } from '$lib/labels';

export const knowledgeLabels: Record<KnowledgeType, () => string> = {
  lived_experience: m.board_knowledge_lived_experience,
  practice: m.board_knowledge_practice,
  academic: m.board_knowledge_academic,
  group: m.board_knowledge_group,
};

export const statusLabels: Record<FindingStatus, () => string> = {
  draft: m.board_status_draft,
  returned: m.board_status_returned,
  final: m.board_status_final,
};

export const ruleLabels: Record<GroupDecisionRule, () => string> = {
  one_member: m.board_rule_one_member,
  majority: m.board_rule_majority,
  everyone: m.board_rule_everyone,
};

/** Who a card credits, as the API gives it: a name, a pseudonym, no one, or the group. */
export function creditText(card: Pick<InsightCard, 'credit' | 'group'>): string {
  const { credit, name } = card.credit;
  if (credit === 'anonymous' || (!name && credit !== 'group')) return m.board_credit_anonymous();
  if (credit === 'pseudonym') return m.board_credit_pseudonym({ name: name! });
  if (credit === 'group') return name ?? spaceName(card.group);
  return name!;
}

/** The start of a card's quote, for a citation and a card's accessible name. */
export function shortQuote(card: Pick<InsightCard, 'quote' | 'withdrawn'>, max = 80): string {
  if (card.withdrawn || card.quote === null) return m.board_citation_withdrawn();
  const quote = card.quote.replace(/\s+/g, ' ').trim();
  return quote.length > max ? `${quote.slice(0, max - 1).trimEnd()}…` : quote;
}
