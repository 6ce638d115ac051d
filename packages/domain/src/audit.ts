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
  'space.knowledge',
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
  'session.writing_team',
  'contract.revise',
  'contract.accept',
  'dependency.declare',
  'card.create',
  'card.delete',
  'card.code',
  'quote.request',
  'quote.decide',
  'quote.withdraw',
  'code.create',
  'code.change',
  'code.merge',
  'code.delete',
  'story.create',
  'story.change',
  'story.take_version',
  'photo.add',
  'photo.remove',
  'recording.add',
  'recording.transcribe',
  'recording.remove',
  'contribution.add',
  'contribution.withdraw',
  'contribution.restore',
  'stage.timer',
  'session.alert_threshold',
  'session.owner_story',
  'board.create',
  'finding.create',
  'finding.rename',
  'finding.return',
  'finding.revise',
  'finding.finalize',
  'finding.decide',
  'finding.disagreement',
  'finding.quotes_request',
  'finding.quote_decide',
  'initiative.export',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  action: auditActionSchema,
  /** Who acted; null for the system, an unknown handle, or a teller shown only as `teller`. */
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /**
   * Set when a story's teller acted on it (consent, withdrawal, supporters, a version restored):
   * to everyone but the teller, `actor` is then null and the entry reads as made by "the
   * teller", named only as that reader would see the story credited (`name`: the pseudonym,
   * or the name the teller chose to show; null when anonymous or not readable).
   */
  teller: z.object({ storyId: z.uuid(), name: z.string().nullable() }).nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  action: auditActionSchema.optional(),
  /** Entries by this account; a teller's actions on their stories match only for the teller. */
  actorId: z.uuid().optional(),
  /** `true`: only what tellers did on their stories (the "who" the log shows as "the teller"). */
  byTeller: z.enum(['true']).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
