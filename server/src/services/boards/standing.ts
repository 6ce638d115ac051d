import type { GroupDecisionRule, ValidationDecision } from '@mizug/domain';
import type { StoredDecision } from '../../db/repositories/findings';

/**
 * What a group's decision is this round by its rule, or null while it does not stand:
 * `one_member` the latest recorded; `majority` one chosen by more than half of its members;
 * `everyone` once each member recorded one: approve if all approve, reject if any rejects, else
 * changes. `recorded` is this group's, oldest first; `deciders` its members now.
 */
export function standingDecision(
  rule: GroupDecisionRule,
  recorded: readonly StoredDecision[],
  deciders: readonly string[],
): ValidationDecision | null {
  if (rule === 'one_member') return recorded.at(-1)?.decision ?? null;
  // Only those who are members now count for a majority or for everyone.
  const members = new Set(deciders);
  const counted = recorded.filter((entry) => members.has(entry.recordedBy.id));
  if (rule === 'majority') {
    for (const decision of ['approve', 'changes', 'reject'] as const) {
      const votes = counted.filter((entry) => entry.decision === decision).length;
      if (votes * 2 > members.size) return decision;
    }
    return null;
  }
  if (members.size === 0 || counted.length < members.size) return null;
  if (counted.every((entry) => entry.decision === 'approve')) return 'approve';
  return counted.some((entry) => entry.decision === 'reject') ? 'reject' : 'changes';
}
