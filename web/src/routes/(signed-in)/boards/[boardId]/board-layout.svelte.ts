import { placeCard, placementsOf, readPlacements, type Placement } from '@mizug/editor/board';
import { CollabSession } from '$lib/editor/collab-session.svelte';

/**
 * A board's live document, opened once for the page: the placements as state, read again once
 * per change of the map (never one observer per card), and held while this person drags, so a
 * move someone else makes does not pull the list from under their pointer or keyboard.
 */
export class BoardLayout {
  readonly session: CollabSession;
  placements: ReadonlyMap<string, Placement>;
  /** Bumped on every change of the document, for what reads its texts (the outline). */
  revision = $state(0);
  /** While this person drags a card: the "move to…" menus leave the Tab order, so Tab reaches the next finding. */
  dragging = $state(false);

  constructor(docName: string) {
    this.session = new CollabSession(docName);
    const { doc } = this.session;
    this.placements = $state.raw(readPlacements(doc));
    placementsOf(doc).observe(() => this.#read());
    doc.on('update', () => this.revision++);
  }

  #read() {
    if (!this.dragging) this.placements = readPlacements(this.session.doc);
  }

  /** A drag started here: keep showing the board as it was until it ends. */
  hold() {
    this.dragging = true;
  }

  /** The drag ended: show every move made meanwhile, this person's and others'. */
  release() {
    this.dragging = false;
    this.#read();
  }

  /** Puts a card into a finding (null: the unsorted pile) at `order`; others see it live. */
  place(cardId: string, finding: string | null, order: number) {
    placeCard(this.session.doc, cardId, finding, order);
  }

  destroy() {
    this.session.destroy();
  }
}
