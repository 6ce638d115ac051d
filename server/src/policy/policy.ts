import { groupRoleOf, type Role, type SpaceKind, type StoryAudience } from '@mizug/domain';
import {
  cardSourceReaches,
  cardSourceReadResource,
  cardSourceWithdrawn,
  storyOfCardSource,
  type CardSourceResource,
} from './card-sources';

/** Who is asking, as far as one initiative is concerned. */
export interface Actor {
  accountId: string;
  /** May create initiatives; grants nothing inside an initiative by itself. */
  isInstanceAdmin: boolean;
  membership: {
    initiativeId: string;
    role: Role;
    /** Peer spaces the member belongs to (accepted: a pending request gives nothing). */
    spaceIds: ReadonlySet<string>;
    /** Peer spaces a facilitator is assigned to as guarantor. */
    guaranteedSpaceIds: ReadonlySet<string>;
    /** Admitted to the working group: may write in the synthesis space. */
    inWorkingGroup: boolean;
  } | null;
}

/** A session's shared document (a canvas) in one stage, as the policy decides on it. */
export interface CanvasResource {
  kind: 'canvas';
  initiativeId: string;
  /** The space its work lives in; null for the facilitators' notes. */
  space: { id: string; kind: SpaceKind } | null;
  /** The facilitators of this canvas's group (for the synthesis and notes: all of them). */
  facilitatorIds: ReadonlySet<string>;
  writers: CanvasWriters;
  ownerId: string | null;
  representativeIds: ReadonlySet<string>;
  /** The session's writing team (for `working_group`): chosen in the session, MK-8. */
  writingTeamIds: ReadonlySet<string>;
  /** The session's peer spaces (for `participants`). */
  groupSpaceIds: ReadonlySet<string>;
  /** Its stage is open: work is added only then. */
  open: boolean;
  /** The actor accepted the session's current participation contract. */
  contractAccepted: boolean;
}

export type Resource =
  | { kind: 'instance' }
  | { kind: 'initiative'; initiativeId: string }
  | { kind: 'space'; initiativeId: string; spaceId: string; spaceKind: SpaceKind }
  | { kind: 'members'; initiativeId: string }
  | { kind: 'invitation'; initiativeId: string; role: Role }
  | { kind: 'audit'; initiativeId: string }
  | { kind: 'export'; initiativeId: string }
  | {
      kind: 'story';
      initiativeId: string;
      /** The teller's peer space, where it was written. */
      spaceId: string;
      tellerId: string;
      audience: StoryAudience;
      withdrawn: boolean;
      /** People the teller asked to help write it. */
      supporterIds: ReadonlySet<string>;
    }
  /** The initiative's own adaptations of the methods. */
  | { kind: 'methods'; initiativeId: string }
  /** The initiative's codebook: its codes, their names, tree and merges. */
  | { kind: 'code'; initiativeId: string }
  | {
      kind: 'session';
      initiativeId: string;
      /** Who runs it: whoever started it and the facilitators chosen for its groups. */
      facilitatorIds: ReadonlySet<string>;
      /** The peer spaces taking part. */
      groupSpaceIds: ReadonlySet<string>;
    }
  | CanvasResource
  | {
      kind: 'card';
      initiativeId: string;
      /** The space it is (or would be) made in. */
      space: { id: string; kind: SpaceKind };
      /** Who made it; null for a card not made yet. */
      createdBy: string | null;
      source: CardSourceResource;
    }
  /**
   * The words a card quotes, as the person they belong to decides about them: `manage` is
   * answering a request to quote them and withdrawing the quote, theirs alone (the teller of a
   * story, the author of a post).
   */
  | { kind: 'quote'; initiativeId: string; source: CardSourceResource }
  /**
   * A synthesis board (issue 11), or one a writer would make (`create`). Read by whoever reads
   * its space; written, on a peer group's board (MK-4), by the facilitators and admins who read
   * it ("drafted by the facilitators, validated by the group"), on the synthesis board by those
   * who write in the synthesis space.
   */
  | {
      kind: 'board';
      initiativeId: string;
      space: { id: string; kind: SpaceKind };
      /** A session's board: written as the work of the stage now using it (sessions/boards.ts). */
      sessionStage?: CanvasResource;
    }
  /**
   * A finding of a board: read and written as its board. `decide` asks whether the actor may
   * record the decision of the group `decidingFor`: one of the groups that decide on it, as its
   * own member.
   */
  | {
      kind: 'finding';
      initiativeId: string;
      space: { id: string; kind: SpaceKind };
      /** The groups (peer spaces) that decide on its findings when they are returned. */
      decidingSpaceIds: ReadonlySet<string>;
      /** The group a decision would be recorded for (only `decide` reads it). */
      decidingFor: string | null;
      /** Its board's, for a session's board. */
      sessionStage?: CanvasResource;
    }
  /**
   * A post in a session's stage. Read like a canvas of its space; written, in a stage for
   * representatives, by them (and the facilitators), in any other by whoever takes part: the
   * method's rules then decide which group files it.
   */
  | {
      kind: 'post';
      initiativeId: string;
      /** The space it is kept in: its group's, or the synthesis. */
      space: { id: string; kind: SpaceKind };
      /** The facilitators of that group (for the synthesis: all of the session's). */
      facilitatorIds: ReadonlySet<string>;
      writers: Extract<CanvasWriters, 'representatives' | 'participants'>;
      /** The representatives of the group it is filed under (none without a group). */
      representativeIds: ReadonlySet<string>;
      /** The session's peer spaces (for `participants`). */
      groupSpaceIds: ReadonlySet<string>;
      /** It speaks on its group's behalf, as only the group's representatives may. */
      onBehalfOf: boolean;
      /** Who wrote it (null for a post not written yet): only they may withdraw it. */
      authorId: string | null;
      /** Its author withdrew it: it is quoted no more. */
      withdrawn: boolean;
    }
  /**
   * One peer group of a session: `read` is seeing its people and its decisions, `write` acting
   * for it (validating, releasing, filing a post under it), `assign` naming who represents it.
   */
  | {
      kind: 'session_group';
      initiativeId: string;
      spaceId: string;
      /** The facilitators chosen for this group. */
      facilitatorIds: ReadonlySet<string>;
      /** Who runs the session (as its `manage`): they see every group. */
      sessionFacilitatorIds: ReadonlySet<string>;
    };

