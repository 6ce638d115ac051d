import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';

/** y-websocket's message type for the sync protocol (its `messageSync`, not exported). */
const MESSAGE_SYNC = 0;

/**
 * Calls `onEcho` with how far the server has echoed this client's own edits back, once
 * y-websocket has applied the sync message that carried them. The server broadcasts an edit, to its sender too, only
 * after storing it, so the echo is the acknowledgement that it is saved.
 *
 * y-websocket (3.1) has no event for this: its events are `status`, `sync`, `connection-close`,
 * `connection-error` and `closed`, and an echo of our own edit changes nothing in the document,
 * so `doc.on('update')` stays silent. Its one extension point is the `messageHandlers` table,
 * which this wraps — the only place in the web that touches it.
 */
export function watchOwnEchoes(
  provider: Pick<WebsocketProvider, 'messageHandlers'>,
  clientId: number,
  onEcho: (clock: number) => void,
) {
  const handlers = provider.messageHandlers;
  const applySync = handlers[MESSAGE_SYNC]!;
  handlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
    const clock = ownClock(decoding.clone(decoder), clientId);
    applySync(encoder, decoder, ...rest);
    if (clock !== undefined) onEcho(clock);
  };
}

/** Where this client's part of a sync update ends (a state vector would count only from 0). */
function ownClock(decoder: decoding.Decoder, clientId: number): number | undefined {
  const kind = decoding.readVarUint(decoder);
  if (kind !== messageYjsUpdate && kind !== messageYjsSyncStep2) return undefined;
  return Y.parseUpdateMeta(decoding.readVarUint8Array(decoder)).to.get(clientId);
}
