import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';

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
  const story = await post(
    miriam.page.request,
    miriam.csrfToken,
    `/api/initiatives/${initiativeId}/stories`,
    { spaceId: livedSpaceId, title: 'ערב', language: 'he', tags: [] },
  );
  await miriam.page.goto(`/stories/${story.id}`);
  const text = miriam.page.getByRole('textbox', { name: 'הסיפור שלך', exact: true });
  await expect(miriam.page.getByText('נשמר', { exact: true })).toBeVisible();
  await text.click();
  await miriam.page.keyboard.type(WORDS);
  await expect(miriam.page.getByText('נשמר', { exact: true })).toBeVisible();
  const shared = await miriam.page.request.put(`/api/stories/${story.id}/consent`, {
    data: { audience: 'peer_group', credit: 'pseudonym', pseudonym: 'ורד', quoting: 'yes' },
    headers: { 'x-csrf-token': miriam.csrfToken },
  });
  expect(shared.status()).toBe(200);

  // Salma selects the passage in the story's text and makes it a card in their space.
  await salma.page.goto(`/stories/${story.id}`);
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
