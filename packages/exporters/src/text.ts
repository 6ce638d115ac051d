/**
 * Text as every format can carry it: LF line ends (NVivo and ATLAS.ti count CRLF differently),
 * and none of the characters XML 1.0 cannot hold (C0 controls but tab and LF, lone surrogates,
 * U+FFFE/U+FFFF), which would otherwise make the XML invalid or shift positions on import.
 */
export function exportableText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(
    // eslint-disable-next-line no-control-regex -- these control characters are what it removes
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** How many Unicode code points the first `utf16Index` UTF-16 units of `text` hold. */
export function codePointsBefore(text: string, utf16Index: number): number {
  let count = 0;
  for (let i = 0; i < utf16Index; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < utf16Index) i++;
    count++;
  }
  return count;
}

/**
 * Where `quote` sits in `text`, in code points (0-based, end exclusive: Python's `text[start:end]`,
 * as QualCoder slices); near `hint` (a UTF-16 index) when it occurs more than once. Null when the
 * text no longer holds it.
 */
export function quoteRange(
  text: string,
  quote: string,
  hint = 0,
): { start: number; end: number } | null {
  if (!quote) return null;
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  }
  if (best === -1) return null;
  const start = codePointsBefore(text, best);
  return { start, end: start + [...quote].length };
}

/** `text[start:end]` in code points, as a Python importer reads a selection. */
export const sliceCodePoints = (text: string, start: number, end: number) =>
  [...text].slice(start, end).join('');
