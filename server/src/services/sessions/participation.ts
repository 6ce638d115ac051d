import { canvasDocName, type Account, type SessionParticipation } from '@mizug/domain';
import { storedText } from '../../collab/stored-text';
import type { Database } from '../../db/database';
import * as sessions from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { readBoard } from '../boards/read';
import { can } from '../../policy/policy';
import { loadSessionContext } from './context';
import { canvasResource } from './resources';

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;
const latest = (dates: Date[]) =>
  dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))).toISOString() : null;

/**
 * Who has taken part and how much, for the facilitators: posts and decisions per person and
 * group, canvases written in (as the collaboration service records it), and each group's share
 * of the words that reached the synthesis space.
 */
export async function sessionParticipation(
  db: Database,
  account: Account,
  sessionId: string,
): Promise<SessionParticipation> {
  const context = await loadSessionContext(db, account, sessionId, 'manage');
  const { session, facts, members } = context;
  const [contributions, editors, boards] = await Promise.all([
    sessions.listContributions(db, sessionId),
    sessions.listCanvasEditors(db, sessionId),
    sessions.listSessionBoards(db, sessionId),
  ]);
  const groupIds = facts.groupIds;
  const groupOf = (accountId: string) =>
    groupIds.find((id) =>
      members.find((member) => member.accountId === accountId)?.spaceIds.includes(id),
    ) ?? null;
  // Posts and decisions count as contributions; writing in a canvas counts apart.
  const decisions = [
    ...contributions.map((c) => ({ accountId: c.authorId, at: c.createdAt })),
    ...facts.validations.map((v) => ({ accountId: v.decidedBy, at: v.decidedAt })),
    ...facts.releases.map((r) => ({ accountId: r.decidedBy, at: r.decidedAt })),
  ];
  const edits = editors.map((e) => ({ accountId: e.accountId, at: e.lastEditAt }));
  const actors = [...decisions, ...edits].map((act) => act.accountId);
  const people = [...new Set([...facts.participantIds, ...actors])].map((accountId) => {
    const own = decisions.filter((act) => act.accountId === accountId);
    const edited = edits.filter((edit) => edit.accountId === accountId);
    return {
      accountId,
      displayName: members.find((member) => member.accountId === accountId)?.displayName ?? '',
      groupId: groupOf(accountId),
      contributions: own.length,
      canvasesEdited: edited.length,
      lastContributionAt: latest([...own, ...edited].map((act) => act.at)),
    };
  });

  const words = new Map(groupIds.map((id) => [id, 0]));
  const add = (groupId: string | null, text: string) => {
    if (groupId && words.has(groupId)) words.set(groupId, words.get(groupId)! + wordsIn(text));
  };
  for (const contribution of contributions)
    if (contribution.spaceId === context.synthesisSpace.id)
      add(contribution.authorGroupId, contribution.body);
  for (const release of facts.releases)
    for (const item of release.items) add(release.spaceId, item.text);
  const total = [...words.values()].reduce((sum, count) => sum + count, 0);
  const livedIds = groupIds.filter(
    (id) => context.spaces.find((space) => space.id === id)?.kind === 'lived_experience',
  );
  const lived = livedIds.reduce((sum, id) => sum + words.get(id)!, 0);
  const share = total > 0 ? Math.round((lived / total) * 100) : null;
  const board = await boardBalance(db, account, boards, context.synthesisSpace.id);
  const below = (percent: number | null | undefined) =>
    percent !== null && percent !== undefined && percent < session.alertThreshold;

  return {
    people,
    groups: groupIds.map((spaceId) => {
      const inGroup = people.filter((person) => person.groupId === spaceId);
      const active = inGroup.filter((person) => person.lastContributionAt !== null);
      return {
        spaceId,
        contributions: inGroup.reduce((sum, person) => sum + person.contributions, 0),
        activePeople: active.length,
        people: inGroup.length,
        lastContributionAt: latest(active.map((person) => new Date(person.lastContributionAt!))),
      };
    }),
    synthesis: {
      words: [...words].map(([spaceId, count]) => ({ spaceId, words: count })),
      livedExperienceShare: share,
      threshold: session.alertThreshold,
      board,
      underRepresented:
        livedIds.length > 0 &&
        (below(share) || below(board?.livedExperienceCardShare) || !!board?.livedExperienceMissing),
    },
  };
}

/** The session's synthesis board by its balance of voices (its cards by knowledge type). */
async function boardBalance(
  db: Database,
  account: Account,
  boards: readonly { id: string; spaceId: string }[],
  synthesisId: string,
) {
  const found = boards.find((board) => board.spaceId === synthesisId);
  if (!found) return null;
  const { balance } = await readBoard(db, account, found.id);
  const cards = balance.byKnowledgeType.reduce((sum, entry) => sum + entry.cards, 0);
  const lived =
    balance.byKnowledgeType.find((entry) => entry.knowledgeType === 'lived_experience')?.cards ?? 0;
  return {
    boardId: found.id,
    livedExperienceCardShare: cards > 0 ? Math.round((lived / cards) * 100) : null,
    livedExperienceMissing: balance.livedExperienceMissing,
  };
}

/** A canvas's paragraphs as releases count them, for choosing what to release. */
export async function canvasParagraphs(
  db: Database,
  account: Account,
  sessionId: string,
  canvasId: string,
) {
  const context = await loadSessionContext(db, account, sessionId, 'read');
  const canvas = await sessions.findCanvas(db, canvasId);
  if (!canvas || canvas.sessionId !== sessionId) throw new AppError('not_found');
  if (!can(context.actor, 'read', canvasResource(context, canvas))) throw new AppError('not_found');
  return { paragraphs: await canvasParagraphLines(db, canvas.id) };
}

/** The non-empty paragraphs of a canvas, in order: what a release refers to by position. */
export async function canvasParagraphLines(db: Database, canvasId: string) {
  return (await storedText(db, canvasDocName(canvasId)))
    .split('\n')
    .filter((line) => line.trim() !== '');
}
