import * as m from '@mizug/i18n/messages';
import type { CollabSession, CollabState } from './collab-session.svelte';

const stateMessages: Record<CollabState, () => string> = {
  connecting: m.editor_connecting,
  saving: m.editor_saving,
  saved: m.editor_saved,
  offline: m.editor_offline,
  forbidden: m.editor_forbidden,
  revoked: m.editor_revoked,
  refused: m.editor_refused,
};

/** What a person reads about a collaborative document's connection (null: not open yet). */
export function collabStateMessage(collab: CollabSession | null): string {
  if (!collab) return m.editor_connecting();
  if (collab.state === 'offline' && collab.keptOffline) return m.editor_offline_kept();
  return stateMessages[collab.state]();
}
