import type { SessionCanvas, SessionStage, SessionView } from '@mizug/domain';
import * as m from '@mizug/i18n/messages';
import type { Stage } from '@mizug/methods';
import { spaceName } from '$lib/labels';
import { localized } from '$lib/localized';

/** A group's name as the page shows it; the synthesis space for work that is not a group's. */
export function groupName(session: SessionView, spaceId: string | null): string {
  const group = session.groups.find((candidate) => candidate.spaceId === spaceId);
  return group ? spaceName(group) : m.space_synthesis();
}

/** A person's name as the page shows it; someone no longer in the initiative is not named. */
export const personName = (person: { displayName: string } | null | undefined) =>
  person?.displayName || m.artefact_former_member();

/** A stage's title in the page's language, by its id; never the id, an internal code. */
export function stageTitle(session: SessionView, stageId: string): string {
  const stage = session.method.stages.find((candidate) => candidate.id === stageId);
  return stage ? localized(stage.title) : m.stage_unknown();
}

/** The method's stages before the given one, in order. */
export function stagesBefore(session: SessionView, stageId: string): Stage[] {
  const stages = session.method.stages;
  return stages.slice(
    0,
    stages.findIndex((candidate) => candidate.id === stageId),
  );
}

/** The stage that is open now, with its definition; null between stages. */
export function currentStage(session: SessionView) {
  const state = session.stages.find((stage) => stage.status === 'open');
  const definition = state && session.method.stages.find((stage) => stage.id === state.id);
  return state && definition ? { state, definition } : null;
}

export type CurrentStage = NonNullable<ReturnType<typeof currentStage>>;

// Where a stage's work lives is the method's rule, shared with the server that files it.
export { isSharedStage } from '@mizug/methods';

/** A stage's state as the server sent it (not started, round 1, for a stage it does not know). */
export const stageState = (session: SessionView, stageId: string): SessionStage =>
  session.stages.find((state) => state.id === stageId) ?? {
    id: stageId,
    status: 'not_started',
    round: 1,
    timerEndsAt: null,
    blockers: [],
    groupIds: [],
    asksForValidation: false,
    canPost: false,
    postRefusal: 'stage_closed',
    boards: [],
    findings: [],
  };

/**
 * The caller's groups that a stage asks for work or a decision from. The server decides which
 * groups a stage asks for, since only it knows the owner's group (the page sees the members of
 * the caller's groups alone); a facilitator is sent every group, so their own are picked here.
 */
export const myGroupsIn = (session: SessionView, stage: Pick<Stage, 'id'>): string[] =>
  stageState(session, stage.id).groupIds.filter((id) => session.me.groupIds.includes(id));

/** Each group records a decision: validation stages, and a group's own success (as the server says). */
export const asksForValidation = (session: SessionView, stage: Pick<Stage, 'id'>) =>
  stageState(session, stage.id).asksForValidation;

/** The caller's work canvases of one stage (a group's own, or the synthesis one). */
export const workCanvases = (session: SessionView, stageId: string): SessionCanvas[] =>
  session.canvases.filter((canvas) => canvas.purpose === 'work' && canvas.stageId === stageId);

/** Everything is read-only before a participant accepts the agreement. */
export const mayTakePart = (session: SessionView) =>
  session.me.isFacilitator || session.contract.acceptedByMe;
