import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

function decorateTextblocks(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true;
    decorations.push(Decoration.node(position, position + node.nodeSize, { dir: 'auto' }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Gives every paragraph, heading and list item its own `dir="auto"`, so a Hebrew paragraph reads
 * right-to-left next to an English one. A decoration rather than a node attribute (Tiptap's
 * `textDirection`), so nothing about direction is stored in the document.
 */
export const AutoDirection = Extension.create({
  name: 'autoDirection',
  addProseMirrorPlugins() {
    const key = new PluginKey<DecorationSet>('autoDirection');
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => decorateTextblocks(state.doc),
          apply: (transaction, decorations) =>
            transaction.docChanged ? decorateTextblocks(transaction.doc) : decorations,
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});
