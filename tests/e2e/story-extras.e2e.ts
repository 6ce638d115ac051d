import { expect, test, type Browser, type Page } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';
import { SMALL_JPEG } from './support/photo';
import { chromiumLaunchOptions } from '../support/chromium';

// Chromium's fake microphone (a beep), accepted without a prompt.
test.use({
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  },
});

const ALT = 'הכיסא הריק ליד החלון';
const FIRST = 'בחורף הראשון לא יצאתי מהבית';
const SECOND = 'ואז השכנה דפקה בדלת';
const SALIMS = 'היא הביאה מרק';
const TRANSCRIPT = 'זה הקול שלי, מהמטבח';

/** An initiative whose invitation two experts by experience use to join, in Hebrew. */
async function initiativeForTwo(browser: Browser) {
  const { initiativeId, livedSpaceId, ebeCode } = await initiativeWithInvitations(
    browser,
    'Winter visits',
  );
  return { initiativeId, spaceId: livedSpaceId, code: ebeCode };
}

const join = (browser: Browser, baseURL: string, code: string, name: string, handle: string) =>
  joined(browser, baseURL, code, { name, handle, locale: 'he' });

/** The teller's new, private story, made through the API; its page is open in her browser. */
async function storyOf(
  teller: { page: Page; csrfToken: string },
  where: { initiativeId: string; spaceId: string },
) {
  const story = await post(
    teller.page.request,
    teller.csrfToken,
    `/api/initiatives/${where.initiativeId}/stories`,
    { spaceId: where.spaceId, title: 'החורף הראשון', language: 'he', tags: [] },
  );
  await teller.page.goto(`/stories/${story.id}`);
  return story.id as string;
}

/** Types at the end of the live editor and waits until the server has stored it. */
async function write(page: Page, label: string, words: string) {
  const text = page.getByRole('textbox', { name: label, exact: true });
  const saved = page.getByText('נשמר', { exact: true });
  await expect(saved).toBeVisible();
  await text.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
  await expect(text).toContainText(words);
  await expect(saved).toBeVisible();
  return text;
}

const history = (page: Page) => page.getByRole('region', { name: 'גרסאות קודמות' });
const versions = (page: Page) =>
  history(page).getByRole('list', { name: 'גרסאות קודמות' }).getByRole('listitem');

async function keepVersion(page: Page) {
  await history(page).getByRole('button', { name: 'לשמור את הגרסה הזאת עכשיו' }).click();
  await expect(history(page).getByRole('status').first()).toHaveText(
    'הגרסה נשמרה. אפשר למצוא אותה ברשימת הגרסאות הקודמות.',
  );
}

