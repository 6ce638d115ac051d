import { expect, test, type Browser, type Page } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';
import { SMALL_JPEG } from './support/photo';

const TITLE = 'הבוקר שבו אף אחד לא התקשר';
const TEXT = 'שלושה ימים ישבתי ליד הטלפון';
const PSEUDONYM = 'ציפור לילה';
const ALT = 'קומקום על השיש במטבח';

/** Someone who joined with `code`, in their own Hebrew-speaking browser. */
const join = async (
  browser: Browser,
  baseURL: string,
  code: string,
  name: string,
  handle: string,
) => (await joined(browser, baseURL, code, { name, handle, locale: 'he' })).page;

const consentPanel = (page: Page) =>
  page.getByRole('region', { name: 'מי יכול לקרוא את זה, ואיך יופיע השם שלך' });
const storyTitle = (page: Page) => page.getByRole('heading', { level: 1, name: TITLE });

test('an expert by experience tells a story, shares it step by step and takes it back', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, ebeCode, practitionerCode } = await initiativeWithInvitations(
    browser,
    'Kitchen tables',
  );
  const miriam = await join(browser, baseURL!, ebeCode, 'מרים', uniqueHandle('miriam'));
  const salim = await join(browser, baseURL!, ebeCode, 'סלים', uniqueHandle('salim'));
  const noa = await join(browser, baseURL!, practitionerCode, 'נועה', uniqueHandle('noa'));

  // Miriam tells a story in Hebrew, from the initiative's home.
  await miriam.goto(`/initiatives/${initiativeId}`);
  await miriam.getByRole('link', { name: 'לספר סיפור' }).click();
  await expect(miriam.getByRole('heading', { level: 1 })).toHaveText('לספר סיפור');
  await miriam.getByLabel('כותרת הסיפור שלך').fill(TITLE);
  await expect(miriam.getByLabel('שפת הסיפור שלך')).toHaveValue('he');
  await miriam.getByLabel('תגיות (לא חובה)').fill('בדידות, טלפון');
  await miriam.getByRole('button', { name: 'להתחיל לכתוב' }).click();
  await expect(storyTitle(miriam)).toBeVisible();
  await expect(storyTitle(miriam)).toHaveAttribute('dir', 'auto');
  const storyId = new URL(miriam.url()).pathname.split('/').at(-1)!;

  // She writes it in the live editor; "saved" means the server stored it.
  const text = miriam.getByRole('textbox', { name: 'הסיפור שלך' });
  await expect(miriam.getByText('נשמר', { exact: true })).toBeVisible();
  await text.click();
  await miriam.keyboard.type(TEXT);
  await expect(text).toContainText(TEXT);
  await expect(miriam.getByText('נשמר', { exact: true })).toBeVisible();

  // She adds a photo, described for people who cannot see it.
  await miriam.getByLabel('תמונה', { exact: true }).setInputFiles({
    name: 'kettle.jpg',
    mimeType: 'image/jpeg',
    buffer: SMALL_JPEG,
  });
  await miriam.getByLabel('מה רואים בתמונה').fill(ALT);
  await miriam.getByLabel('כיתוב (לא חובה)').fill('המטבח בשש בבוקר');
  await miriam.getByRole('button', { name: 'הוספת התמונה' }).click();
  await expect(miriam.getByRole('status').filter({ hasText: 'התמונה נוספה.' })).toBeVisible();
  const photo = miriam.getByRole('img', { name: ALT });
  await photo.scrollIntoViewIfNeeded();
  await expect(photo).toHaveJSProperty('naturalWidth', 16);
  await expect(miriam.getByRole('figure')).toContainText('המטבח בשש בבוקר');

  // She shares it with her peer group under a pseudonym, asked first before any quote.
  const consent = consentPanel(miriam);
  await expect(consent.getByRole('radio', { name: 'רק אני' })).toBeChecked();
  await consent.getByRole('radio', { name: 'קבוצת העמיתים שלי' }).check();
  await consent.getByRole('radio', { name: 'שם בדוי שאני בוחר/ת' }).check();
  await consent.getByLabel('השם הבדוי שלך').fill(PSEUDONYM);
  await consent.getByRole('radio', { name: 'קודם לשאול אותי' }).check();
  await consent.getByRole('button', { name: 'שמירת הבחירות שלי' }).click();
  await expect(consent.getByRole('status')).toHaveText('נשמר. קבוצת העמיתים שלך יכולה לקרוא אותו.');
  await expect(miriam.locator('.byline')).toContainText(PSEUDONYM);

  // Salim, in the same peer group, finds it credited to the pseudonym only.
  await salim.goto(`/initiatives/${initiativeId}`);
  const stories = salim.getByRole('region', { name: 'סיפורים' });
  await expect(stories.getByRole('listitem')).toHaveCount(1);
  await expect(stories.getByRole('listitem')).toContainText(`מאת ${PSEUDONYM}`);
  // A word from its text finds it too.
  await salim.getByRole('searchbox', { name: 'חיפוש סיפור' }).fill('ליד הטלפון');
  await salim.getByRole('button', { name: 'חיפוש', exact: true }).click();
  await expect(stories.getByRole('link', { name: TITLE })).toBeVisible();
  await stories.getByRole('link', { name: TITLE }).click();
  await expect(storyTitle(salim)).toBeVisible();
  await expect(salim.getByText(`מאת ${PSEUDONYM}`)).toBeVisible();
  const salimsText = salim.getByRole('textbox', { name: 'הסיפור', exact: true });
  await expect(salimsText).toContainText(TEXT);
  await expect(salimsText).toHaveAttribute('contenteditable', 'false');
  await expect(salim.getByRole('img', { name: ALT })).toBeAttached();
  await expect(salim.getByRole('main')).not.toContainText('מרים');
  await expect(consentPanel(salim)).toHaveCount(0);

  // Noa, a practitioner, finds it nowhere: not in the list, not at its address, not in the API.
  await noa.goto(`/initiatives/${initiativeId}`);
  await expect(noa.getByText('עדיין אין כאן סיפורים שאפשר לקרוא.')).toBeVisible();
  // Searching for its words finds nothing either.
  await noa.getByRole('searchbox', { name: 'חיפוש סיפור' }).fill('ליד הטלפון');
  await noa.getByRole('button', { name: 'חיפוש', exact: true }).click();
  await expect(noa.getByText('אין סיפור שאפשר לך לקרוא עם המילים האלה.')).toBeVisible();
  expect((await noa.request.get(`/api/stories/${storyId}`)).status()).toBe(404);
  await noa.goto(`/stories/${storyId}`);
  await expect(noa.getByRole('heading', { level: 1 })).toHaveText('הדף לא נמצא');
  await expect(noa.getByRole('textbox')).toHaveCount(0);

  // Miriam shares it with the working group: Noa's open page shows it, without a reload.
  await consent.getByRole('radio', { name: 'קבוצת העבודה (כל מי שביוזמה)' }).check();
  await consent.getByRole('button', { name: 'שמירת הבחירות שלי' }).click();
  await expect(consent.getByRole('status')).toHaveText('נשמר. כל מי שביוזמה יכול/ה לקרוא אותו.');
  await expect(storyTitle(noa)).toBeVisible();
  await expect(noa.getByText(`מאת ${PSEUDONYM}`)).toBeVisible();
  await expect(noa.getByRole('textbox', { name: 'הסיפור', exact: true })).toContainText(TEXT);
  await expect(noa.getByRole('main')).not.toContainText('מרים');

  // Salim keeps the initiative's list open while Miriam takes the story back.
  await salim.goto(`/initiatives/${initiativeId}`);
  await expect(stories.getByRole('link', { name: TITLE })).toBeVisible();

  await miriam.getByRole('button', { name: 'משיכת הסיפור שלי' }).click();
  await miriam.getByRole('button', { name: 'כן, למשוך אותו' }).click();
  await expect(miriam.getByRole('heading', { name: 'הסיפור שלך נמשך בחזרה' })).toBeVisible();
  await expect(miriam.getByRole('button', { name: 'ביטול המשיכה' })).toBeVisible();

  // It disappears from the pages already open elsewhere, without a reload.
  await expect(
    noa.getByRole('status').filter({ hasText: 'הסיפור הזה כבר לא משותף איתך.' }),
  ).toBeVisible();
  await expect(noa.getByRole('textbox')).toHaveCount(0);
  await expect(storyTitle(noa)).toHaveCount(0);
  await expect(stories.getByRole('link', { name: TITLE })).toHaveCount(0);
  await expect(salim.getByText('עדיין אין כאן סיפורים שאפשר לקרוא.')).toBeVisible();
  expect((await noa.request.get(`/api/stories/${storyId}`)).status()).toBe(404);

  // Miriam still has it, marked as withdrawn in her list.
  await miriam.goto(`/initiatives/${initiativeId}`);
  const mine = miriam.getByRole('region', { name: 'סיפורים' }).getByRole('listitem');
  await expect(mine).toContainText(TITLE);
  await expect(mine).toContainText('נמשך בחזרה');
});
