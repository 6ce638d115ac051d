import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** `awareness-query`: a newly loaded room asks the others who is present there. */
export type FanoutKind = 'update' | 'awareness' | 'awareness-query';
const KINDS: FanoutKind[] = ['update', 'awareness', 'awareness-query'];
const channel = (docName: string) => `mizug:collab:${docName}`;
const ACCESS_CHANNEL = 'mizug:access-changed';
const SESSION_CHANNEL = 'mizug:session-changed';

/**
 * Shares live updates and presence between server instances through Redis pub/sub. Each message
 * carries the sending instance's id so an instance ignores its own. Storage stays the source of
 * truth: an instance publishes an update only after storing it.
 */
export class CollabFanout {
  private readonly instanceId = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private remote: (docName: string, kind: FanoutKind, payload: Uint8Array) => void = () => {};
  private remoteAccessChanged: (initiativeId: string) => void = () => {};
  private remoteSessionChanged: (initiativeId: string, sessionId: string) => void = () => {};

  constructor(url: string, logger: Logger) {
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: true });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error) => logger.warn({ err: error }, 'redis connection problem'));
    }
    this.subscriber.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
      const name = channelBuffer.toString();
      if (name === ACCESS_CHANNEL || name === SESSION_CHANNEL) {
        const [sender, initiativeId, sessionId] = message.toString().split(' ');
        if (sender === this.instanceId || !initiativeId) return;
        if (name === ACCESS_CHANNEL) this.remoteAccessChanged(initiativeId);
        else if (sessionId) this.remoteSessionChanged(initiativeId, sessionId);
        return;
      }
      const sender = message.subarray(1, 37).toString();
      if (sender === this.instanceId) return;
      const kind = KINDS[message[0]!];
      if (kind)
        this.remote(name.slice('mizug:collab:'.length), kind, new Uint8Array(message.subarray(37)));
    });
  }

  async connect() {
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(ACCESS_CHANNEL, SESSION_CHANNEL);
  }

  onRemote(
    update: (docName: string, kind: FanoutKind, payload: Uint8Array) => void,
    accessChanged: (initiativeId: string) => void,
    sessionChanged: (initiativeId: string, sessionId: string) => void,
  ) {
    this.remote = update;
    this.remoteAccessChanged = accessChanged;
    this.remoteSessionChanged = sessionChanged;
  }

  /** Tells the other instances to re-check their open sockets of this initiative. */
  publishAccessChanged(initiativeId: string) {
    void this.publisher.publish(ACCESS_CHANNEL, `${this.instanceId} ${initiativeId}`);
  }

  /** Tells the other instances' open pages that a method session changed. */
  publishSessionChanged(initiativeId: string, sessionId: string) {
    void this.publisher.publish(SESSION_CHANNEL, `${this.instanceId} ${initiativeId} ${sessionId}`);
  }

  publish(docName: string, kind: FanoutKind, payload: Uint8Array) {
    const message = Buffer.concat([
      Buffer.from([KINDS.indexOf(kind)]),
      Buffer.from(this.instanceId),
      payload,
    ]);
    void this.publisher.publish(channel(docName), message);
  }

  async subscribe(docName: string) {
    await this.subscriber.subscribe(channel(docName));
  }

  async unsubscribe(docName: string) {
    await this.subscriber.unsubscribe(channel(docName));
  }

  async close() {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
