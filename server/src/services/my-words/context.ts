import type { QuoteContext } from '@mizug/domain';

/** How much of the surrounding paragraph is shown on each side of a quote. */
const reach = 300;

/**
 * The quote inside the paragraph(s) it was taken from, as the source reads now: what the teller
 * needs to judge a quote is the passage around it. Null when the source no longer contains it.
 */
export function quoteInContext(text: string, quote: string): QuoteContext {
  const at = text.indexOf(quote);
  if (at < 0) return null;
  const end = at + quote.length;
  const paragraphStart = text.lastIndexOf('\n', at - 1) + 1;
  const next = text.indexOf('\n', end);
  const paragraphEnd = next < 0 ? text.length : next;
  const before = text.slice(Math.max(paragraphStart, at - reach), at);
  const after = text.slice(end, Math.min(paragraphEnd, end + reach));
  return {
    before: at - paragraphStart > reach ? `…${before}` : before,
    quote,
    after: paragraphEnd - end > reach ? `${after}…` : after,
  };
}
