import { collabCloseCodes, collabLimits } from '@mizug/domain';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parse as parseCookie } from 'hono/utils/cookie';
import type * as Y from 'yjs';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Database } from '../db/database';
import type { EventBus } from '../events';
import { SIGN_IN_COOKIE } from '../http/sign-in';
import type { Logger } from '../logger';
import { identifyForDocument, liveSignIns, reidentify } from './auth';
import { contentRulesOf } from './document-kinds';
import { CollabConnection, ProtocolError } from './connection';
import { CollabPersistence } from './persistence';
import type { CollabFanout, FanoutKind } from './redis-fanout';
import { Room, type LocalAuthor } from './room';

export const COLLAB_PATH = '/collab/';

export interface CollabServerOptions {
  db: Database;
  logger: Logger;
  events: EventBus;
  fanout?: CollabFanout;
  /** Unload a document this long after its last connection leaves. Default 30 s. */
  idleUnloadMs?: number;
  /** Compact a document after this many updates. Default 500. */
  compactEvery?: number;
  /**
   * How often open sockets' sign-ins are checked against storage, so one that expired or ended
   * without notice (another instance while Redis was away) is closed. Default 60 s.
   */
  signInCheckMs?: number;
}

/**
 * The y-websocket endpoint: `/collab/<docName>` on the HTTP server's port. Decides access at the
 * upgrade, enforces it per message, keeps one Room per open document and unloads idle ones.
 */
