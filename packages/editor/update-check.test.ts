import { readFileSync } from 'node:fs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentSchema, richTextField, richTextUpdateRefusal } from './src/index';

const mixedDirection = JSON.parse(
  readFileSync(new URL('../../fixtures/rich-text/mixed-direction.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** The update a client would send after `edit` on a fresh document. */
function updateOf(edit: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  edit(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe('richTextUpdateRefusal', () => {
  it('accepts what the editor writes: headings, paragraphs, marks, deletions', () => {
    const doc = prosemirrorJSONToYDoc(documentSchema, mixedDirection, richTextField);
    expect(richTextUpdateRefusal(Y.encodeStateAsUpdate(doc))).toBeNull();
    const paragraph = doc.getXmlFragment(richTextField).get(1) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const before = Y.encodeStateVector(doc);
    text.format(0, 4, { bold: {} });
    text.delete(0, 2);
    expect(richTextUpdateRefusal(Y.encodeStateAsUpdate(doc, before))).toBeNull();
  });

  it('refuses a node, a mark or an attribute the schema does not define', () => {
    const script = updateOf((doc) => {
      const element = new Y.XmlElement('script');
      element.insert(0, [new Y.XmlText('alert(1)')]);
      doc.getXmlFragment(richTextField).insert(0, [element]);
    });
    expect(richTextUpdateRefusal(script)).toBe('the node "script"');

    const onclick = updateOf((doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      doc.getXmlFragment(richTextField).insert(0, [paragraph]);
      paragraph.setAttribute('onclick', 'alert(1)');
    });
    expect(richTextUpdateRefusal(onclick)).toBe('the attribute "onclick"');

    const marquee = updateOf((doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText('x');
      paragraph.insert(0, [text]);
      doc.getXmlFragment(richTextField).insert(0, [paragraph]);
      text.format(0, 1, { marquee: {} });
    });
    expect(richTextUpdateRefusal(marquee)).toBe('the mark "marquee"');
  });

  it('refuses other shared types beside the one rich-text fragment', () => {
    expect(richTextUpdateRefusal(updateOf((doc) => doc.getText('body').insert(0, 'x')))).toBe(
      'a root type "body" next to the rich text',
    );
    expect(
      richTextUpdateRefusal(updateOf((doc) => doc.getMap(richTextField).set('k', new Y.Map()))),
    ).not.toBeNull();
  });

  it('throws on bytes that are not an update', () => {
    expect(() => richTextUpdateRefusal(new Uint8Array([200, 1, 2, 3]))).toThrow();
  });
});
