import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { writeSyncStep1, writeUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { watchOwnEchoes } from './own-echoes';

type Handlers = WebsocketProvider['messageHandlers'];

/** A sync message as the server sends it: the message type, then the sync payload. */
function syncMessage(write: (encoder: encoding.Encoder) => void) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
  decoding.readVarUint(decoder); // y-websocket reads the type before calling the handler
  return decoder;
}

function watched(doc: Y.Doc) {
  const applied: string[] = [];
  const applySync = vi.fn(() => void applied.push('applied'));
  const provider = { messageHandlers: [applySync] as unknown as Handlers };
  const echoes: number[] = [];
  watchOwnEchoes(provider, doc.clientID, (clock) => {
    applied.push('echo');
    echoes.push(clock);
  });
  const receive = (decoder: decoding.Decoder) =>
    provider.messageHandlers[0]!(
      encoding.createEncoder(),
      decoder,
      {} as WebsocketProvider,
      true,
      0,
    );
  return { applySync, echoes, applied, receive };
}

describe('watchOwnEchoes', () => {
  it("reports where this client's echoed edit ends, after y-websocket applied it", () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const { echoes, applied, applySync, receive } = watched(doc);

    receive(syncMessage((encoder) => writeUpdate(encoder, Y.encodeStateAsUpdate(doc))));

    expect(echoes).toEqual([5]);
    expect(applied).toEqual(['applied', 'echo']);
    // The handler reads the message from where y-websocket left it, untouched by the peek.
    expect(applySync).toHaveBeenCalledWith(expect.anything(), expect.anything(), {}, true, 0);
  });

  it("says nothing for another client's edit or for a sync request", () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    theirs.getText('t').insert(0, 'hi');
    const { echoes, applySync, receive } = watched(mine);

    receive(syncMessage((encoder) => writeUpdate(encoder, Y.encodeStateAsUpdate(theirs))));
    receive(syncMessage((encoder) => writeSyncStep1(encoder, theirs)));

    expect(echoes).toEqual([]);
    expect(applySync).toHaveBeenCalledTimes(2);
  });
});
