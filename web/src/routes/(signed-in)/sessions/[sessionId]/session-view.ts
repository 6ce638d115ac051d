import type { SessionCanvas, SessionView } from '@mizug/domain';
import * as m from '@mizug/i18n/messages';
import {
  asksForValidation as asksForValidationOf,
  isSynthesisParticipation,
  type Stage,
} from '@mizug/methods';
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

/** A stage's title in the page's language, by its id (the id itself for a stage no longer defined). */
export function stageTitle(session: SessionView, stageId: string): string {
  const stage = session.method.stages.find((candidate) => candidate.id === stageId);
  return stage ? localized(stage.title) : stageId;
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

/** Work that happens in the synthesis space rather than in each group's own. */
export const isSharedStage = (stage: Stage) =>
  isSynthesisParticipation(stage.participation) || stage.participation === 'everyone';

/** The owner's peer group in a session about one person's success (null for a group's own). */
export function ownerGroupId(session: SessionView): string | null {
  const owner = session.owner;
  if (!owner) return null;
  const group = session.groups.find((candidate) =>
    candidate.members.some((member) => member.accountId === owner.accountId),
  );
  return group?.spaceId ?? null;
}

/** The caller's groups that a stage asks for work or a decision from. */
export function myGroupsIn(session: SessionView, stage: Stage): string[] {
  if (stage.participation === 'owner' && session.owner) {
    const ownerGroup = ownerGroupId(session);
    return session.me.groupIds.filter((id) => id === ownerGroup);
  }
  return session.me.groupIds;
}

/** Each group records a decision: validation stages, and a group's own success without an owner. */
export const asksForValidation = (session: SessionView, stage: Stage) =>
  asksForValidationOf(stage, session.owner !== null);

/** The caller's work canvases of one stage (a group's own, or the synthesis one). */
export const workCanvases = (session: SessionView, stageId: string): SessionCanvas[] =>
  session.canvases.filter((canvas) => canvas.purpose === 'work' && canvas.stageId === stageId);

/** Everything is read-only before a participant accepts the agreement. */
export const mayTakePart = (session: SessionView) =>
  session.me.isFacilitator || session.contract.acceptedByMe;
