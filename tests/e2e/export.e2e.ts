import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';
import { tellStory } from './support/stories';

const WORDS = 'בכל ערב אני מחכה לאוטובוס שלא מגיע';
const QUOTE = 'מחכה לאוטובוס';

test('a facilitator exports the initiative as CSV from the export page, in Hebrew at 360 px', async ({
  browser,
  baseURL,
}, testInfo) => {
  const { initiativeId, livedSpaceId, ebeCode, facilitatorCode } = await initiativeWithInvitations(
    browser,
    'Export page',
  );
  const miriam = await joined(browser, baseURL!, ebeCode, {
    name: 'מרים',
    handle: uniqueHandle('miriam'),
    locale: 'he',
  });
  const storyId = await tellStory(miriam, {
    initiativeId,
    spaceId: livedSpaceId,
    title: 'ערב',
    words: WORDS,
    consent: { audience: 'working_group', credit: 'pseudonym', pseudonym: 'ורד', quoting: 'yes' },
  });
  const noa = await joined(browser, baseURL!, facilitatorCode, {
    name: 'נועה',
    handle: uniqueHandle('noa'),
    locale: 'he',
  });
  const home = (await (await noa.page.request.get(`/api/initiatives/${initiativeId}`)).json()) as {
    spaces: { id: string; kind: string }[];
  };
  const synthesis = home.spaces.find(({ kind }) => kind === 'synthesis')!.id;
  await post(noa.page.request, noa.csrfToken, `/api/spaces/${synthesis}/cards`, {
    source: { kind: 'story', id: storyId },
    quote: QUOTE,
  });

  // A teller has no export page to go to.
  await miriam.page.goto(`/initiatives/${initiativeId}`);
  await expect(miriam.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(miriam.page.getByRole('link', { name: 'ייצוא הידע' })).toHaveCount(0);

  const { page } = noa;
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/initiatives/${initiativeId}`);
  await page.getByRole('link', { name: 'ייצוא הידע' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ייצוא');
  const format = page.getByRole('group', { name: 'פורמט' });
  await format.getByRole('radio', { name: /\.csv/ }).check();
  await expect(format.getByText('גיליון אלקטרוני עם שורה לכל ציטוט')).toBeVisible();

  // A finding is chosen from a list; with none yet, the page says so and offers no download.
  const scope = page.getByRole('group', { name: 'מה לייצא' });
  await scope.getByRole('radio', { name: 'ממצא אחד' }).check();
  await expect(page.getByText('עדיין אין ממצאים בסינתזה.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'הורדה' })).toHaveCount(0);
  await scope.getByRole('radio', { name: 'את כל היוזמה' }).check();

  await page.screenshot({ path: testInfo.outputPath('export-he-360.png'), fullPage: true });
  // Nothing is wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'הורדה' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/ייצוא\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain(QUOTE);
  expect(csv).not.toContain('מרים');
});
