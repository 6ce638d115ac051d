import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorBetween } from './anchor';
import { documentSchema, richTextField } from './schema';

const bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The text an anchor covers in the document as it is now, when it lies in one paragraph. */
function quoted(doc: Y.Doc, anchor: { start: string; end: string }) {
  const resolve = (text: string) =>
    Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes(text)), doc)!;
  const start = resolve(anchor.start);
  const end = resolve(anchor.end);
  expect(end.type).toBe(start.type);
  return (start.type as Y.XmlText).toString().slice(start.index, end.index);
}

describe('anchorBetween', () => {
  it('keeps finding the quote after text is inserted before it, in Hebrew', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(richTextField);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('בערב השקט הכי חזק');
    paragraph.insert(0, [text]);
    fragment.insert(0, [paragraph]);

    // The editor's view of the document: positions as a selection in it has them.
    const { doc: view, mapping } = initProseMirrorDoc(fragment, documentSchema);
    const quote = 'השקט הכי';
    const offset = view.textContent.indexOf(quote);
    // Position 1 is the start of the first paragraph's text.
    const anchor = anchorBetween(fragment, mapping, 1 + offset, 1 + offset + quote.length);
    expect(quoted(doc, anchor)).toBe(quote);

    // Someone adds words before the quote, and a paragraph above it.
    doc.transact(() => {
      text.insert(0, 'ואז, ');
      text.insert(text.length, ' מכל דבר');
      const first = new Y.XmlElement('paragraph');
      first.insert(0, [new Y.XmlText('כותרת')]);
      fragment.insert(0, [first]);
    });
    expect(text.toString()).toBe('ואז, בערב השקט הכי חזק מכל דבר');
    expect(quoted(doc, anchor)).toBe(quote);
  });
});
