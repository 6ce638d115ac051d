import { expect, test, type Page } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';

const notes = (page: Page) => page.getByRole('textbox', { name: 'רשימות משותפות' });

test('two experts by experience write the same notes in Hebrew, live; a practitioner cannot connect', async ({
  browser,
  baseURL,
}) => {
  const {
    livedSpaceId: lived,
    ebeCode,
    practitionerCode,
  } = await initiativeWithInvitations(browser, 'Neighbours');
  const join = async (code: string, name: string, handle: string) =>
    (await joined(browser, baseURL!, code, { name, handle, locale: 'he' })).page;
  const miriam = await join(ebeCode, 'מרים', uniqueHandle('miriam'));
  const salim = await join(ebeCode, 'סלים', uniqueHandle('salim'));

  for (const page of [miriam, salim]) {
    await page.goto(`/spaces/${lived}`);
    await expect(page.getByRole('status').filter({ hasText: 'נשמר' })).toBeVisible();
  }

  await notes(miriam).click();
  await miriam.keyboard.type('בבוקר אף אחד לא מתקשר');
  await expect(notes(salim)).toContainText('בבוקר אף אחד לא מתקשר');

  await notes(salim).click();
  await salim.keyboard.press('End');
  await salim.keyboard.press('Enter');
  await salim.keyboard.type('The caseworker came on Tuesday');
  await expect(notes(miriam)).toContainText('The caseworker came on Tuesday');

  // Each sees the other's caret, labelled with the name they show here.
  await expect(miriam.locator('.collaboration-carets__label')).toHaveText('סלים');
  await salim.keyboard.type('.');
  await notes(miriam).click();
  await expect(salim.locator('.collaboration-carets__label')).toHaveText('מרים');

  // Each paragraph takes the direction of its own text, in a right-to-left page.
  const paragraphs = notes(miriam).locator('p');
  await expect(paragraphs).toHaveCount(2);
  await expect(paragraphs.nth(0)).toHaveAttribute('dir', 'auto');
  await expect(paragraphs.nth(0)).toHaveCSS('direction', 'rtl');
  await expect(paragraphs.nth(1)).toHaveCSS('direction', 'ltr');

  // Stored, not only passed along: a reload reads it back from the server.
  await expect(salim.getByRole('status')).toHaveText('נשמר');
  await miriam.reload();
  await expect(notes(miriam)).toContainText('The caseworker came on Tuesday.');

  // A practitioner sees neither the space nor its document, even by opening the socket directly.
  const practitioner = await join(practitionerCode, 'נועה', uniqueHandle('noa'));
  await practitioner.goto(`/spaces/${lived}`);
  await expect(practitioner.getByRole('textbox')).toHaveCount(0);
  const closeCode = await practitioner.evaluate(
    (docName) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`ws://${location.host}/collab/${docName}`);
        socket.onclose = (event) => resolve(event.code);
      }),
    `space.${lived}.notes`,
  );
  expect(closeCode).toBe(4403);
  await expect(notes(miriam)).not.toContainText('נועה');
});
