import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * `awareness-query`: a newly loaded room asks the others who is present there. `stored`: the
 * sender stored updates it could not publish (Redis was down): catch up from storage.
 */
export type FanoutKind = 'update' | 'awareness' | 'awareness-query' | 'stored';
const KINDS: FanoutKind[] = ['update', 'awareness', 'awareness-query', 'stored'];
const DOC_PREFIX = 'mizug:collab:';
const ACCESS_CHANNEL = 'mizug:access-changed';
const SESSION_CHANNEL = 'mizug:session-changed';
const SIGN_IN_CHANNEL = 'mizug:sign-in-ended';
const CARDS_CHANNEL = 'mizug:cards-changed';
const CODEBOOK_CHANNEL = 'mizug:codebook-changed';
const NOTICE_CHANNELS = [
  ACCESS_CHANNEL,
  SESSION_CHANNEL,
  SIGN_IN_CHANNEL,
  CARDS_CHANNEL,
  CODEBOOK_CHANNEL,
];
/** Notices kept to publish once Redis is back; older ones are covered by the re-check then. */
const MAX_UNSENT_NOTICES = 10_000;

/** What the other instances tell this one. */
export interface FanoutListener {
  remote(docName: string, kind: FanoutKind, payload: Uint8Array): void;
  accessChanged(initiativeId: string): void;
  sessionChanged(initiativeId: string, sessionId: string): void;
  cardsChanged(initiativeId: string, spaceId: string): void;
  codebookChanged(initiativeId: string): void;
  signInEnded(tokenHash: string): void;
  /**
   * Subscribed again after Redis was unreachable (or at first connect): whatever the others
   * published meanwhile never arrived, so live documents catch up from storage and open sockets
   * are re-decided.
   */
  resubscribed(): void;
}

/**
 * Shares live updates and presence between server instances through Redis pub/sub. Each message
 * carries the sending instance's id so an instance ignores its own. Storage stays the source of
 * truth: an instance publishes an update only after storing it. Redis being away never fails
 * anything here: messages that cannot go out are dropped (documents that had updates are
 * announced as `stored` and notices are sent again once it is back), and the instance goes on
 * serving its own clients.
 */
