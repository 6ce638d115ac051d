import type { Account } from '@mizug/domain';
import type { Database } from '../../db/database';
import * as sessions from '../../db/repositories/method-sessions';
import { loadSessionContext, type SessionContext } from './context';

const nameOf = (context: SessionContext) => (accountId: string) =>
  context.members.find((member) => member.accountId === accountId)?.displayName ?? '';

/**
 * What happened in a session, for its facilitators to keep or hand on: every opening and
 * closing (with override reasons), each group's validations with their comments, the releases
 * and their text, the representatives and the contract versions. Not the groups' canvases:
 * those stay in their spaces.
 */
export async function sessionRecord(db: Database, account: Account, sessionId: string) {
  const context = await loadSessionContext(db, account, sessionId, 'manage');
  const { session, facts } = context;
  const name = nameOf(context);
  const groupName = (spaceId: string) => {
    const space = context.spaces.find((candidate) => candidate.id === spaceId);
    return { spaceId, kind: space?.kind ?? null, name: space?.name ?? null };
  };
  const events = await sessions.listStageEvents(db, sessionId);
  return {
    session: {
      id: session.id,
      title: session.title,
      startedAt: session.startedAt.toISOString(),
      startedBy: name(session.startedBy),
      owner: session.ownerId && name(session.ownerId),
    },
    method: {
      id: session.method.id,
      version: session.method.version,
      derivedFrom: session.method.derivedFrom ?? null,
      title: session.method.title,
    },
    groups: session.groups.map((group) => ({
      ...groupName(group.spaceId),
      facilitators: group.facilitatorIds.map(name),
      representatives: group.representativeIds.map(name),
    })),
    stageEvents: events.map((event) => ({
      stageId: event.stageId,
      action: event.action,
      by: name(event.actorId),
      at: event.at.toISOString(),
      overrideReason: event.overrideReason,
    })),
    validations: facts.validations.map((validation) => ({
      stageId: validation.stageId,
      group: groupName(validation.spaceId),
      round: validation.round,
      decision: validation.decision,
      comment: validation.comment,
      by: name(validation.decidedBy),
      at: validation.decidedAt.toISOString(),
    })),
    releases: facts.releases.map((release) => ({
      stageId: release.stageId,
      group: groupName(release.spaceId),
      by: name(release.decidedBy),
      at: release.decidedAt.toISOString(),
      items: release.items,
    })),
    ownerConfirmations: facts.ownerConfirmations,
    contract: {
      currentVersion: context.contractVersion,
      acceptedBy: [...facts.contractAcceptors].map(name),
    },
  };
}
