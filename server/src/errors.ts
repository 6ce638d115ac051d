import type { ApiError, ErrorCode } from '@mizug/domain';
import * as m from '@mizug/i18n/messages';
import type { Locale } from '@mizug/i18n/runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

type Translate = (inputs: Record<string, never>, options: { locale: Locale }) => string;

/** Each stable error code with its HTTP status and its translated message. */
const errorCatalog: Record<ErrorCode, { status: ContentfulStatusCode; message: Translate }> = {
  not_found: { status: 404, message: m.error_not_found },
  validation_failed: { status: 400, message: m.error_validation_failed },
  malformed_json: { status: 400, message: m.error_malformed_json },
  malformed_upload: { status: 400, message: m.error_malformed_upload },
  range_not_satisfiable: { status: 416, message: m.error_range_not_satisfiable },
  payload_too_large: { status: 413, message: m.error_payload_too_large },
  method_not_allowed: { status: 405, message: m.error_method_not_allowed },
  unauthenticated: { status: 401, message: m.error_unauthenticated },
  invalid_credentials: { status: 401, message: m.error_invalid_credentials },
  csrf_failed: { status: 403, message: m.error_csrf_failed },
  invitation_invalid: { status: 404, message: m.error_invitation_invalid },
  invitation_expired: { status: 410, message: m.error_invitation_expired },
  invitation_used_up: { status: 410, message: m.error_invitation_used_up },
  handle_taken: { status: 409, message: m.error_handle_taken },
  forbidden: { status: 403, message: m.error_forbidden },
  conflict: { status: 409, message: m.error_conflict },
  rate_limited: { status: 429, message: m.error_rate_limited },
  unavailable: { status: 503, message: m.error_unavailable },
  internal: { status: 500, message: m.error_internal },
  story_empty: { status: 422, message: m.error_story_empty },
  photo_too_large: { status: 413, message: m.error_photo_too_large },
  photo_not_an_image: { status: 415, message: m.error_photo_not_an_image },
  photo_type_not_allowed: { status: 415, message: m.error_photo_type_not_allowed },
  recording_too_large: { status: 413, message: m.error_recording_too_large },
  recording_not_audio: { status: 415, message: m.error_recording_not_audio },
  stage_exit_unmet: { status: 409, message: m.error_stage_exit_unmet },
  synthesis_locked: { status: 409, message: m.error_synthesis_locked },
  stage_not_open: { status: 409, message: m.error_stage_not_open },
  another_stage_open: { status: 409, message: m.error_another_stage_open },
  contract_not_accepted: { status: 403, message: m.error_contract_not_accepted },
  not_representative: { status: 403, message: m.error_not_representative },
  not_in_group: { status: 403, message: m.error_not_in_group },
  not_a_participant: { status: 422, message: m.error_not_a_participant },
  method_invalid: { status: 400, message: m.error_method_invalid },
  stage_artefact_mismatch: { status: 409, message: m.error_stage_artefact_mismatch },
  validate_on_board: { status: 409, message: m.error_validate_on_board },
  owner_only: { status: 403, message: m.error_owner_only },
  guarantor_only: { status: 400, message: m.error_guarantor_only },
  quote_not_in_source: { status: 422, message: m.error_quote_not_in_source },
  source_withdrawn: { status: 409, message: m.error_source_withdrawn },
  source_not_shared_here: { status: 403, message: m.error_source_not_shared_here },
  anchor_not_in_source: { status: 422, message: m.error_anchor_not_in_source },
  language_not_in_initiative: { status: 400, message: m.error_language_not_in_initiative },
  code_not_in_initiative: { status: 400, message: m.error_code_not_in_initiative },
  code_cycle: { status: 409, message: m.error_code_cycle },
  code_merge_into_itself: { status: 400, message: m.error_code_merge_into_itself },
  code_in_use: { status: 409, message: m.error_code_in_use },
  not_the_teller: { status: 403, message: m.error_not_the_teller },
  quote_consent_not_asked: { status: 409, message: m.error_quote_consent_not_asked },
  story_not_shared_with_group: { status: 403, message: m.error_story_not_shared_with_group },
  citation_not_on_board: { status: 422, message: m.error_citation_not_on_board },
  finding_not_approved: { status: 409, message: m.error_finding_not_approved },
  finding_final: { status: 409, message: m.error_finding_final },
  finding_not_returned: { status: 409, message: m.error_finding_not_returned },
  finding_already_returned: { status: 409, message: m.error_finding_already_returned },
  group_not_deciding: { status: 422, message: m.error_group_not_deciding },
  quotes_not_approved: { status: 409, message: m.error_quotes_not_approved },
  quote_declined_in_statement: { status: 409, message: m.error_quote_declined_in_statement },
  quote_approval_not_asked: { status: 409, message: m.error_quote_approval_not_asked },
  export_format_unknown: { status: 404, message: m.error_export_format_unknown },
  export_codebook_empty: { status: 409, message: m.error_export_codebook_empty },
  export_session_not_found: { status: 404, message: m.error_export_session_not_found },
  export_finding_not_found: { status: 404, message: m.error_export_finding_not_found },
  export_pdf_needs_chromium: { status: 503, message: m.error_export_pdf_needs_chromium },
};

/** Per field: an error code translated when the response is written, or an already translated text. */
export type FieldErrors = Record<string, ErrorCode | { message: string }>;

/** An expected failure a handler or service raises; `onError` turns it into the API error body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldErrors,
    /** For `rate_limited`: whole seconds before trying again (sent also as `Retry-After`). */
    readonly wait?: { retryAfter: number },
    /** For `quotes_not_approved`: how many quotes still wait for their person's approval. */
    readonly waiting?: number,
  ) {
    super(code);
  }

  get status(): ContentfulStatusCode {
    return errorCatalog[this.code].status;
  }
}

const translate = (code: ErrorCode, locale: Locale) => errorCatalog[code].message({}, { locale });

export function errorBody(
  code: ErrorCode,
  locale: Locale,
  fields?: FieldErrors,
  wait?: { retryAfter: number },
  waiting?: number,
): ApiError {
  if (waiting !== undefined) {
    const message = m.error_quotes_not_approved_waiting({ count: waiting }, { locale });
    return { error: { code, message, waiting } };
  }
  if (wait) {
    const message = m.error_rate_limited_wait({ seconds: wait.retryAfter }, { locale });
    return { error: { code, message, retryAfter: wait.retryAfter } };
  }
  const message = translate(code, locale);
  if (!fields) return { error: { code, message } };
  const translated = Object.fromEntries(
    Object.entries(fields).map(([path, error]) => [
      path,
      typeof error === 'string' ? translate(error, locale) : error.message,
    ]),
  );
  return { error: { code, message, fields: translated } };
}

export function errorStatus(code: ErrorCode): ContentfulStatusCode {
  return errorCatalog[code].status;
}
