import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';

test('a facilitator adapts a copy of a method, sees the exact field to fix, and starts a session of it', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, facilitatorCode } = await initiativeWithInvitations(browser, 'Adapting');
  const { page } = await joined(browser, baseURL!, facilitatorCode, {
    name: 'נועה',
    handle: uniqueHandle('noa'),
    locale: 'he',
  });

  await page.goto(`/initiatives/${initiativeId}`);
  await page.getByRole('link', { name: 'שיטות' }).click();
  await page
    .getByRole('region', { name: 'למידה מהצלחות', exact: true })
    .getByRole('button', { name: 'ליצור עותק להתאמה' })
    .click();
  await expect(page).toHaveURL(/\/methods\/[0-9a-f-]{36}$/);

  // Rename it, drop the last stage, and leave one Arabic prompt empty.
  const about = page.getByRole('region', { name: 'שם ותקציר' });
  await about.getByRole('textbox', { name: 'כותרת (עברית)' }).fill('ההצלחות הקטנות שלנו');
  await page.getByRole('button', { name: 'להסיר את שלב LS-10' }).click();
  const firstStage = page.getByRole('region', { name: 'שלב LS-1: בחירת הצלחה' });
  const arabicPrompt = firstStage.getByRole('textbox', { name: 'שאלה מנחה 1 (ערבית)' });
  await arabicPrompt.fill('');
  await page.getByRole('button', { name: 'שמירה' }).click();
  await expect(page.getByRole('heading', { name: 'מה צריך לתקן' })).toBeVisible();
  await expect(arabicPrompt).toHaveAttribute('aria-invalid', 'true');

  // Nothing typed was lost; fixing the field saves a new version.
  await expect(about.getByRole('textbox', { name: 'כותרת (עברית)' })).toHaveValue(
    'ההצלחות הקטנות שלנו',
  );
  await arabicPrompt.fill('فكّروا في شيء نجح، ولو كان صغيرًا.');
  await page.getByRole('button', { name: 'שמירה' }).click();
  await expect(page.getByText('נשמר. זו גרסה 2.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'להסיר את שלב LS-10' })).toHaveCount(0);

  // The adaptation is offered when starting a session; the built-in is still there as it was.
  await page.goto(`/initiatives/${initiativeId}/sessions/new`);
  await expect(page.getByRole('radio', { name: /ההצלחות הקטנות שלנו/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'למידה מהצלחות', exact: true })).toBeVisible();
});