export class CollabServer {
  // Frames up to twice the limit are read and refused with 4413; larger ones never reach memory (1009).
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: 2 * collabLimits.maxMessageBytes,
  });
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly persistence: CollabPersistence;
  readonly stats = { droppedReaderUpdates: 0, protocolErrors: 0 };
  private readonly signInCheck: NodeJS.Timeout;

  constructor(private readonly options: CollabServerOptions) {
    this.persistence = new CollabPersistence(options.db);
    options.events.on('accessChanged', (initiativeId, origin) => {
      void this.recheckAccess(initiativeId);
      if (origin !== 'remote') options.fanout?.publishAccessChanged(initiativeId);
    });
    options.events.on('sessionChanged', (initiativeId, sessionId, origin) => {
      if (origin !== 'remote') options.fanout?.publishSessionChanged(initiativeId, sessionId);
    });
    options.events.on('cardsChanged', (initiativeId, spaceId, origin) => {
      if (origin !== 'remote') options.fanout?.publishCardsChanged(initiativeId, spaceId);
    });
    options.events.on('codebookChanged', (initiativeId, origin) => {
      if (origin !== 'remote') options.fanout?.publishCodebookChanged(initiativeId);
    });
    options.events.on('signInEnded', (tokenHash, origin) => {
      void this.endSignIn(tokenHash);
      if (origin !== 'remote') options.fanout?.publishSignInEnded(tokenHash);
    });
    options.fanout?.onRemote({
      remote: (docName, kind, payload) => void this.applyRemote(docName, kind, payload),
      accessChanged: (initiativeId) => options.events.emit('accessChanged', initiativeId, 'remote'),
      sessionChanged: (initiativeId, sessionId) =>
        options.events.emit('sessionChanged', initiativeId, sessionId, 'remote'),
      cardsChanged: (initiativeId, spaceId) =>
        options.events.emit('cardsChanged', initiativeId, spaceId, 'remote'),
      codebookChanged: (initiativeId) =>
        options.events.emit('codebookChanged', initiativeId, 'remote'),
      signInEnded: (tokenHash) => options.events.emit('signInEnded', tokenHash, 'remote'),
      resubscribed: () => void this.catchUp(),
    });
    this.signInCheck = setInterval(
      () => void this.closeEndedSignIns(),
      options.signInCheckMs ?? 60_000,
    ).unref();
  }

  /** For the HTTP server's 'upgrade' event; answers anything outside /collab/ with 404. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    void this.upgrade(request, socket, head).catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'collaboration upgrade failed');
      socket.destroy();
    });
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(COLLAB_PATH)) return reject(socket, 404);
    // Cross-site websocket hijacking: a page elsewhere must not ride the sign-in cookie.
    const origin = request.headers.origin;
    if (origin && new URL(origin).host !== request.headers.host) return reject(socket, 403);
    const docName = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
    const token = parseCookie(request.headers.cookie ?? '', SIGN_IN_COOKIE)[SIGN_IN_COOKIE];
    const identity = await identifyForDocument(this.options.db, token, docName);
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      if (!identity) return ws.close(collabCloseCodes.forbidden, 'forbidden');
      this.connect(ws, docName, identity).catch((error: unknown) => {
        this.options.logger.error({ err: error, doc: docName }, 'could not open a document');
        ws.close(1011, 'internal error');
      });
    });
  }

  private async connect(
    ws: WebSocket,
    docName: string,
    identity: NonNullable<Awaited<ReturnType<typeof identifyForDocument>>>,
  ) {
    ws.binaryType = 'nodebuffer';
    // Messages that arrive while the document loads wait their turn.
    const early: Buffer[] = [];
    const buffer = (data: Buffer) => early.push(data);
    ws.on('message', buffer);
    const room = await this.room(docName);
    const connection = new CollabConnection(ws, room, identity);
    room.connections.add(connection);
    clearTimeout(this.unloadTimers.get(docName));
    ws.off('message', buffer);
    const receive = (data: Buffer) => {
      // Once its close is decided (signed out, access revoked), nothing more it sends counts.
      if (ws.readyState !== ws.OPEN) return;
      try {
        connection.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (error) {
        // Whatever one socket sends, only that socket is closed; the process and the room go on.
        this.stats.protocolErrors++;
        const known = error instanceof ProtocolError;
        this.options.logger[known ? 'warn' : 'error'](
          { doc: docName, err: known ? undefined : error, reason: (error as Error).message },
          'closing a collaboration socket',
        );
        ws.close(
          known ? error.closeCode : 1011,
          known ? closeReason(error.message) : 'internal error',
        );
      }
    };
    ws.on('message', receive);
    ws.on('close', () => {
      this.stats.droppedReaderUpdates += connection.droppedUpdates;
      try {
        room.leave(connection);
      } catch (error) {
        this.options.logger.error({ err: error, doc: docName }, 'could not leave a document');
      }
      if (room.connections.size === 0) this.scheduleUnload(docName);
    });
    ws.on('error', () => ws.terminate());
    connection.start();
    for (const data of early) receive(data);
  }

  private room(docName: string): Promise<Room> {
    let room = this.rooms.get(docName);
    if (!room) {
      const created = new Room({
        name: docName,
        persistence: this.persistence,
        logger: this.options.logger,
        publish:
          this.options.fanout &&
          ((kind, payload) => this.options.fanout!.publish(docName, kind, payload)),
        compactEvery: this.options.compactEvery ?? 500,
        checkUpdate: contentRulesOf(docName).checkUpdate,
      });
      created.discard = () => {
        // Its live document holds updates storage lacks: forget it, so reconnecting clients
        // resync them into a document loaded afresh (and so get them stored).
        if (this.rooms.get(docName) === room) this.rooms.delete(docName);
        for (const connection of created.connections)
          (connection as CollabConnection).socket.close(collabCloseCodes.goingAway);
        created.awareness.destroy();
        created.doc.destroy();
      };
      room = (async () => {
        // Subscribe before loading, so nothing published in between is missed.
        await this.options.fanout?.subscribe(docName);
        this.options.fanout?.publish(docName, 'awareness-query', new Uint8Array());
        await created.load();
        return created;
      })();
      this.rooms.set(docName, room);
      room.catch(() => this.rooms.delete(docName));
    }
    return room;
  }

  /**
   * Changes a document on the server's side (restoring a version, say): through its live room,
   * so the change is stored, attributed to `authorId` and reaches everyone connected.
   */
  async edit(docName: string, change: (doc: Y.Doc) => void, authorId: string | null) {
    const room = await this.room(docName);
    room.doc.transact(() => change(room.doc), { authorId } satisfies LocalAuthor);
    await room.flushed();
    if (room.connections.size === 0) this.scheduleUnload(docName);
  }

  /** Everything said in a loaded document (or in every one) is stored, contributors included. */
  async settle(docName?: string): Promise<void> {
    const rooms = docName ? [this.rooms.get(docName)] : [...this.rooms.values()];
    for (const room of rooms) await (await room)?.recordContributors();
  }

  private scheduleUnload(docName: string) {
    clearTimeout(this.unloadTimers.get(docName));
    const timer = setTimeout(
      () =>
        void this.unload(docName).catch((error: unknown) =>
          this.options.logger.error({ err: error, doc: docName }, 'could not unload a document'),
        ),
      this.options.idleUnloadMs ?? 30_000,
    );
    timer.unref();
    this.unloadTimers.set(docName, timer);
  }

  private async unload(docName: string) {
    const room = await this.rooms.get(docName);
    if (!room || room.connections.size > 0) return;
    this.rooms.delete(docName);
    this.unloadTimers.delete(docName);
    await this.options.fanout?.unsubscribe(docName);
    await room.destroy();
  }

  /**
   * What another instance sent about a document loaded here. If it cannot be applied, the room is
   * dropped: its clients reconnect into one loaded from storage, and no other room is touched.
   */
  private async applyRemote(docName: string, kind: FanoutKind, payload: Uint8Array) {
    const room = await this.rooms.get(docName)?.catch(() => undefined);
    if (!room) return;
    try {
      if (kind === 'stored') await room.catchUp();
      else room.applyRemote(kind, payload);
    } catch (error) {
      this.options.logger.error(
        { err: error, doc: docName, kind },
        'could not apply a change from another instance',
      );
      room.discard();
    }
  }

  /** Loaded rooms; one that failed to load is left out. */
  private async loadedRooms(): Promise<Room[]> {
    const rooms = await Promise.allSettled(this.rooms.values());
    return rooms.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  private async openConnections(): Promise<CollabConnection[]> {
    return (await this.loadedRooms()).flatMap(
      (room) => [...room.connections] as CollabConnection[],
    );
  }

  /** Re-decides every open socket of the initiative (or of all); closes those that lost access. */
  private async recheckAccess(initiativeId?: string) {
    try {
      for (const connection of await this.openConnections()) {
        if (initiativeId && connection.identity.initiativeId !== initiativeId) continue;
        const identity = await reidentify(
          this.options.db,
          connection.identity,
          connection.room.name,
        ).catch((error: unknown) => {
          // Access that cannot be re-decided is not kept: the client reconnects and is decided anew.
          this.options.logger.error({ err: error }, 'could not re-check collaboration access');
          return null;
        });
        if (identity) {
          const renamed = identity.displayName !== connection.identity.displayName;
          connection.identity = identity;
          if (renamed) connection.renamePresence();
        } else if (identity === null) connection.socket.close(1011, 'internal error');
        else connection.socket.close(collabCloseCodes.accessRevoked, 'access revoked');
      }
    } catch (error) {
      this.options.logger.error({ err: error }, 'could not re-check collaboration access');
    }
  }

  /** Closes the sockets of a sign-in that ended; the account's other sign-ins stay. */
  private async endSignIn(tokenHash: string) {
    for (const connection of await this.openConnections()) {
      if (connection.identity.signIn.tokenHash === tokenHash)
        connection.socket.close(collabCloseCodes.accessRevoked, 'signed out');
    }
  }

  /** Closes the sockets whose sign-in expired or ended in storage. */
  private async closeEndedSignIns() {
    try {
      const connections = await this.openConnections();
      const live = await liveSignIns(
        this.options.db,
        connections.map((connection) => connection.identity),
      );
      for (const connection of connections) {
        if (!live.has(connection.identity.signIn.tokenHash))
          connection.socket.close(collabCloseCodes.accessRevoked, 'sign-in ended');
      }
    } catch (error) {
      this.options.logger.error({ err: error }, 'could not check collaboration sign-ins');
    }
  }

  /**
   * After Redis was away: every live document takes from storage what the other instances
   * stored meanwhile, presence is exchanged again, and open sockets are re-decided, since
   * access and sign-out notices may have been lost too.
   */
  private async catchUp() {
    for (const room of await this.loadedRooms()) {
      this.options.fanout?.publish(room.name, 'awareness-query', new Uint8Array());
      try {
        // Answering our own question announces this instance's participants to the others.
        room.applyRemote('awareness-query', new Uint8Array());
        await room.catchUp();
      } catch (error) {
        this.options.logger.error({ err: error, doc: room.name }, 'could not catch up');
      }
    }
    await this.recheckAccess();
    await this.closeEndedSignIns();
  }

  /** Number of documents in memory. */
  get loadedDocuments() {
    return this.rooms.size;
  }

  /** Stores everything pending and closes every socket (shutdown). */
  async close() {
    clearInterval(this.signInCheck);
    for (const client of this.wss.clients)
      client.close(collabCloseCodes.goingAway, 'server shutting down');
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const result of rooms) if (result.status === 'fulfilled') await result.value.destroy();
    this.rooms.clear();
    this.wss.close();
  }
}

/** A close frame carries at most 123 bytes of reason; a longer one makes `close` throw. */
function closeReason(message: string): string {
  let reason = message.slice(0, 120);
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

function reject(socket: Duplex, status: 403 | 404) {
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\n\r\n`,
  );
}
