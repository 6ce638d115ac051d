import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** Where a card's quote sits in a collaborative document (`CardAnchor` in the domain). */
export interface Anchor {
  start: string;
  end: string;
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/**
 * The Yjs relative positions of ProseMirror positions `from`..`to` in the document bound to
 * `fragment` (`mapping`: the binding's Yjs type → ProseMirror node map). A relative position
 * names the character it sits at, so it keeps pointing at the same words after edits elsewhere.
 */
export function anchorBetween(
  fragment: Y.XmlFragment,
  mapping: Map<unknown, unknown>,
  from: number,
  to: number,
): Anchor {
  const encode = (pos: number) =>
    base64(
      Y.encodeRelativePosition(
        absolutePositionToRelativePosition(pos, fragment, mapping as never) as Y.RelativePosition,
      ),
    );
  return { start: encode(from), end: encode(to) };
}

/**
 * The passage selected in a collaborative Tiptap editor: its text (blocks on their own lines,
 * as the server reads the document) and its anchor; null when nothing is selected.
 */
export function selectedPassage(editor: Editor): { quote: string; anchor: Anchor } | null {
  const { from, to } = editor.state.selection;
  const quote = editor.state.doc.textBetween(from, to, '\n').trim();
  const sync = ySyncPluginKey.getState(editor.state) as
    { type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null } | undefined;
  if (!quote || !sync?.binding) return null;
  // Trimmed: the anchor covers exactly the words quoted.
  const text = editor.state.doc.textBetween(from, to, '\n');
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  return {
    quote,
    anchor: anchorBetween(sync.type, sync.binding.mapping, from + lead, to - trail),
  };
}
