import { z } from 'zod';

/**
 * Stable error ids of the API. Clients branch on `code`, never on the translated `message`,
 * so a code, once published, is never renamed.
 */
export const errorCodes = [
  'not_found',
  'validation_failed',
  'malformed_json',
  'malformed_upload',
  'range_not_satisfiable',
  'payload_too_large',
  'method_not_allowed',
  'unauthenticated',
  'invalid_credentials',
  'csrf_failed',
  'invitation_invalid',
  'invitation_expired',
  'invitation_used_up',
  'handle_taken',
  'forbidden',
  'conflict',
  'rate_limited',
  'unavailable',
  'internal',
  'story_empty',
  'photo_too_large',
  'photo_not_an_image',
  'photo_type_not_allowed',
  'recording_too_large',
  'recording_not_audio',
  'stage_exit_unmet',
  'synthesis_locked',
  'validate_on_board',
  'stage_not_open',
  'another_stage_open',
  'contract_not_accepted',
  'not_representative',
  'not_in_group',
  'not_a_participant',
  'method_invalid',
  'stage_artefact_mismatch',
  'owner_only',
  'guarantor_only',
  'quote_not_in_source',
  'source_withdrawn',
  'source_not_shared_here',
  'anchor_not_in_source',
  'language_not_in_initiative',
  'code_not_in_initiative',
  'code_cycle',
  'code_merge_into_itself',
  'code_in_use',
  'not_the_teller',
  'quote_consent_not_asked',
  'story_not_shared_with_group',
  'citation_not_on_board',
  'finding_not_approved',
  'finding_final',
  'finding_not_returned',
  'finding_already_returned',
  'group_not_deciding',
  'quotes_not_approved',
  'quote_declined_in_statement',
  'quote_approval_not_asked',
  'export_format_unknown',
  'export_codebook_empty',
  'export_session_not_found',
  'export_finding_not_found',
  'export_pdf_needs_chromium',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The one error body every API failure returns. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    /** Human-readable, translated into the caller's language. */
    message: z.string(),
    /** Per-field messages keyed by dotted path (`members.0.handle`); only for validation errors. */
    fields: z.record(z.string(), z.string()).optional(),
    /** Whole seconds to wait before trying again; only with `rate_limited` (also `Retry-After`). */
    retryAfter: z.number().int().positive().optional(),
    /** How many quoted people have still to approve their quote; only with `quotes_not_approved`. */
    waiting: z.number().int().positive().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