const readsCardSource = (actor: Actor, source: CardSourceResource) =>
  can(actor, 'read', cardSourceReadResource(source));

/**
 * Who writes in a canvas, from its stage's participation: the group itself, the owner of a
 * success alone (the learning companion does not edit it), the groups' representatives, the
 * session's writing team, every participant, or the facilitators (their notes).
 */
export type CanvasWriters =
  'group' | 'owner' | 'representatives' | 'working_group' | 'participants' | 'facilitators';

/**
 * `work` is asked of a member rather than by them: do they work in this space (listed among its
 * people)? Only spaces answer it. `support`: the actor may be asked to help write a story (asked
 * of the candidate, not of the teller, who needs `manage` to ask). `decide`: record a group's
 * decision on a returned finding.
 */
export type Action =
  'create' | 'read' | 'write' | 'manage' | 'assign' | 'work' | 'support' | 'decide';

/** Roles a facilitator may invite: never one with more power than their own. */
const facilitatorInvites: ReadonlySet<Role> = new Set([
  'expert_by_experience',
  'practitioner',
  'academic',
  'researcher',
]);

/**
 * The one authorization answer. Every API route and collaboration message asks it; nothing
 * else decides. Unknown combinations are denied.
 */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (resource.kind === 'instance') return action === 'create' && actor.isInstanceAdmin;

  const membership = actor.membership;
  if (!membership || membership.initiativeId !== resource.initiativeId) return false;
  const { role } = membership;

  switch (resource.kind) {
    case 'initiative':
      return action === 'read' || (action === 'manage' && role === 'admin');

    case 'space': {
      // Those who work in a space are those who may write in it: a peer space's members and
      // guarantors, the synthesis's working group and facilitators; never a researcher.
      if (action === 'work') return can(actor, 'write', resource);
      // Saying which knowledge a named peer space carries: the initiative's admins.
      if (action === 'manage') return role === 'admin' && resource.spaceKind === 'peer';
      // Assigning in a peer space is deciding who joins it: its own group's members only.
      if (action === 'assign') {
        const groupRole = groupRoleOf(resource.spaceKind);
        return (
          resource.spaceKind !== 'synthesis' &&
          role !== 'researcher' &&
          role !== 'facilitator' &&
          membership.spaceIds.has(resource.spaceId) &&
          (groupRole === null || groupRole === role)
        );
      }
      if (action !== 'read' && action !== 'write') return false;
      if (resource.spaceKind === 'synthesis') {
        if (action === 'read') return true;
        return role !== 'researcher' && (role === 'facilitator' || membership.inWorkingGroup);
      }
      // A peer space: its members and its guarantors, whatever their role; nobody else.
      return (
        role !== 'researcher' &&
        (membership.spaceIds.has(resource.spaceId) ||
          (role === 'facilitator' && membership.guaranteedSpaceIds.has(resource.spaceId)))
      );
    }

    case 'members':
      if (action === 'read' || action === 'assign')
        return role === 'admin' || role === 'facilitator';
      return action === 'manage' && role === 'admin';

    case 'invitation':
      if (action !== 'create' && action !== 'read' && action !== 'manage') return false;
      if (role === 'admin') return true;
      return role === 'facilitator' && (action === 'read' || facilitatorInvites.has(resource.role));

    case 'audit':
      return action === 'read' && (role === 'admin' || role === 'facilitator');

    case 'export':
      return (
        action === 'read' && (role === 'researcher' || role === 'facilitator' || role === 'admin')
      );

    case 'methods':
      if (action === 'read') return role === 'facilitator' || role === 'admin';
      return (action === 'create' || action === 'write') && role === 'facilitator';

    // Every member reads the codebook; those who run the synthesis shape it.
    case 'code':
      if (action === 'read') return true;
      return (
        (action === 'create' || action === 'write') && (role === 'facilitator' || role === 'admin')
      );

    case 'session': {
      const facilitates = role === 'facilitator' && resource.facilitatorIds.has(actor.accountId);
      if (action === 'create') return role === 'facilitator';
      if (action === 'manage') return facilitates;
      if (action !== 'read' && action !== 'write') return false;
      const takesPart =
        role !== 'researcher' &&
        ([...resource.groupSpaceIds].some((id) => membership.spaceIds.has(id)) ||
          membership.inWorkingGroup);
      return facilitates || takesPart;
    }

    case 'canvas': {
      if (action !== 'read' && action !== 'write') return false;
      const facilitates = role === 'facilitator' && resource.facilitatorIds.has(actor.accountId);
      if (!resource.space) return facilitates;
      const reads = readsWork(actor, facilitates, resource.initiativeId, resource.space);
      if (action === 'read') return reads;
      if (!reads || role === 'researcher' || !resource.open) return false;
      if (!facilitates && !resource.contractAccepted) return false;
      return writes({ ...actor, membership }, facilitates, resource.writers, {
        ...resource,
        space: resource.space,
      });
    }

    case 'card': {
      const space = {
        kind: 'space',
        initiativeId: resource.initiativeId,
        spaceId: resource.space.id,
        spaceKind: resource.space.kind,
      } as const;
      const readsSpace = can(actor, 'read', space);
      const { source } = resource;
      // A card from a story only its teller may read stays the teller's, wherever it sits.
      const story = storyOfCardSource(source);
      const privateToTeller =
        story !== null && story.audience === 'only_me' && story.tellerId !== actor.accountId;
      // `create` is asked of a card not made yet; everything else of one that exists.
      if (action === 'create') {
        return (
          resource.createdBy === null &&
          can(actor, 'write', space) &&
          readsCardSource(actor, source) &&
          cardSourceReaches(source, resource.space) &&
          !cardSourceWithdrawn(source)
        );
      }
      if (resource.createdBy === null) return false;
      if (action === 'read') return readsSpace && !privateToTeller;
      if (action === 'write') return readsSpace && !privateToTeller && can(actor, 'write', space);
      if (action === 'manage')
        return readsSpace && !privateToTeller && resource.createdBy === actor.accountId;
      return false;
    }

    case 'quote': {
      if (action !== 'manage') return false;
      const { source } = resource;
      // A story's words, its photos' captions and its recordings' transcripts are its teller's.
      if (source.kind === 'story' || source.kind === 'photo' || source.kind === 'transcript')
        return source.story.tellerId === actor.accountId;
      if (source.kind === 'post') return source.post.authorId === actor.accountId;
      return false;
    }

    case 'board':
    case 'finding': {
      const space = {
        kind: 'space',
        initiativeId: resource.initiativeId,
        spaceId: resource.space.id,
        spaceKind: resource.space.kind,
      } as const;
      if (!can(actor, 'read', space)) return false;
      if (action === 'read') return true;
      if (action === 'decide') {
        if (resource.kind !== 'finding' || resource.decidingFor === null) return false;
        return (
          role !== 'researcher' &&
          resource.decidingSpaceIds.has(resource.decidingFor) &&
          membership.spaceIds.has(resource.decidingFor)
        );
      }
      // Making a board is writing on it; a finding is made through its board.
      if (action !== 'write' && !(action === 'create' && resource.kind === 'board')) return false;
      // A session's board: the writers of the stage working on it (writing team, representatives,
      // facilitators), while it is open and once they accepted the contract.
      if (resource.sessionStage)
        return action === 'write' && can(actor, 'write', resource.sessionStage);
      if (resource.space.kind === 'synthesis') return can(actor, 'write', space);
      return role === 'facilitator' || role === 'admin';
    }

    case 'post': {
      const facilitates = role === 'facilitator' && resource.facilitatorIds.has(actor.accountId);
      if (action === 'read')
        return readsWork(actor, facilitates, resource.initiativeId, resource.space);
      // Withdrawing (and restoring) a post is its author's alone, where they still read it.
      if (action === 'manage')
        return (
          resource.authorId === actor.accountId &&
          readsWork(actor, facilitates, resource.initiativeId, resource.space)
        );
      if (action !== 'create' || role === 'researcher') return false;
      if (resource.onBehalfOf && !resource.representativeIds.has(actor.accountId)) return false;
      return writes({ ...actor, membership }, facilitates, resource.writers, {
        ...resource,
        ownerId: null,
        writingTeamIds: new Set(),
      });
    }

    case 'session_group': {
      if (role === 'researcher') return false;
      const isMember = membership.spaceIds.has(resource.spaceId);
      // Only its own members act for a group, never its facilitators.
      if (action === 'write') return isMember;
      const facilitates = (ids: ReadonlySet<string>) =>
        role === 'facilitator' && ids.has(actor.accountId);
      if (action === 'read') return isMember || facilitates(resource.sessionFacilitatorIds);
      return action === 'assign' && (isMember || facilitates(resource.facilitatorIds));
    }

    case 'story': {
      const isTeller = resource.tellerId === actor.accountId;
      // Told in one's own peer space only (a researcher has none, whatever rows are left);
      // consent and withdrawal are the teller's alone.
      if (action === 'create')
        return isTeller && role !== 'researcher' && membership.spaceIds.has(resource.spaceId);
      if (action === 'manage') return isTeller;
      // A supporter is someone who works in the teller's peer space: a member or its guarantor
      // (so never a researcher, whatever rows are left, as for working in a space).
      if (action === 'support') {
        return (
          !isTeller &&
          role !== 'researcher' &&
          (membership.spaceIds.has(resource.spaceId) ||
            (role === 'facilitator' && membership.guaranteedSpaceIds.has(resource.spaceId)))
        );
      }
      if (isTeller) return action === 'read' || action === 'write';
      // Withdrawn: hidden from everyone else, supporters included, until the teller undoes it.
      if (resource.withdrawn) return false;
      if (resource.supporterIds.has(actor.accountId))
        return action === 'read' || action === 'write';
      if (action !== 'read') return false;
      if (resource.audience === 'working_group') return true;
      if (resource.audience === 'peer_group') {
        return (
          role !== 'researcher' &&
          (membership.spaceIds.has(resource.spaceId) ||
            (role === 'facilitator' && membership.guaranteedSpaceIds.has(resource.spaceId)))
        );
      }
      return false;
    }
  }
}

