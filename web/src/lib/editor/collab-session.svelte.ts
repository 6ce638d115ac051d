import { collabCloseCodes } from '@mizug/domain';
import { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { keepOffline } from './offline';
import { watchOwnEchoes } from './own-echoes';

/**
 * What the person sees about their connection:
 * - `connecting`: before the document first arrives;
 * - `saving` / `saved`: whether the server has stored everything typed here;
 * - `offline`: disconnected, retrying; what was typed stays in this page (and in the browser,
 *   when the document is kept offline) until it reconnects;
 * - `forbidden` / `revoked` / `refused`: the server closed for good (no access, access withdrawn,
 *   a message or the document over its limit).
 */
export type CollabState =
  'connecting' | 'saving' | 'saved' | 'offline' | 'forbidden' | 'revoked' | 'refused';

/** One collaborative document, connected to `/collab/<docName>` with the session cookie. */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  state = $state<CollabState>('connecting');
  /**
   * How far the server has echoed this page's own edits back. The server broadcasts an edit, to
   * its sender too, only after storing it, so the echo is the acknowledgement that it is saved.
   */
  private acknowledgedClock = 0;
  private closedFor: CollabState | null = null;

  /** The copy kept in this browser, when the document is kept offline. */
  readonly offline: IndexeddbPersistence | null;
  /** Local edits not yet written to the browser's copy. */
  private offlineWrites = $state(0);

  constructor(docName: string, options: { offlineFor?: string } = {}) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // No BroadcastChannel: every edit goes through the server, which decides who may make it.
    this.provider = new WebsocketProvider(
      `${scheme}://${location.host}/collab`,
      docName,
      this.doc,
      {
        disableBc: true,
      },
    );
    this.offline = options.offlineFor ? keepOffline(options.offlineFor, docName, this.doc) : null;
    watchOwnEchoes(this.provider, this.doc.clientID, (clock) => {
      if (clock > this.acknowledgedClock) this.acknowledgedClock = clock;
      this.refresh();
    });
    this.doc.on('update', (_: Uint8Array, origin: unknown) => {
      if (origin !== this.provider && origin !== this.offline) this.trackOfflineWrite();
      this.refresh();
    });
    this.provider.on('status', () => this.refresh());
    this.provider.on('sync', () => this.refresh());
    this.provider.on('connection-close', (event) => {
      this.closedFor = closeReason(event?.code);
      // No access any more: nothing of it stays in this browser either.
      if (this.closedFor === 'forbidden' || this.closedFor === 'revoked')
        void this.offline?.clearData();
      this.refresh();
    });
  }

  /**
   * Whether everything typed here is in the browser's copy, so it survives a closed tab. An edit
   * is written there as it happens; a read transaction opened after it completes only once that
   * write has, which is how we learn it is kept.
   */
  get keptOffline() {
    return !!this.offline?.synced && this.offlineWrites === 0;
  }

  private trackOfflineWrite() {
    const database = this.offline?.db;
    if (!database) return;
    this.offlineWrites++;
    const done = () => this.offlineWrites--;
    const check = database.transaction('updates', 'readonly');
    check.oncomplete = check.onerror = check.onabort = done;
  }

  private refresh() {
    if (this.closedFor && !this.provider.shouldConnect) {
      this.state = this.closedFor;
      return;
    }
    if (!this.provider.wsconnected) {
      this.state = this.provider.synced || this.hasUnsaved() ? 'offline' : 'connecting';
      return;
    }
    if (!this.provider.synced) this.state = 'connecting';
    else this.state = this.hasUnsaved() ? 'saving' : 'saved';
  }

  private hasUnsaved() {
    return (
      (Y.decodeStateVector(Y.encodeStateVector(this.doc)).get(this.doc.clientID) ?? 0) >
      this.acknowledgedClock
    );
  }

  destroy() {
    void this.offline?.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }
}

function closeReason(code: number | undefined): CollabState | null {
  if (code === collabCloseCodes.forbidden) return 'forbidden';
  if (code === collabCloseCodes.accessRevoked) return 'revoked';
  if (code === collabCloseCodes.malformed || code === collabCloseCodes.tooLarge) return 'refused';
  return null;
}