export class CollabFanout {
  private readonly instanceId = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  /** Every channel this instance wants, subscribed again whenever the subscriber reconnects. */
  private readonly channels = new Set(NOTICE_CHANNELS);
  private subscribed = false;
  private lost = false;
  private closing = false;
  /** Documents whose updates were stored but not published while Redis was away. */
  private readonly unpublished = new Set<string>();
  private unsentNotices: [channel: string, message: string][] = [];
  private listener: FanoutListener | undefined;
  private firstSubscription: () => void = () => {};

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    // Without an offline queue a command fails at once while Redis is away instead of piling
    // up; the timeout bounds one sent into a connection that has just died.
    const options = {
      lazyConnect: true,
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 2000,
    };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    for (const client of [this.publisher, this.subscriber]) {
      // Every failed reconnect attempt emits one; the outage itself is logged once, below.
      client.on('error', (error) => logger.debug({ err: error }, 'redis connection problem'));
    }
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('close', () => {
      if (!this.subscribed || this.closing) return;
      this.subscribed = false;
      this.lost = true;
      logger.warn(
        'lost Redis: serving this instance’s clients alone, other instances’ edits arrive once it is back',
      );
    });
    this.publisher.on('ready', () => this.sendUnsent());
    this.subscriber.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
      try {
        this.receive(channelBuffer.toString(), message);
      } catch (error) {
        logger.error({ err: error }, 'could not apply a message from another instance');
      }
    });
  }

  /** Connects; when Redis cannot be reached the instance starts alone and keeps trying. */
  async connect() {
    const subscribed = new Promise<void>((resolve) => (this.firstSubscription = resolve));
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      await subscribed;
    } catch (error) {
      this.lost = true;
      this.logger.warn(
        { err: error },
        'Redis is not reachable: serving this instance’s clients alone until it is',
      );
    }
  }

  /** Whether messages reach the other instances right now (else health says degraded). */
  get connected(): boolean {
    return this.subscribed && this.publisher.status === 'ready';
  }

  onRemote(listener: FanoutListener) {
    this.listener = listener;
  }

  /** Tells the other instances to re-check their open sockets of this initiative. */
  publishAccessChanged(initiativeId: string) {
    this.notice(ACCESS_CHANNEL, `${this.instanceId} ${initiativeId}`);
  }

  /** Tells the other instances' open pages that a method session changed. */
  publishSessionChanged(initiativeId: string, sessionId: string) {
    this.notice(SESSION_CHANNEL, `${this.instanceId} ${initiativeId} ${sessionId}`);
  }

  /** Tells the other instances' open pages that the cards of a space changed. */
  publishCardsChanged(initiativeId: string, spaceId: string) {
    this.notice(CARDS_CHANNEL, `${this.instanceId} ${initiativeId} ${spaceId}`);
  }

  /** Tells the other instances' open pages that an initiative's codebook changed. */
  publishCodebookChanged(initiativeId: string) {
    this.notice(CODEBOOK_CHANNEL, `${this.instanceId} ${initiativeId}`);
  }

  /** Tells the other instances to close the sockets of a sign-in that ended. */
  publishSignInEnded(tokenHash: string) {
    this.notice(SIGN_IN_CHANNEL, `${this.instanceId} ${tokenHash}`);
  }

  publish(docName: string, kind: FanoutKind, payload: Uint8Array) {
    const message = Buffer.concat([
      Buffer.from([KINDS.indexOf(kind)]),
      Buffer.from(this.instanceId),
      payload,
    ]);
    // A lost update is in storage: the others catch up once told. Lost presence is asked again.
    this.send(DOC_PREFIX + docName, message, () => {
      if (kind === 'update' || kind === 'stored') this.unpublished.add(docName);
    });
  }

  /** Subscribes to a document's channel; never fails (the next reconnect subscribes it). */
  async subscribe(docName: string) {
    this.channels.add(DOC_PREFIX + docName);
    if (!this.subscribed) return;
    await this.subscriber.subscribe(DOC_PREFIX + docName).catch((error: unknown) => {
      this.logger.debug({ err: error, doc: docName }, 'could not subscribe yet');
    });
  }

  async unsubscribe(docName: string) {
    this.channels.delete(DOC_PREFIX + docName);
    if (!this.subscribed) return;
    await this.subscriber.unsubscribe(DOC_PREFIX + docName).catch(() => {});
  }

  async close() {
    this.closing = true;
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private receive(name: string, message: Buffer) {
    if (!this.listener) return;
    if (NOTICE_CHANNELS.includes(name)) {
      const [sender, first, second] = message.toString().split(' ');
      if (sender === this.instanceId || !first) return;
      if (name === ACCESS_CHANNEL) this.listener.accessChanged(first);
      else if (name === SIGN_IN_CHANNEL) this.listener.signInEnded(first);
      else if (name === CODEBOOK_CHANNEL) this.listener.codebookChanged(first);
      else if (name === CARDS_CHANNEL && second) this.listener.cardsChanged(first, second);
      else if (second) this.listener.sessionChanged(first, second);
      return;
    }
    const sender = message.subarray(1, 37).toString();
    if (sender === this.instanceId || !name.startsWith(DOC_PREFIX)) return;
    const kind = KINDS[message[0]!];
    if (kind)
      this.listener.remote(
        name.slice(DOC_PREFIX.length),
        kind,
        new Uint8Array(message.subarray(37)),
      );
  }

  private async resubscribe() {
    try {
      await this.subscriber.subscribe(...this.channels);
    } catch (error) {
      // The connection went again; its next 'ready' tries again.
      this.logger.debug({ err: error }, 'could not subscribe to Redis channels');
      return;
    }
    this.subscribed = true;
    if (this.lost) this.logger.info('Redis is back: catching up with the other instances');
    this.lost = false;
    this.firstSubscription();
    this.listener?.resubscribed();
  }

  private notice(channel: string, message: string) {
    this.send(channel, message, () => {
      this.unsentNotices.push([channel, message]);
      if (this.unsentNotices.length > MAX_UNSENT_NOTICES) this.unsentNotices.shift();
    });
  }

  /** Publishes, calling `failed` instead of ever throwing or rejecting. */
  private send(channel: string, message: string | Buffer, failed: () => void) {
    if (this.publisher.status !== 'ready') return failed();
    this.publisher.publish(channel, message).catch((error: unknown) => {
      this.logger.debug({ err: error, channel }, 'could not publish to Redis');
      failed();
    });
  }

  /** Once the publisher is back: what could not be sent while it was away. */
  private sendUnsent() {
    const notices = this.unsentNotices;
    this.unsentNotices = [];
    for (const [channel, message] of notices) this.notice(channel, message);
    const docs = [...this.unpublished];
    this.unpublished.clear();
    for (const docName of docs) this.publish(docName, 'stored', new Uint8Array());
  }
}
