import { mergeAttributes, Node } from '@tiptap/core';
import * as Y from 'yjs';

/**
 * The layout of a synthesis board's collaborative document, `board.<boardId>.layout`, shared by
 * the board page (which writes it) and the server (which checks updates and reads it).
 *
 * - `placements`, a Y.Map: card id → `{ finding, order }`. `finding` is a finding id, or null for
 *   the unsorted pile; `order` sorts the cards within it. One key per card, so two people moving
 *   different cards never conflict and moving the same card converges on the last move.
 * - One rich-text fragment per finding and part: `statement-<findingId>`,
 *   `characteristics-<findingId>`, `questions-<findingId>`, each in the editor's schema.
 *
 * A board's cards are the cards made in its space; placements of any other id are ignored.
 */
export const boardPlacementsField = 'placements';

export const findingParts = ['statement', 'characteristics', 'questions'] as const;
export type FindingPart = (typeof findingParts)[number];

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The root fields a board document may have besides `placements`. */
export const findingFieldPattern = new RegExp(`^(${findingParts.join('|')})-(${uuid})$`);

export const findingField = (findingId: string, part: FindingPart) => `${part}-${findingId}`;

export interface Placement {
  /** The finding the card is clustered in, or null when it is not sorted yet. */
  finding: string | null;
  order: number;
}

export const placementsOf = (doc: Y.Doc) => doc.getMap<Placement>(boardPlacementsField);

/** Every card's placement, as the document holds it now. */
export function readPlacements(doc: Y.Doc): Map<string, Placement> {
  return new Map(placementsOf(doc).entries());
}

/** Moves a card into a finding (or back to the unsorted pile) at `order`. */
export function placeCard(doc: Y.Doc, cardId: string, finding: string | null, order: number) {
  placementsOf(doc).set(cardId, { finding, order });
}

/**
 * An inline citation of a card in a finding's statement. It stores only the card's id: the quote
 * is shown from the card as it is now, so a withdrawn quote disappears from the statement too.
 */
export const CardCitation = Node.create({
  name: 'cardCitation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      cardId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-card-id'),
        renderHTML: (attributes) => ({ 'data-card-id': attributes.cardId as string }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'cite[data-card-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['cite', mergeAttributes(HTMLAttributes, { class: 'card-citation' }), '❝'];
  },
  renderText({ node }) {
    return `[card:${node.attrs.cardId as string}]`;
  },
});

export const citationPattern = () => new RegExp(`\\[card:(${uuid})\\]`, 'g');

/**
 * The card ids a text read with `documentText` cites, in order, and the text with `[n]`.
 * `numbering` continues an earlier text's (it is extended in place, so several texts share
 * one); a card `resolves` refuses reads `[?]`, never resolved.
 */
export function numberCitations(
  text: string,
  numbering: string[] = [],
  resolves: (cardId: string) => boolean = () => true,
): { text: string; citations: string[] } {
  const numbered = text.replace(citationPattern(), (_, id: string) => {
    if (!resolves(id)) return '[?]';
    let index = numbering.indexOf(id);
    if (index === -1) index = numbering.push(id) - 1;
    return `[${index + 1}]`;
  });
  return { text: numbered, citations: numbering };
}

/** The card ids a text read with `documentText` cites, each once, in order. */
export const citedCards = (text: string): string[] => [
  ...new Set([...text.matchAll(citationPattern())].map((match) => match[1]!)),
];
