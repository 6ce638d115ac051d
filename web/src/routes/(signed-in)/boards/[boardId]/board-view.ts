import type { CodeNode, Finding } from '@mizug/domain';
import * as m from '@mizug/i18n/messages';
import { pick } from '$lib/localized';

/** A code as a card's chip shows it, in the page's language where it has one. */
export interface CodeChip {
  name: string;
  lang?: string;
  colour: string;
}

/** One choice of the "move to…" menu: a finding, or the unsorted pile (null). */
export interface MoveTarget {
  finding: string | null;
  label: string;
}

/** Every code of the codebook, by id, for the chips on the cards. */
export function codeChips(nodes: readonly CodeNode[], into = new Map<string, CodeChip>()) {
  for (const code of nodes) {
    const name = pick(code.name);
    into.set(code.id, { name: name.text, lang: name.lang, colour: code.colour });
    codeChips(code.children, into);
  }
  return into;
}

/**
 * Where a card can be moved: the unsorted pile, then the findings by their titles, except final
 * ones, whose cards are what the groups approved.
 */
export const moveTargets = (
  findings: readonly Pick<Finding, 'id' | 'title' | 'status'>[],
): MoveTarget[] => [
  { finding: null, label: m.board_unsorted() },
  ...findings
    .filter((finding) => finding.status !== 'final')
    .map((finding) => ({ finding: finding.id, label: finding.title })),
];

/**
 * `next`, with each entry that reads exactly as it did in `previous` (by id) kept as the object
 * it was: a reload of the board's 500 cards then redraws only the cards that changed.
 */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  const before = new Map(previous.map((entry) => [entry.id, entry]));
  return next.map((entry) => {
    const kept = before.get(entry.id);
    return kept && JSON.stringify(kept) === JSON.stringify(entry) ? kept : entry;
  });
}
