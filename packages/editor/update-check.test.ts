import { readFileSync } from 'node:fs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  documentExtensions,
  documentSchema,
  isAllowedLink,
  richTextField,
  richTextUpdateRefusal,
  textUpdateRefusal,
} from './src/index';

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

  it('refuses text put straight into the document rather than into a paragraph', () => {
    const loose = updateOf((doc) => doc.getText(richTextField).insert(0, 'no paragraph'));
    expect(richTextUpdateRefusal(loose)).toBe('text outside a paragraph');
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

  it('refuses links other than http:, https: and mailto:, and keeps those', () => {
    const linked = (href: string) =>
      updateOf((doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText('click');
        paragraph.insert(0, [text]);
        doc.getXmlFragment(richTextField).insert(0, [paragraph]);
        text.format(0, 5, { link: { href, target: '_blank' } });
      });
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:x',
      'data:text/html,x',
    ])
      expect(richTextUpdateRefusal(linked(href)), href).toBe(
        'a link that is not http:, https: or mailto:',
      );
    for (const href of ['https://example.org/a?b', 'http://example.org', 'mailto:dana@example.org'])
      expect(richTextUpdateRefusal(linked(href)), href).toBeNull();
  });

  it('refuses text breaking the text rules: NUL, controls, direction overrides', () => {
    const typed = (words: string) =>
      updateOf((doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(words)]);
        doc.getXmlFragment(richTextField).insert(0, [paragraph]);
      });
    expect(richTextUpdateRefusal(typed('שלום\u0000'))).toBe('text breaking text_control');
    expect(richTextUpdateRefusal(typed('\u202eשלום'))).toBe(
      'text breaking text_direction_override',
    );
    expect(richTextUpdateRefusal(typed('שלום \u2067Dana\u2069\u200f\tمرحبا\u061c'))).toBeNull();
    const attribute = updateOf((doc) => {
      const heading = new Y.XmlElement('heading');
      doc.getXmlFragment(richTextField).insert(0, [heading]);
      heading.setAttribute('level', '\u0000' as unknown as string);
    });
    expect(richTextUpdateRefusal(attribute)).toBe('text breaking text_control');
  });

  it('holds every other document to the text rules too', () => {
    const plain = (words: string) => updateOf((doc) => doc.getText('body').insert(0, words));
    expect(textUpdateRefusal(plain('notes\u0000'))).toBe('text breaking text_control');
    expect(textUpdateRefusal(plain('\u202dnotes'))).toBe('text breaking text_direction_override');
    expect(textUpdateRefusal(plain('הערות\nnotes'))).toBeNull();
  });

  it('throws on bytes that are not an update', () => {
    expect(() => richTextUpdateRefusal(new Uint8Array([200, 1, 2, 3]))).toThrow();
  });
});

describe('links in the editor', () => {
  it('go only to web pages and e-mail: Tiptap makes, pastes and renders no other', () => {
    const link = (
      documentExtensions[0]!.options as { link: { isAllowedUri: (url: string) => boolean } }
    ).link;
    expect(link.isAllowedUri('javascript:alert(1)')).toBe(false);
    expect(link.isAllowedUri('vbscript:x')).toBe(false);
    // Tiptap on its own would take these too.
    expect(link.isAllowedUri('ftp://example.org/file')).toBe(false);
    expect(link.isAllowedUri('tel:+972500000000')).toBe(false);
    expect(link.isAllowedUri('https://example.org')).toBe(true);
    expect(isAllowedLink('mailto:dana@example.org')).toBe(true);
    expect(isAllowedLink('/relative')).toBe(false);
    expect(isAllowedLink(undefined)).toBe(false);
  });
});
