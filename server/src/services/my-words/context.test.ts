import { describe, expect, it } from 'vitest';
import { quoteInContext } from './context';

describe('quoteInContext', () => {
  it('shows the quote inside its own paragraph only', () => {
    const text = 'פסקה ראשונה\nבערב השקט הכי חזק, אמרה\nפסקה אחרונה';
    expect(quoteInContext(text, 'השקט הכי חזק')).toEqual({
      before: 'בערב ',
      quote: 'השקט הכי חזק',
      after: ', אמרה',
    });
  });

  it('cuts a long paragraph around the quote, marking the cut', () => {
    const text = `${'א'.repeat(400)}ציטוט${'ב'.repeat(400)}`;
    const context = quoteInContext(text, 'ציטוט')!;
    expect(context.before).toBe(`…${'א'.repeat(300)}`);
    expect(context.after).toBe(`${'ב'.repeat(300)}…`);
  });

  it('answers null when the source no longer holds the quote', () => {
    expect(quoteInContext('נכתב מחדש', 'השקט')).toBeNull();
  });
});
