import type { Account } from '@mizug/domain';
import type { StoredStory } from '../../db/repositories/stories';
import type { AuditInput, CommandScope } from '../command';

/**
 * Audits a change to a story or what hangs off it. The teller's own action reads as made by
 * "the teller" (`tellerOf`); a supporter's reads as theirs. Details carry ids and kinds only,
 * never a title, caption or transcript: the log is read by facilitators, and text can unmask.
 */
export const auditStory = (
  { audit }: Pick<CommandScope, 'audit'>,
  account: Account,
  story: Pick<StoredStory, 'id' | 'initiativeId' | 'tellerId'>,
  action: AuditInput['action'],
  details: Record<string, unknown> = {},
) =>
  audit({
    action,
    actorId: account.id,
    tellerOf: account.id === story.tellerId ? story.id : undefined,
    initiativeId: story.initiativeId,
    details: { storyId: story.id, ...details },
  });
