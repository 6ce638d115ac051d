import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import {
  prosemirrorJSONToYXmlFragment,
  yXmlFragmentToProseMirrorRootNode,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { AutoDirection } from './auto-direction';
import { CardCitation } from './board';
import { isAllowedLink } from './links';

/** The Yjs field that holds a rich-text document (Tiptap's Collaboration default). */
export const richTextField = 'default';

/**
 * What a Mizug rich-text document may contain, the one list the editor and the server share.
 * Undo is left to the Collaboration extension, whose history is per person rather than shared.
 * Links go only to web pages and e-mail (`isAllowedLink`): Tiptap then neither makes, pastes nor
 * renders any other, and the server refuses an update that carries one.
 */
export const documentExtensions = [
  StarterKit.configure({
    undoRedo: false,
    link: { openOnClick: false, isAllowedUri: (url) => isAllowedLink(url) },
  }),
  AutoDirection,
  // Only boards' statements cite cards; elsewhere the node is as harmless as a link.
  CardCitation,
];

export const documentSchema = getSchema(documentExtensions);

/**
 * The plain text of a collaborative document, one line per block, as readers see it; `field`
 * names the fragment (a board has one per finding part).
 */
export function documentText(doc: Y.Doc, field = richTextField): string {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(field), documentSchema);
  // A citation reads as `[card:<id>]`, which `numberCitations` turns into `[n]`.
  return root.textBetween(0, root.content.size, '\n', (leaf) =>
    leaf.type.name === CardCitation.name
      ? `[card:${leaf.attrs.cardId as string}]`
      : (leaf.type.spec.leafText?.(leaf) ?? ''),
  );
}

/**
 * Makes `target`'s rich text read like `source`'s, as one change that other editors receive and
 * merge (restoring an earlier version keeps the history that led away from it).
 */
export function replaceRichText(target: Y.Doc, source: Y.Doc): void {
  const content = yXmlFragmentToProsemirrorJSON(source.getXmlFragment(richTextField));
  const fragment = target.getXmlFragment(richTextField);
  target.transact(() => {
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(documentSchema, content, fragment);
  });
}