/** Work kept in a session's space: that group's facilitators read it, and whoever reads the space. */
function readsWork(
  actor: Actor,
  facilitates: boolean,
  initiativeId: string,
  space: { id: string; kind: SpaceKind },
) {
  return (
    facilitates ||
    can(actor, 'read', { kind: 'space', initiativeId, spaceId: space.id, spaceKind: space.kind })
  );
}

/** Whether the actor is among `writers` of a canvas or a post kept in `work.space`. */
function writes(
  actor: Actor & { membership: NonNullable<Actor['membership']> },
  facilitates: boolean,
  writers: CanvasWriters,
  work: {
    space: { id: string };
    ownerId: string | null;
    representativeIds: ReadonlySet<string>;
    writingTeamIds: ReadonlySet<string>;
    groupSpaceIds: ReadonlySet<string>;
  },
): boolean {
  const { membership } = actor;
  switch (writers) {
    case 'group':
      return facilitates || membership.spaceIds.has(work.space.id);
    case 'owner':
      return work.ownerId === actor.accountId;
    case 'representatives':
      return facilitates || work.representativeIds.has(actor.accountId);
    // A session's writing stage: the team chosen in the session, not the initiative-wide flag.
    case 'working_group':
      return facilitates || work.writingTeamIds.has(actor.accountId);
    case 'participants':
      return (
        facilitates ||
        membership.inWorkingGroup ||
        [...work.groupSpaceIds].some((id) => membership.spaceIds.has(id))
      );
    case 'facilitators':
      return facilitates;
  }
}
