import type { Role } from '@mizug/domain';
import type { Actor } from './policy';

/** Where each role's member sits in the standard fixture of the matrix (`policy.test.ts`). */
const seats: Record<Role, { spaces?: string[]; guarantees?: string[] }> = {
  expert_by_experience: { spaces: ['lived'] },
  practitioner: { spaces: ['practitioners'] },
  academic: { spaces: ['academics'] },
  facilitator: { guarantees: ['lived'] },
  researcher: {},
  admin: {},
};

/** Account-1 in `initiativeId` with `role` (none: not a member), seated as above. */
export function seatedActor(
  initiativeId: string,
  role: Role | null,
  options: {
    inWorkingGroup?: boolean;
    isInstanceAdmin?: boolean;
    /** Rows left over from an earlier role (a role changed, a role changed back). */
    spaces?: string[];
    guarantees?: string[];
  } = {},
): Actor {
  return {
    accountId: 'account-1',
    isInstanceAdmin: options.isInstanceAdmin ?? false,
    membership: role && {
      initiativeId,
      role,
      spaceIds: new Set([...(seats[role].spaces ?? []), ...(options.spaces ?? [])]),
      guaranteedSpaceIds: new Set([
        ...(seats[role].guarantees ?? []),
        ...(options.guarantees ?? []),
      ]),
      inWorkingGroup: options.inWorkingGroup ?? false,
    },
  };
}
