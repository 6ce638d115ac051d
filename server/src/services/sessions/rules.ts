import type { StageBlocker } from '@mizug/domain';
import {
  asksForValidation,
  boardSpacesFor,
  validatesOnBoard,
  groupsAskedFor,
  hasReleased,
  isPeerStage,
  standingDecision as standingDecisionIn,
  type MethodDefinition,
  type Stage,
} from '@mizug/methods';
import type {
  StoredRelease,
  StoredStageState,
  StoredValidation,
} from '../../db/repositories/method-sessions';
import type { FindingStanding } from './finding-standings';

/** What the method's guarantees are decided on: a session's stages and recorded decisions. */
export interface SessionFacts {
  method: MethodDefinition;
  /** The peer spaces taking part. */
  groupIds: string[];
  /** The owner's peer space in a Learning from Success session about one person's success. */
  ownerGroupId: string | null;
  states: ReadonlyMap<string, StoredStageState>;
  validations: readonly StoredValidation[];
  releases: readonly StoredRelease[];
  ownerConfirmations: readonly { stageId: string; round: number }[];
  /** Everyone who must accept the contract before contributing (facilitators wrote it). */
  participantIds: readonly string[];
  contractAcceptors: ReadonlySet<string>;
  synthesisId: string;
  /** Where each finding of the session's boards stands for its deciding groups. */
  findings: readonly FindingStanding[];
}

// The pure rules are the method's (packages/methods), shared with the web; these apply them to a
// session's recorded facts.
export { isPeerStage };

/** The groups whose work or decision a stage asks for. */
export const groupsOf = (facts: SessionFacts, stage: Stage) =>
  groupsAskedFor(stage, facts.groupIds, facts.ownerGroupId);

/** Does the stage end with each group's decision? Only the server knows the owner's group. */
export const asksGroupsToValidate = (facts: SessionFacts, stage: Stage) =>
  asksForValidation(stage, !!facts.ownerGroupId);

/**
 * What a stage asks of the groups, sent with the session view so the web shows what the server
 * enforces: the owner's group is known only here (the web sees only its own groups' members).
 * The groups are those `seesGroup` lets the caller know of, so nobody learns another group's
 * membership from them.
 */
export const stageAsks = (
  facts: SessionFacts,
  stage: Stage,
  seesGroup: (id: string) => boolean,
) => ({
  groupIds: groupsOf(facts, stage).filter(seesGroup),
  asksForValidation: asksGroupsToValidate(facts, stage),
});

export const roundOf = (facts: SessionFacts, stageId: string) =>
  facts.states.get(stageId)?.round ?? 1;

/** A group's standing decision on a stage in a round: its latest; earlier ones stay on record. */
export const standingDecision = (
  facts: SessionFacts,
  stageId: string,
  spaceId: string,
  round: number,
) => standingDecisionIn(facts.validations, stageId, spaceId, round);

/** The findings on the boards a stage works on, where each group stands on them. */
export const stageFindings = (facts: SessionFacts, stage: Stage) => {
  const spaces = boardSpacesFor(stage, facts.groupIds, facts.ownerGroupId, facts.synthesisId);
  return facts.findings.filter((finding) => spaces.includes(finding.spaceId));
};

/**
 * Has a group validated a stage? On a stage validated on its board (MK-7), when its standing
 * decision on every finding of the board is approve (and there is one): the board's return loop
 * is the only way to validate it. On any other stage, its latest decision this round.
 */
function groupValidated(facts: SessionFacts, stage: Stage, spaceId: string) {
  if (validatesOnBoard(stage)) {
    const findings = stageFindings(facts, stage);
    return (
      findings.length > 0 &&
      findings.every(
        (finding) =>
          finding.groups.find((group) => group.spaceId === spaceId)?.standing === 'approve',
      )
    );
  }
  const round = roundOf(facts, stage.id);
  return standingDecision(facts, stage.id, spaceId, round)?.decision === 'approve';
}

function unvalidated(facts: SessionFacts, stage: Stage): StageBlocker[] {
  return groupsOf(facts, stage)
    .filter((spaceId) => !groupValidated(facts, stage, spaceId))
    .map((spaceId) => ({ code: 'group_not_validated', stageId: stage.id, spaceId }));
}

/** What must hold before `stage` may close; empty when its exit criterion holds. */
export function closeBlockers(facts: SessionFacts, stage: Stage): StageBlocker[] {
  switch (stage.exit) {
    case 'facilitator_closes':
      return [];
    case 'every_group_validated':
      return unvalidated(facts, stage);
    case 'every_group_released':
      return groupsOf(facts, stage)
        .filter((spaceId) => !hasReleased(facts.releases, stage.id, spaceId))
        .map((spaceId) => ({ code: 'group_not_released', spaceId }));
    case 'owner_confirmed': {
      if (asksGroupsToValidate(facts, stage)) return unvalidated(facts, stage);
      const round = roundOf(facts, stage.id);
      const confirmed = facts.ownerConfirmations.some(
        (confirmation) => confirmation.stageId === stage.id && confirmation.round === round,
      );
      return confirmed ? [] : [{ code: 'owner_not_confirmed' }];
    }
    case 'everyone_accepted_contract':
      return facts.participantIds
        .filter((accountId) => !facts.contractAcceptors.has(accountId))
        .map((accountId) => ({ code: 'contract_not_accepted', accountId }));
  }
}

/**
 * What stands in the way of opening `stage`: another open stage, and for a stage in the
 * synthesis space, any group that has not validated its own work in every earlier peer stage
 * that asks for validation (an optional stage never run asks for nothing).
 */
export function openBlockers(facts: SessionFacts, stage: Stage): StageBlocker[] {
  const blockers: StageBlocker[] = [];
  for (const [stageId, state] of facts.states)
    if (state.status === 'open' && stageId !== stage.id)
      blockers.push({ code: 'stage_open', stageId });
  if (!isPeerStage(stage)) {
    const index = facts.method.stages.indexOf(stage);
    for (const earlier of facts.method.stages.slice(0, index)) {
      if (!isPeerStage(earlier) || earlier.exit !== 'every_group_validated') continue;
      if (earlier.optional && !facts.states.has(earlier.id)) continue;
      blockers.push(...unvalidated(facts, earlier));
    }
  }
  return blockers;
}

/**
 * A practice claim crosses to the other groups (to be confirmed, contested or added to) once its
 * group approved the stage it was made in: that approval is the group's release of it.
 */
export function claimCrossed(
  facts: SessionFacts,
  claim: { kind: string; stageId: string; authorGroupId: string | null },
) {
  if (claim.kind !== 'claim' || !claim.authorGroupId) return false;
  const round = roundOf(facts, claim.stageId);
  return standingDecision(facts, claim.stageId, claim.authorGroupId, round)?.decision === 'approve';
}

/** Responses cross back to the claims' authors once the responding group released its stage. */
export function responseCrossed(
  facts: SessionFacts,
  response: { kind: string; stageId: string; authorGroupId: string | null },
) {
  return (
    response.kind === 'response' &&
    facts.releases.some(
      (release) =>
        release.stageId === response.stageId && release.spaceId === response.authorGroupId,
    )
  );
}
