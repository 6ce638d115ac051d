import { z } from 'zod';

/** Everything the audit log records; the list grows with shares, consent changes and exports. */
export const auditActions = [
  'session.login',
  'session.login_failed',
  'session.logout',
  'initiative.create',
  'invitation.create',
  'invitation.revoke',
  'invitation.accept',
  'membership.add',
  'membership.change_role',
  'membership.remove',
  'space.assign',
  'space.join_request',
  'space.join_accept',
  'space.join_decline',
  'story.consent',
  'story.withdraw',
  'story.restore',
  'story.supporter_add',
  'story.supporter_remove',
  'photo.consent',
  'story.restore_version',
  'method.adapt',
  'method_session.start',
  'stage.open',
  'stage.close',
  'stage.validate',
  'stage.release',
  'stage.owner_confirm',
  'session.representatives',
  'contract.revise',
  'contract.accept',
  'dependency.declare',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  action: auditActionSchema,
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  action: auditActionSchema.optional(),
  actorId: z.uuid().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
