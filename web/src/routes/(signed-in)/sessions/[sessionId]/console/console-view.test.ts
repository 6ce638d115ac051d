import type { SessionValidation } from '@mizug/domain';
import { overwriteGetLocale } from '@mizug/i18n/runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildContribution,
  buildSessionView,
  buildStage,
  personRef,
} from '../../../../../../../tests/factories/session-view';
import { blockerTexts, groupStanding, groupsTakingPart, timeSince } from './console-view';

beforeAll(() => overwriteGetLocale(() => 'en'));

const decided = (
  spaceId: string,
  decision: SessionValidation['decision'],
  round = 1,
): SessionValidation => ({
  stageId: 'MK-3',
  spaceId,
  round,
  decision,
  comment: '',
  decidedBy: personRef('layla', 'Layla'),
  decidedAt: '2026-01-01T10:00:00.000Z',
});

describe('the groups in the console', () => {
  it('follows the groups the server says a stage asks for: the owner’s alone', () => {
    const session = buildSessionView({ stages: [buildStage('LS-1', { groupIds: ['lived'] })] });
    expect(groupsTakingPart(session, { id: 'LS-1' })).toEqual(['lived']);
  });

  it('stands a group by its latest decision of the round, its release and its posts', () => {
    const session = buildSessionView({
      validations: [
        decided('lived', 'changes'),
        decided('lived', 'approve'),
        decided('practitioners', 'reject'),
        decided('lived', 'reject', 2),
      ],
      releases: [
        {
          id: 'release',
          stageId: 'MK-3',
          spaceId: 'lived',
          decidedBy: personRef('layla', 'Layla'),
          decidedAt: '2026-01-01T10:00:00.000Z',
          items: [],
        },
      ],
      contributions: [
        buildContribution({ id: 'a', stageId: 'MK-3' }),
        // In the synthesis space, a post counts for its author's group.
        buildContribution({ id: 'b', stageId: 'MK-3', spaceId: 'synthesis' }),
        buildContribution({ id: 'c', stageId: 'MK-4' }),
        buildContribution({ id: 'd', stageId: 'MK-3', spaceId: 'synthesis', authorGroupId: null }),
      ],
    });
    expect(groupStanding(session, 'MK-3', 1, 'lived')).toEqual({
      spaceId: 'lived',
      decision: 'approve',
      released: true,
      contributions: 2,
    });
    expect(groupStanding(session, 'MK-3', 2, 'practitioners')).toEqual({
      spaceId: 'practitioners',
      decision: null,
      released: false,
      contributions: 0,
    });
    expect(groupStanding(session, 'MK-3', 1, 'synthesis').contributions).toBe(1);
  });
});

describe('what stands in a stage’s way', () => {
  it('words each blocker, and names everyone yet to accept the agreement in one sentence', () => {
    const session = buildSessionView({ owner: personRef('layla', 'Layla') });
    expect(
      blockerTexts(session, [
        { code: 'stage_open', stageId: 'MK-99' },
        { code: 'group_not_validated', stageId: 'MK-99', spaceId: 'practitioners' },
        { code: 'group_not_released', spaceId: 'lived' },
        { code: 'owner_not_confirmed' },
        { code: 'contract_not_accepted', accountId: 'layla' },
        { code: 'contract_not_accepted', accountId: 'omar' },
        { code: 'contract_not_accepted', accountId: 'gone' },
      ]),
    ).toEqual([
      // A stage the method no longer has is named in words, never by its code.
      'Close “a stage no longer in the method” first.',
      'Social workers of the north has not validated “a stage no longer in the method” yet.',
      'Lived experience has not released its work yet.',
      'Layla has not yet confirmed that this is faithful to their story.',
      'Not everyone has accepted the agreement yet: Layla, Omar, and A former member.',
    ]);
  });

  it('says nothing when nothing stands in the way', () => {
    expect(blockerTexts(buildSessionView(), [])).toEqual([]);
  });
});

describe('how long ago', () => {
  const now = Date.parse('2026-01-02T12:00:00.000Z');
  const ago = (seconds: number) => timeSince(new Date(now - seconds * 1000).toISOString(), now);

  it('counts in the largest whole unit', () => {
    expect(ago(5 * 60)).toBe('5 minutes ago');
    expect(ago(2 * 3600 + 59 * 60)).toBe('2 hours ago');
    expect(ago(86_400)).toBe('yesterday');
  });

  it('says now for under a minute, and for a clock slightly ahead', () => {
    expect(ago(30)).toBe('this minute');
    expect(ago(-30)).toBe('this minute');
  });
});
