import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * What a reader extracts from a PDF: its text, page after page, and its words. A PDF keeps
 * right-to-left text in visual order (each word as written, words right to left), so phrases are
 * compared word by word; `compact` is the text without white space, for ids broken over lines.
 */
export async function pdfText(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  const text = pages.join('\n');
  const words = new Set(text.split(/\s+/u).filter(Boolean));
  return {
    text,
    compact: text.replace(/\s+/gu, ''),
    /** Every word of `phrase` is a word of the PDF. */
    hasWordsOf: (phrase: string) => phrase.split(/\s+/u).every((word) => words.has(word)),
  };
}
