import { isSynthesisParticipation, type Stage } from './schema';

/*
 * The rules of a method that follow from its stages alone, shared by the server (which enforces
 * them) and the web (which shows them), so the two cannot disagree about where work lives or
 * whom a stage asks for. Facts only the server knows (the owner's group, memberships) come in as
 * arguments.
 */

/**
 * Is a stage's work kept in the synthesis space, where every participant reads it? So it is for a
 * stage everyone takes part in together (the contract, the return) and for the representatives'
 * and the working group's; each group's own work stays in its own space.
 */
export const isSharedStage = (stage: Pick<Stage, 'participation'>) =>
  stage.participation === 'everyone' || isSynthesisParticipation(stage.participation);

/**
 * Does everyone in a stage speak as a member of their group? Every stage but the synthesis ones:
 * an `everyone` stage is shared, yet its participants still take part for their groups, and it
 * does not wait for the groups to validate their work the way a synthesis stage does.
 */
export const isPeerStage = (stage: Pick<Stage, 'participation'>) =>
  !isSynthesisParticipation(stage.participation);

/**
 * The groups whose work or decision a stage asks for: the owner's group alone in an `owner`
 * stage about one person's success, every group taking part otherwise (also for a group's own
 * success, where `ownerGroupId` is null).
 */
export function groupsAskedFor(
  stage: Pick<Stage, 'participation'>,
  groupIds: readonly string[],
  ownerGroupId: string | null,
): string[] {
  if (stage.participation === 'owner' && ownerGroupId) return [ownerGroupId];
  return [...groupIds];
}

/** The space one group's work in a stage is filed in: its own, or the synthesis space. */
export const workSpaceFor = (
  stage: Pick<Stage, 'participation'>,
  groupId: string | null,
  synthesisId: string,
) => (isSharedStage(stage) || !groupId ? synthesisId : groupId);

/** The spaces a stage's canvases are in: the synthesis space, or one per group asked. */
export function canvasSpacesFor(
  stage: Pick<Stage, 'participation' | 'artefact'>,
  groupIds: readonly string[],
  ownerGroupId: string | null,
  synthesisId: string,
): string[] {
  if (stage.artefact !== 'canvas') return [];
  if (isSharedStage(stage)) return [synthesisId];
  return groupsAskedFor(stage, groupIds, ownerGroupId);
}

/**
 * The spaces a stage's boards are in: for a board stage, the synthesis space or one per group
 * asked (MK-4's parallel syntheses, the merge by representatives at MK-6, the final text at
 * MK-8); a validation stage (MK-7) decides on the synthesis board's findings.
 */
export function boardSpacesFor(
  stage: Pick<Stage, 'participation' | 'artefact'>,
  groupIds: readonly string[],
  ownerGroupId: string | null,
  synthesisId: string,
): string[] {
  if (stage.artefact === 'board')
    return isSharedStage(stage) ? [synthesisId] : groupsAskedFor(stage, groupIds, ownerGroupId);
  // A representatives' stage of a session started when MK-6 was posts keeps its board too.
  if (stage.participation === 'representatives' || stage.artefact === 'validation')
    return [synthesisId];
  return [];
}

/**
 * Is a stage validated on its board's findings rather than by a decision on the stage? So is a
 * validation stage (MK-7): each group decides on each finding returned to it, in its own space,
 * and the stage's exit reads those standing decisions, so there is one way to validate.
 */
export const validatesOnBoard = (stage: Pick<Stage, 'artefact'>) => stage.artefact === 'validation';

/**
 * The stage whose propositions a responses stage answers (PW-9 answers PW-8's): the last board
 * stage before it kept in each group's own space. None for a responses stage of a method whose
 * propositions are claim posts (a session started before PW-8 worked on a board).
 */
export function answeredBoardStage<S extends Pick<Stage, 'id' | 'participation' | 'artefact'>>(
  stages: readonly S[],
  stage: Pick<Stage, 'id' | 'artefact'>,
): S | undefined {
  if (stage.artefact !== 'responses') return undefined;
  const before = stages.slice(
    0,
    stages.findIndex((candidate) => candidate.id === stage.id),
  );
  return before.findLast(
    (candidate) => candidate.artefact === 'board' && !isSharedStage(candidate),
  );
}

/** Does a stage end with each group's release of its work (a release, or its responses)? */
export const asksForRelease = (stage: Pick<Stage, 'artefact' | 'exit'>) =>
  stage.artefact === 'release' || stage.exit === 'every_group_released';

/** What a recorded decision or release is about. */
interface GroupRecord {
  stageId: string;
  spaceId: string;
}

/** A group's decisions on a stage in a round, oldest first; earlier ones stay on record. */
export const groupDecisions = <D extends GroupRecord & { round: number }>(
  decisions: readonly D[],
  stageId: string,
  spaceId: string,
  round: number,
): D[] =>
  decisions.filter(
    (decision) =>
      decision.stageId === stageId && decision.spaceId === spaceId && decision.round === round,
  );

/** A group's standing decision on a stage in a round: its latest. */
export const standingDecision = <D extends GroupRecord & { round: number }>(
  decisions: readonly D[],
  stageId: string,
  spaceId: string,
  round: number,
): D | undefined => groupDecisions(decisions, stageId, spaceId, round).at(-1);

/** Has a group released its work of a stage (possibly nothing)? */
export const hasReleased = (releases: readonly GroupRecord[], stageId: string, spaceId: string) =>
  releases.some((release) => release.stageId === stageId && release.spaceId === spaceId);
