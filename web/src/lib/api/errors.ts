import { apiErrorSchema, type ApiError } from '@mizug/domain';
import * as m from '@mizug/i18n/messages';

export type ApiFailure = ApiError['error'];

/** The API's error body, or a translated stand-in when the answer is not one (a proxy's 502). */
export async function readApiError(response: Response): Promise<ApiFailure> {
  try {
    const parsed = apiErrorSchema.safeParse(await response.json());
    if (parsed.success) return parsed.data.error;
  } catch {
    // not JSON: fall through
  }
  return { code: 'internal', message: m.page_error_body() };
}

/** What a request that could not reach the server shows. */
export const unreachable = (): ApiFailure => ({
  code: 'unavailable',
  message: m.server_status_unreachable(),
});
