import { presenceColor } from '@mizug/editor';

/**
 * A participant's awareness state as everyone else receives it. The server writes `user`
 * itself: the name this person shows in the document (null for a teller who stays anonymous),
 * and a colour from the document and the awareness client id. Nothing the client put there
 * passes (an account id, a handle, a colour derived from either would link one anonymous
 * person across documents); the rest of the state (cursor, selection) is the client's own.
 */
export function presenceState(
  state: Record<string, unknown> | null,
  docName: string,
  clientId: number,
  displayName: string | null,
): Record<string, unknown> | null {
  return (
    state && { ...state, user: { name: displayName, color: presenceColor(docName, clientId) } }
  );
}
