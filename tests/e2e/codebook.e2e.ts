import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';

const isolated = (name: string) => `\u2068${name}\u2069`;

test('a facilitator builds the codebook in Hebrew; an expert by experience reads it', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, facilitatorCode, ebeCode } = await initiativeWithInvitations(
    browser,
    'Codebook',
  );
  const { page } = await joined(browser, baseURL!, facilitatorCode, {
    name: 'נועה',
    handle: uniqueHandle('noa'),
    locale: 'he',
  });
  await page.goto(`/initiatives/${initiativeId}`);
  await page.getByRole('link', { name: 'ספר הקודים' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ספר הקודים');
  await expect(page.getByText('אין עדיין קודים.')).toBeVisible();

  const add = page.getByRole('region', { name: 'הוספת קוד' });
  async function addCode(he: string, under?: string) {
    await add.getByRole('textbox', { name: 'שם (עברית)' }).fill(he);
    if (under) await add.getByLabel('תחת').selectOption({ label: isolated(under) });
    await add.getByRole('button', { name: 'הוספת הקוד' }).click();
    await expect(page.getByText('הקוד נוסף.')).toBeVisible();
    await expect(page.locator('.tree').getByText(he, { exact: true })).toBeVisible();
  }

  // A name is needed in at least one language: the server says so next to the field.
  await add.getByRole('button', { name: 'הוספת הקוד' }).click();
  await expect(add.getByText('תנו לקוד שם לפחות באחת משפות היוזמה.')).toBeVisible();

  await add.getByRole('textbox', { name: 'שם (ערבית)' }).fill('الوحدة');
  await addCode('בדידות');
  await addCode('משפחה', 'בדידות');
  await addCode('קרובים');
  const theme = (name: string) =>
    page
      .getByRole('listitem')
      .filter({ has: page.getByText(name, { exact: true }) })
      .first();
  await expect(theme('בדידות').getByRole('list').getByText('משפחה')).toBeVisible();

  // Rename the sub-code.
  await page
    .getByRole('group', { name: `פעולות על ${isolated('משפחה')}`, exact: true })
    .getByRole('button', { name: 'עריכה' })
    .click();
  await theme('משפחה').getByRole('textbox', { name: 'שם (עברית)' }).fill('משפחה וקרובים');
  await theme('משפחה').getByRole('button', { name: 'שמירה' }).click();
  await expect(page.getByText('הקוד נשמר.')).toBeVisible();
  await expect(theme('בדידות').getByText('משפחה וקרובים', { exact: true })).toBeVisible();

  // Merge the top-level duplicate into it: it is gone, the sub-code stays under its theme.
  await page
    .getByRole('group', { name: `פעולות על ${isolated('קרובים')}`, exact: true })
    .getByRole('button', { name: 'מיזוג…' })
    .click();
  await page
    .getByLabel(`מיזוג ${isolated('קרובים')} לתוך`)
    .selectOption({ label: `\u00a0\u00a0– ${isolated('משפחה וקרובים')}` });
  await page.getByRole('button', { name: 'מיזוג', exact: true }).click();
  await expect(page.getByText('הקודים מוזגו.')).toBeVisible();
  await expect(page.locator('.tree').getByText('קרובים', { exact: true })).toHaveCount(0);

  // An expert by experience reads the same tree, with nothing to change.
  const reader = await joined(browser, baseURL!, ebeCode, {
    name: 'מרים',
    handle: uniqueHandle('miriam'),
    locale: 'he',
  });
  await reader.page.goto(`/initiatives/${initiativeId}/codebook`);
  await expect(
    reader.page.getByText('המנחים מעצבים את ספר הקודים. כאן אפשר לקרוא אותו.'),
  ).toBeVisible();
  await expect(reader.page.getByText('משפחה וקרובים', { exact: true })).toBeVisible();
  await expect(reader.page.getByRole('button', { name: 'מיזוג…' })).toHaveCount(0);
  await expect(reader.page.getByRole('heading', { name: 'הוספת קוד' })).toHaveCount(0);
});
