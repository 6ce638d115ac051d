import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';
import { tellStory } from './support/stories';

const WORDS = 'בערב השקט הכי חזק';

test('a peer selects a passage of a story shared with the group and makes it a card, in Hebrew', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, livedSpaceId, ebeCode } = await initiativeWithInvitations(
    browser,
    'Evening cards',
  );
  const join = (name: string, handle: string) =>
    joined(browser, baseURL!, ebeCode, { name, handle, locale: 'he' });
  const miriam = await join('מרים', uniqueHandle('miriam'));
  const salma = await join('סלמה', uniqueHandle('salma'));

  // Miriam writes her story and shares it with her peer group under a pseudonym.
  const storyId = await tellStory(miriam, {
    initiativeId,
    spaceId: livedSpaceId,
    title: 'ערב',
    words: WORDS,
    consent: { audience: 'peer_group', credit: 'pseudonym', pseudonym: 'ורד', quoting: 'yes' },
  });

  // Salma selects the passage in the story's text and makes it a card in their space.
  await salma.page.goto(`/stories/${storyId}`);
  const reading = salma.page.getByRole('textbox', { name: 'הסיפור', exact: true });
  await expect(reading).toContainText(WORDS);
  await reading.getByText(WORDS).selectText();
  const panel = salma.page.getByRole('region', { name: 'יצירת כרטיס תובנה' });
  await panel.getByRole('button', { name: 'שימוש בטקסט שנבחר' }).click();
  await expect(panel.getByLabel('ציטוט')).toHaveValue(WORDS);
  await panel.getByLabel('מרחב').selectOption({ label: 'ידע מניסיון חיים' });
  await panel.getByRole('button', { name: 'יצירת הכרטיס' }).click();
  await expect(panel.getByRole('status')).toHaveText('הכרטיס נוצר במרחב ידע מניסיון חיים.');

  const cards = await (await salma.page.request.get(`/api/spaces/${livedSpaceId}/cards`)).json();
  expect(cards).toMatchObject([{ quote: WORDS, credit: { credit: 'pseudonym', name: 'ורד' } }]);

  // A quote changed by hand is not in the story: refused with the reason, in Hebrew.
  await panel.getByLabel('ציטוט').fill('השקט הכי חלש');
  await panel.getByRole('button', { name: 'יצירת הכרטיס' }).click();
  await expect(panel.getByRole('alert')).toContainText('המילים האלה אינן במקור');
});
