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

/** The columns' names: the unsorted pile, then the findings by their titles. */
export const moveTargets = (findings: readonly Pick<Finding, 'id' | 'title'>[]): MoveTarget[] => [
  { finding: null, label: m.board_unsorted() },
  ...findings.map((finding) => ({ finding: finding.id, label: finding.title })),
];
