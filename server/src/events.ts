import { EventEmitter } from 'node:events';

/**
 * In-process notices from the API to long-lived connections. The collaboration server forwards
 * them to the other instances through Redis when there are several.
 */
export interface DomainEvents {
  /**
   * Who may read what in the initiative changed (membership, role, space, a story's consent or
   * withdrawal): open sockets re-check access and open pages reload. `remote` when another
   * instance reported it through Redis, so it is not published back.
   */
  accessChanged: [initiativeId: string, origin?: 'remote'];
  /** Something in a method session changed (a stage, a decision, a post): open pages reload it. */
  sessionChanged: [initiativeId: string, sessionId: string, origin?: 'remote'];
  /** A board's findings changed (made, renamed, returned, decided, disputed, final). */
  boardChanged: [initiativeId: string, boardId: string, origin?: 'remote'];
  /**
   * The insight cards made in a space changed (one made, removed or coded, or its source
   * withdrawn): its readers' open pages and boards reload them.
   */
  cardsChanged: [initiativeId: string, spaceId: string, origin?: 'remote'];
  /** An initiative's codebook changed (a code created, changed, merged or deleted). */
  codebookChanged: [initiativeId: string, origin?: 'remote'];
  /**
   * A sign-in ended (signed out): the live connections riding on it close. By the SHA-256 of its
   * cookie's token, which is all the database keeps of it.
   */
  signInEnded: [tokenHash: string, origin?: 'remote'];
}

export class EventBus extends EventEmitter<DomainEvents> {
  constructor() {
    super();
    // One listener per open page's event stream: many are expected, none is a leak.
    this.setMaxListeners(0);
  }
}
