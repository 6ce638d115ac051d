import { readFileSync } from 'node:fs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentSchema, documentText, presenceColor, richTextField } from './src/index';

const mixedDirection = JSON.parse(
  readFileSync(new URL('../../fixtures/rich-text/mixed-direction.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('the shared rich-text schema', () => {
  it('reads a mixed Hebrew, English and Arabic document back as text, one line per block', () => {
    const doc = prosemirrorJSONToYDoc(documentSchema, mixedDirection, richTextField);
    expect(documentText(doc)).toBe(
      'הסיפור שלי\nשלום, I met the caseworker twice.\nزارتني الأخصائية مرتين.',
    );
  });

  it('reads an empty document as empty text', () => {
    expect(documentText(new Y.Doc())).toBe('');
  });

  it('refuses node types it does not define, such as a script', () => {
    expect(() =>
      prosemirrorJSONToYDoc(
        documentSchema,
        { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'x' }] }] },
        richTextField,
      ),
    ).toThrow(/script/);
  });

  it('stores no direction in the document', () => {
    expect(Object.keys(documentSchema.nodes.paragraph!.spec.attrs ?? {})).not.toContain('dir');
  });

  it('tells the participants of a document apart by caret colour, the same on every screen', () => {
    const clients = Array.from({ length: 40 }, (_, i) => 1_000_003 * (i + 1));
    const colours = clients.map((clientId) => presenceColor('story.a.body', clientId));
    expect(new Set(colours).size).toBeGreaterThanOrEqual(6);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    // Every screen computes it alone, so it must come out the same each time.
    expect(clients.map((clientId) => presenceColor('story.a.body', clientId))).toEqual(colours);
  });

  it('gives one participant different colours in different documents', () => {
    const docs = Array.from({ length: 40 }, (_, i) => `story.${i}.body`);
    expect(new Set(docs.map((doc) => presenceColor(doc, 7))).size).toBeGreaterThanOrEqual(6);
  });
});
