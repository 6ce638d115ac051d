import { CardCitation } from '@mizug/editor/board';

/**
 * How the editors of one page show card citations: each as the card's short quote (or that it
 * is withdrawn), read from the page's list of cards. The document stores only the card's id;
 * when the cards change (a quote withdrawn, live) every citation shown is relabelled.
 */
export class CardCitations {
  #label: (cardId: string) => string;
  readonly #shown = new Set<() => void>();

  constructor(label: (cardId: string) => string) {
    this.#label = label;
  }

  /** New labels (the cards list changed): every citation on the page reads them. */
  relabel(label: (cardId: string) => string) {
    this.#label = label;
    for (const update of this.#shown) update();
  }

  /** The citation node, drawn as its label; it replaces the shared node of the same name. */
  readonly extension = CardCitation.extend({
    addNodeView: () => {
      return ({ node }) => {
        const cardId = node.attrs.cardId as string;
        const dom = document.createElement('cite');
        dom.className = 'card-citation';
        dom.dataset.cardId = cardId;
        const update = () => (dom.textContent = `❝${this.#label(cardId)}❞`);
        update();
        this.#shown.add(update);
        return {
          dom,
          update: (next) => next.type.name === node.type.name && next.attrs.cardId === cardId,
          destroy: () => this.#shown.delete(update),
        };
      };
    },
  });
}
