import type { SessionView, StageBlocker, ValidationDecision } from '@mizug/domain';
import * as m from '@mizug/i18n/messages';
import { getLocale } from '@mizug/i18n/runtime';
import { hasReleased, standingDecision, type Stage } from '@mizug/methods';
import { listParts } from '$lib/intl';
import { groupName, personName, stageState, stageTitle } from '../session-view';

/**
 * The groups a stage asks for work or a decision from (the owner's alone when one person's
 * success is examined), as the server sends them to a facilitator: it knows the owner's group.
 */
export const groupsTakingPart = (session: SessionView, stage: Pick<Stage, 'id'>): string[] =>
  stageState(session, stage.id).groupIds;

/** How one group stands in one stage this round, for the stages table. */
interface GroupStanding {
  spaceId: string;
  decision: ValidationDecision | null;
  released: boolean;
  contributions: number;
}

export function groupStanding(
  session: SessionView,
  stageId: string,
  round: number,
  spaceId: string,
): GroupStanding {
  return {
    spaceId,
    decision: standingDecision(session.validations, stageId, spaceId, round)?.decision ?? null,
    released: hasReleased(session.releases, stageId, spaceId),
    contributions: session.contributions.filter(
      (c) => c.stageId === stageId && (c.authorGroupId ?? c.spaceId) === spaceId,
    ).length,
  };
}

/**
 * What stands in a stage's way, in words. Everyone who has not accepted the agreement is named in
 * one sentence rather than one each.
 */
export function blockerTexts(session: SessionView, blockers: readonly StageBlocker[]): string[] {
  const texts: string[] = [];
  const notAccepted: string[] = [];
  for (const blocker of blockers) {
    switch (blocker.code) {
      case 'stage_open':
        texts.push(m.console_blocker_stage_open({ stage: stageTitle(session, blocker.stageId) }));
        break;
      case 'group_not_validated':
        texts.push(
          m.console_blocker_group_not_validated({
            group: groupName(session, blocker.spaceId),
            stage: stageTitle(session, blocker.stageId),
          }),
        );
        break;
      case 'group_not_released':
        texts.push(
          m.console_blocker_group_not_released({ group: groupName(session, blocker.spaceId) }),
        );
        break;
      case 'owner_not_confirmed':
        texts.push(
          m.console_blocker_owner_not_confirmed({
            name: personName(session.owner),
          }),
        );
        break;
      case 'contract_not_accepted':
        notAccepted.push(
          personName(session.participants.find((person) => person.accountId === blocker.accountId)),
        );
        break;
    }
  }
  if (notAccepted.length > 0)
    texts.push(
      m.console_blocker_contract_not_accepted({
        names: listParts(notAccepted)
          .map((part) => part.value)
          .join(''),
      }),
    );
  return texts;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** How long ago something happened, as the page's language says it: "5 minutes ago", "yesterday". */
export function timeSince(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - new Date(iso).getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(getLocale(), { numeric: 'auto' });
  const [unit, size] = units.find(([, length]) => seconds >= length) ?? ['minute', 60];
  return format.format(-Math.floor(seconds / size), unit);
}
