import { roles, type Role } from '@mizug/domain';

/** Roles a facilitator may invite (the server's policy decides; this only trims the menu). */
const facilitatorInvites: readonly Role[] = [
  'expert_by_experience',
  'practitioner',
  'academic',
  'researcher',
];

export const invitableRoles = (myRole: Role | null): readonly Role[] =>
  myRole === 'admin' ? roles : myRole === 'facilitator' ? facilitatorInvites : [];
