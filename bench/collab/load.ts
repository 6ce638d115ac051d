// Load generator for `pnpm bench collab`, run in its own process: C clients on D documents, each
// appending a timestamped entry at a steady rate; every other client of the document records how
// long the entry took to reach it. Prints one JSON line with the figures.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

interface LoadOptions {
  /** 'y-websocket' (Mizug and the reference server) or 'hocuspocus'. */
  protocol: 'y-websocket' | 'hocuspocus';
  url: string;
  docNames: string[];
  clients: number;
  editsPerSecond: number;
  seconds: number;
  cookie?: string;
}

const options = JSON.parse(process.argv[2]!) as LoadOptions;
// y-websocket adds a process 'exit' listener per provider.
process.setMaxListeners(0);
/** Edits run this long before measuring starts, for every system alike (JIT, connection pools). */
const WARM_UP_MS = 1000;

function cookieSocket(cookie: string | undefined) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  } as unknown as typeof globalThis.WebSocket;
}

interface Client {
  doc: Y.Doc;
  index: number;
  synced: Promise<void>;
  destroy(): void;
}

function connect(index: number, docName: string): Client {
  const doc = new Y.Doc();
  if (options.protocol === 'hocuspocus') {
    let resolve!: () => void;
    const synced = new Promise<void>((done) => (resolve = done));
    // One socket per document, as y-websocket clients have. Node 20 has no global WebSocket;
    // the provider hands WebSocketPolyfill on to its socket, though its types do not list it.
    const configuration = {
      url: options.url,
      name: docName,
      document: doc,
      WebSocketPolyfill: WebSocket,
      onSynced: () => resolve(),
    };
    const provider = new HocuspocusProvider(configuration);
    return { doc, index, synced, destroy: () => provider.destroy() };
  }
  const provider = new WebsocketProvider(options.url, docName, doc, {
    WebSocketPolyfill: cookieSocket(options.cookie),
    disableBc: true,
  });
  const synced = new Promise<void>((done) =>
    provider.synced ? done() : provider.once('sync', (isSynced: boolean) => isSynced && done()),
  );
  return { doc, index, synced, destroy: () => provider.destroy() };
}

/**
 * An edit as the editor stores one, a paragraph, saying who sent it and when: Mizug checks every
 * document against the editor's schema, and each server is given the same content.
 */
function editParagraph(sender: number) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(`${sender} ${performance.now()}`)]);
  return paragraph;
}

const clients = Array.from({ length: options.clients }, (_, i) =>
  connect(i, options.docNames[i % options.docNames.length]!),
);
await Promise.all(clients.map((client) => client.synced));

const latencies: number[] = [];
let delivered = 0;
let measuring = false;
for (const client of clients) {
  client.doc.getXmlFragment('default').observe((event) => {
    if (event.transaction.local || !measuring) return;
    const now = performance.now();
    for (const item of event.changes.added) {
      for (const paragraph of item.content.getContent() as Y.XmlElement[]) {
        const [sender, sentAt] = paragraph.get(0).toString().split(' ').map(Number) as [
          number,
          number,
        ];
        if (sender === client.index) continue;
        latencies.push(now - sentAt);
        delivered++;
      }
    }
  });
}

const interval = 1000 / options.editsPerSecond;
// Spread the clients over the interval so the load is steady rather than in bursts.
const timers = clients.map((client, i) =>
  setTimeout(
    () => {
      const timer = setInterval(() => {
        client.doc.getXmlFragment('default').push([editParagraph(client.index)]);
      }, interval);
      timers[i] = timer;
    },
    (interval * i) / clients.length,
  ),
);
await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
measuring = true;
const cpuBefore = process.cpuUsage();
const started = performance.now();
await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
for (const timer of timers) clearInterval(timer);
// Let in-flight entries arrive before counting stops.
await new Promise((resolve) => setTimeout(resolve, 500));
measuring = false;
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);

latencies.sort((a, b) => a - b);
const pick = (q: number) =>
  Math.round(
    (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN) * 100,
  ) / 100;
console.log(
  JSON.stringify({
    samples: latencies.length,
    p50: pick(0.5),
    p95: pick(0.95),
    p99: pick(0.99),
    max: pick(1),
    deliveriesPerSecond: Math.round(delivered / elapsed),
    clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / elapsed) * 100),
  }),
);
for (const client of clients) client.destroy();
process.exit(0);
