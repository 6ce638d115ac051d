/**
 * One form of text for searching, used for both what is stored and what is asked, so a word
 * matches however it was written: lower case; Hebrew without niqqud or cantillation; Arabic
 * without harakat, Quranic marks or tatweel, and every alef form as a bare alef.
 */
export function searchable(text: string): string {
  return (
    text
      // Decomposed, so a precomposed letter (أ, שּׁ) becomes its base letter plus marks.
      .normalize('NFKD')
      .replace(HEBREW_MARKS, '')
      .replace(ARABIC_MARKS, '')
      .replace(/\u0640/g, '') // tatweel
      .replace(/[\u0671-\u0673\u0675]/g, '\u0627') // alef wasla and the other alef forms
      .normalize('NFC')
      .toLowerCase()
  );
}

// Cantillation and points, U+0591–U+05C7, without the maqaf, paseq, sof pasuq and nun hafukha.
const HEBREW_MARKS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;
// Harakat; hamza and madda above and below (which NFKD splits off alef, waw and yeh); superscript
// alef; Quranic annotation signs.
const ARABIC_MARKS =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/g;

/** The words of a search query, each in searchable form. */
export const searchWords = (query: string): string[] =>
  searchable(query).split(/\s+/).filter(Boolean);