test('the teller keeps versions, brings one back, and a supporter is credited in the next', async ({
  browser,
  baseURL,
}) => {
  const where = await initiativeForTwo(browser);
  const miriam = await join(browser, baseURL!, where.code, 'מרים', uniqueHandle('miriam'));
  const salim = await join(browser, baseURL!, where.code, 'סלים', uniqueHandle('salim'));
  const storyId = await storyOf(miriam, where);

  // Miriam writes, keeps that version, writes more and keeps it again.
  const text = await write(miriam.page, 'הסיפור שלך', FIRST);
  await keepVersion(miriam.page);
  await write(miriam.page, 'הסיפור שלך', ` ${SECOND}`);
  await keepVersion(miriam.page);

  // Both are in the list, newest first, kept by her and written by her.
  await history(miriam.page).getByText('הצגת הגרסאות הקודמות').click();
  await expect(versions(miriam.page)).toHaveCount(2);
  for (const version of await versions(miriam.page).all()) {
    await expect(version).toContainText('נשמרה על ידי מרים');
    await expect(version).toContainText('מי כתב בה: מרים');
  }
  const first = versions(miriam.page).nth(1);
  await first.getByRole('button', { name: 'לקרוא את הגרסה הזאת' }).click();
  await expect(first.getByRole('button', { name: 'לקרוא את הגרסה הזאת' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(first).toContainText(FIRST);
  await expect(first).not.toContainText(SECOND);

  // She brings the first back, after being told the current text is kept first.
  await first.getByRole('button', { name: 'להחזיר את הגרסה הזאת' }).click();
  await expect(first).toContainText('הטקסט כפי שהוא עכשיו יישמר קודם כגרסה');
  await expect(first.getByRole('button', { name: 'כן, להחזיר אותה' })).toBeFocused();
  await first.getByRole('button', { name: 'כן, להחזיר אותה' }).click();
  await expect(history(miriam.page).getByRole('status').first()).toHaveText(
    'הגרסה הקודמת חזרה. הטקסט שהיה לפני כן נשמר ברשימה.',
  );
  await expect(text).toHaveText(FIRST);
  await expect(versions(miriam.page)).toHaveCount(3);
  await expect(versions(miriam.page).first()).toContainText('נשמרה לפני שהוחזרה גרסה קודמת');

  // She asks Salim to help; he adds a line and keeps a version, which credits him.
  const supporters = miriam.page.getByRole('region', { name: 'מי שעוזר לך לכתוב' });
  await supporters.getByLabel('לבקש ממישהו לעזור').selectOption({ label: 'סלים' });
  await supporters.getByRole('button', { name: 'בקשת עזרה' }).click();
  await expect(supporters.getByRole('status')).toHaveText('סלים יכול/ה עכשיו לעזור לך לכתוב.');

  await salim.page.goto(`/stories/${storyId}`);
  await write(salim.page, 'הסיפור', ` ${SALIMS}`);
  await expect(text).toContainText(SALIMS);
  await keepVersion(salim.page);
  await history(salim.page).getByText('הצגת הגרסאות הקודמות').click();
  await expect(versions(salim.page)).toHaveCount(4);
  const newest = versions(salim.page).first();
  await expect(newest).toContainText('נשמרה על ידי סלים');
  await expect(newest).toContainText(/מי כתב בה: .*סלים/);
  // Only the teller brings a version back.
  await expect(
    history(salim.page).getByRole('button', { name: 'להחזיר את הגרסה הזאת' }),
  ).toHaveCount(0);
});

test('a photo can be kept from readers on its own, and readers hear a recording and read its transcript', async ({
  browser,
  baseURL,
}) => {
  const where = await initiativeForTwo(browser);
  const miriam = await join(browser, baseURL!, where.code, 'מרים', uniqueHandle('miriam2'));
  const salim = await join(browser, baseURL!, where.code, 'סלים', uniqueHandle('salim2'));
  await miriam.page.context().grantPermissions(['microphone'], { origin: baseURL! });
  const storyId = await storyOf(miriam, where);

  // Miriam writes, adds a photo and shares the story with her peer group, Salim's too.
  await write(miriam.page, 'הסיפור שלך', FIRST);
  await miriam.page.getByLabel('תמונה', { exact: true }).setInputFiles({
    name: 'chair.jpg',
    mimeType: 'image/jpeg',
    buffer: SMALL_JPEG,
  });
  await miriam.page.getByLabel('מה רואים בתמונה').fill(ALT);
  await miriam.page.getByRole('button', { name: 'הוספת התמונה' }).click();
  await expect(miriam.page.getByRole('img', { name: ALT })).toBeVisible();
  const consent = miriam.page.getByRole('region', {
    name: 'מי יכול לקרוא את זה, ואיך יופיע השם שלך',
  });
  await consent.getByRole('radio', { name: 'קבוצת העמיתים שלי' }).check();
  await consent.getByRole('button', { name: 'שמירת הבחירות שלי' }).click();
  await expect(consent.getByRole('status')).toHaveText('נשמר. קבוצת העמיתים שלך יכולה לקרוא אותו.');

  await salim.page.goto(`/stories/${storyId}`);
  await expect(salim.page.getByRole('img', { name: ALT })).toBeAttached();
  const photoUrl = await miriam.page.getByRole('img', { name: ALT }).getAttribute('src');
  expect((await salim.page.request.get(photoUrl!)).status()).toBe(200);
  // Salim may not decide for her photo.
  await expect(salim.page.getByText('מי יכול לראות את התמונה הזאת')).toHaveCount(0);

  // She keeps the photo to herself; it disappears from Salim's open page.
  const photo = miriam.page
    .getByRole('listitem')
    .filter({ has: miriam.page.getByRole('img', { name: ALT }) });
  await photo.getByText('מי יכול לראות את התמונה הזאת').click();
  await expect(photo.getByText('תמונה אף פעם לא מוצגת ליותר אנשים מהסיפור שלה.')).toBeVisible();
  await expect(photo.getByRole('radio', { name: 'כמו הסיפור' })).toBeChecked();
  await photo.getByRole('radio', { name: 'בחירות משלה' }).check();
  await expect(photo.getByRole('radio', { name: 'קבוצת העמיתים שלי' })).toBeChecked();
  await photo.getByRole('radio', { name: 'רק אני' }).check();
  await photo.getByRole('button', { name: 'שמירה לתמונה הזאת' }).click();
  await expect(photo.getByRole('status')).toHaveText('נשמר. רק את/ה יכול/ה לראות אותה.');
  await expect(salim.page.getByRole('img', { name: ALT })).toHaveCount(0);
  await expect(salim.page.getByText('עדיין אין תמונות.')).toBeVisible();
  expect((await salim.page.request.get(photoUrl!)).status()).toBe(404);
  await expect(miriam.page.getByRole('img', { name: ALT })).toBeVisible();

  // She records about a second with the microphone, listens, and keeps it.
  const recordings = miriam.page.getByRole('region', { name: 'הקלטות קול' });
  await recordings.getByRole('button', { name: 'להתחיל להקליט' }).click();
  await expect(recordings.getByRole('timer')).toHaveText(/^0:0[1-9]$/);
  await recordings.getByRole('button', { name: 'עצירה' }).click();
  await expect(recordings.getByLabel('ההקלטה החדשה שלך')).toBeVisible();
  await recordings.getByRole('button', { name: 'לשמור את ההקלטה' }).click();
  await expect(recordings.getByRole('status').last()).toHaveText(
    'ההקלטה נשמרה. אפשר להקליד למעלה מה נאמר בה.',
  );

  // She types what she said.
  const transcript = recordings.getByLabel('מה נאמר בהקלטה (תמליל)');
  await transcript.fill(TRANSCRIPT);
  await expect(transcript).toHaveAttribute('dir', 'auto');
  await recordings.getByRole('button', { name: 'שמירת התמליל' }).click();
  await expect(recordings.getByText('התמליל נשמר.')).toBeVisible();

  // Salim, reading the story, can play it and read the transcript, but not change them.
  await salim.page.reload();
  const heard = salim.page.getByRole('region', { name: 'הקלטות קול' });
  const audio = heard.locator('audio');
  await expect(audio).toHaveCount(1);
  await expect(audio).toHaveAttribute('controls', '');
  await expect(audio).toHaveAttribute('preload', 'none');
  await expect(heard).toContainText(TRANSCRIPT);
  await expect(heard.getByRole('textbox')).toHaveCount(0);
  await expect(heard.getByRole('button', { name: 'להתחיל להקליט' })).toHaveCount(0);
  const sound = await salim.page.request.get((await audio.getAttribute('src'))!);
  expect(sound.status()).toBe(200);
  expect(sound.headers()['content-type']).toBe('audio/webm');
});
