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
  // A board's document has no `default` fragment (the server refuses one), so no seed in it.
  const text = docName.startsWith('board.') ? null : sharedParagraph(doc);
  return {
    doc,
    provider,
    get text(): Y.XmlText {
      if (!text) throw new Error(`${docName} has no shared paragraph`);
      return text;
    },
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

/**
 * One paragraph every client of every document starts from, made once by a fixed client: Yjs
 * merges identical items, so clients that each add it share one paragraph, as if one had typed
 * it first. Every document is rich text, which the server checks, so tests type into it.
 */
const paragraphSeed = (() => {
  const seed = new Y.Doc();
  seed.clientID = 1;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText()]);
  seed.getXmlFragment('default').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(seed);
})();

/** The text of the paragraph every test client types into (see `paragraphSeed`). */
export function sharedParagraph(doc: Y.Doc): Y.XmlText {
  Y.applyUpdate(doc, paragraphSeed);
  const paragraph = doc.getXmlFragment('default').toArray().find(isSeed) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

const isSeed = (node: unknown) =>
  node instanceof Y.XmlElement && node._item?.id.client === 1 && node._item.id.clock === 0;

/**
 * Types a paragraph into a rich-text document the way the editor stores it (Tiptap's fragment,
 * or on a board the fragment `field` of a finding).
 */
export function writeParagraph(client: DocClient, text: string, field = 'default') {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = client.doc.getXmlFragment(field);
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
