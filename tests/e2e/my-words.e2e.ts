import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';
import { tellStory } from './support/stories';

const WORDS = 'בערב השקט הכי חזק כשאף אחד לא מתקשר';
const shots = process.env.E2E_SHOTS;

test('a teller approves one quote with its passage in view and withdraws another, in Hebrew at 360 px', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, livedSpaceId, ebeCode } = await initiativeWithInvitations(
    browser,
    'My words',
  );
  const join = (name: string, handle: string) =>
    joined(browser, baseURL!, ebeCode, { name, handle, locale: 'he' });
  const miriam = await join('מרים', uniqueHandle('miriam'));
  const salma = await join('סלמה', uniqueHandle('salma'));
  await miriam.page.setViewportSize({ width: 360, height: 800 });

  // Miriam writes her story and asks to be asked before anyone quotes it.
  const storyId = await tellStory(miriam, {
    initiativeId,
    spaceId: livedSpaceId,
    title: 'ערב',
    words: WORDS,
    consent: {
      audience: 'peer_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'ask_first',
    },
  });

  // Salma quotes it twice in their group's space.
  const card = (quote: string) =>
    post(salma.page.request, salma.csrfToken, `/api/spaces/${livedSpaceId}/cards`, {
      source: { kind: 'story', id: storyId },
      quote,
    });
  const kept = await card('השקט הכי חזק');
  const withdrawn = await card('אף אחד לא מתקשר');
  expect(kept.quoteConsent).toBe('pending');

  // From her story, Miriam finds where her words are used: both requests, each in its passage.
  await miriam.page.goto(`/stories/${storyId}`);
  await miriam.page.getByRole('link', { name: 'איפה המילים שלי בשימוש' }).click();
  await expect(miriam.page.getByRole('heading', { level: 1 })).toHaveText('איפה המילים שלי בשימוש');
  const requests = miriam.page.getByRole('region', { name: 'מחכה לתשובה שלך' });
  const request = requests.getByRole('article', { name: 'השקט הכי חזק' });
  await expect(request.getByRole('blockquote')).toHaveText(WORDS);
  await expect(request.locator('mark')).toHaveText('השקט הכי חזק');
  await expect(requests.getByRole('article')).toHaveCount(2);
  if (shots)
    await miriam.page.screenshot({ path: `${shots}/my-words-requests.png`, fullPage: true });

  await request.getByRole('button', { name: 'לאשר את הציטוט' }).click();
  await expect(miriam.page.getByRole('status').getByText('התשובה שלך נשמרה.')).toBeVisible();
  await expect(requests.getByRole('article')).toHaveCount(1);

  const uses = miriam.page.getByRole('region', { name: 'הסיפור שלך „ערב”' });
  await expect(uses.getByRole('article', { name: 'השקט הכי חזק' })).toContainText('הציטוט אושר');
  const other = uses.getByRole('article', { name: 'אף אחד לא מתקשר' });
  await expect(other).toContainText('ממתין לאישור המספר/ת');
  await other.getByRole('button', { name: 'למשוך את הציטוט' }).click();
  await expect(miriam.page.getByRole('status').getByText('הציטוט נמשך.')).toBeVisible();
  await expect(other).toContainText('נמשך');
  await expect(other.getByRole('button', { name: 'למשוך את הציטוט' })).toHaveCount(0);
  if (shots) await miriam.page.screenshot({ path: `${shots}/my-words-after.png`, fullPage: true });

  // Salma's group sees the approval, and the withdrawn card without its words.
  const read = async (id: string) => (await salma.page.request.get(`/api/cards/${id}`)).json();
  expect(await read(kept.id)).toMatchObject({ quoteConsent: 'approved', exportable: true });
  expect(await read(withdrawn.id)).toMatchObject({ withdrawn: true, quote: null });
});
