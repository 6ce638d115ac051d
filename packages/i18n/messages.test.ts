import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./messages/', import.meta.url);
const catalogs = Object.fromEntries(
  readdirSync(dir).map((file) => {
    const { $schema: _schema, ...messages } = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    return [file.replace('.json', ''), messages as Record<string, string>];
  }),
);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('exist for Hebrew, Arabic and English', () => {
    expect(Object.keys(catalogs).sort()).toEqual(['ar', 'en', 'he']);
  });

  for (const locale of ['he', 'ar']) {
    it(`${locale} translates every English message, with the same placeholders`, () => {
      const english = catalogs.en!;
      const translated = catalogs[locale]!;
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        expect(translated[key]?.trim(), key).not.toBe('');
        expect(placeholders(translated[key]!), key).toEqual(placeholders(text));
      }
    });
  }
});
