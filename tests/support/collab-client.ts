import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * A y-websocket client as the browser runs it, signed in with the given session cookie. With
 * `name` null it never sets a presence state, as a plain y-websocket client does not.
 */
export function connectDoc(
  baseUrl: string,
  docName: string,
  cookie: string,
  name: string | null = 'someone',
) {
  const doc = new Y.Doc();
  const closes: number[] = [];
  // The browser sends the cookie itself; in Node the polyfill has to.
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
      this.on('close', (code) => closes.push(code));
    }
  }
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/collab', docName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  if (name !== null) provider.awareness.setLocalStateField('user', { name });
  const text = doc.getText('body');
  return {
    doc,
    provider,
    text,
    /** Close codes the server sent, in order. */
    closes,
    synced: () =>
      new Promise<void>((resolve) =>
        provider.synced
          ? resolve()
          : provider.once('sync', (synced: boolean) => synced && resolve()),
      ),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export type DocClient = ReturnType<typeof connectDoc>;

/** Types a paragraph into a rich-text document the way the editor stores it (Tiptap's fragment). */
export function writeParagraph(client: DocClient, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = client.doc.getXmlFragment('default');
  body.insert(body.length, [paragraph]);
}

/** Polls until `check` passes (no fixed sleeps); fails with the last error after `ms`. */
export async function eventually(check: () => void | Promise<void>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
