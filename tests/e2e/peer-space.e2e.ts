import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';

test('a practitioner a facilitator adds to the lived-experience space waits until a member of the group accepts', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, livedSpaceId, ebeCode, practitionerCode, facilitatorCode } =
    await initiativeWithInvitations(browser, 'Open doors');
  const miriam = await joined(browser, baseURL!, ebeCode, {
    name: 'מרים',
    handle: uniqueHandle('miriam'),
    locale: 'he',
  });
  const yossi = await joined(browser, baseURL!, practitionerCode, {
    name: 'Yossi',
    handle: uniqueHandle('yossi'),
    locale: 'he',
  });
  const noa = await joined(browser, baseURL!, facilitatorCode, {
    name: 'נועה',
    handle: uniqueHandle('noa'),
  });
  const me = await (await yossi.context.request.get('/api/me')).json();

  // The facilitator puts the practitioner into the lived-experience space.
  const assigned = await noa.context.request.put(
    `/api/initiatives/${initiativeId}/spaces/${livedSpaceId}/members`,
    {
      data: { accountId: me.account.id, as: 'member' },
      headers: { 'x-csrf-token': noa.csrfToken },
    },
  );
  expect(assigned.status()).toBe(204);

  // He sees nothing of the space yet.
  await yossi.page.goto(`/spaces/${livedSpaceId}`);
  await expect(yossi.page.getByRole('heading', { level: 1 })).toHaveText('הדף לא נמצא');

  // Miriam sees him waiting in her space, with who asked, and accepts.
  const page = miriam.page;
  await page.setViewportSize({ width: 360, height: 1600 });
  await page.goto(`/spaces/${livedSpaceId}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const waiting = page.getByRole('region', { name: 'ממתינים להצטרף' });
  await expect(waiting.getByText('Yossi')).toBeVisible();
  await expect(waiting.getByText('ממתין/ה לאישור הקבוצה')).toBeVisible();
  const changes = page.getByRole('region', { name: 'שינויים במי שנמצא כאן' });
  await expect(changes.getByText(/ביקש\/ה מהקבוצה לצרף את/)).toContainText('Yossi');
  await page.screenshot({
    path: test.info().outputPath('space-pending-he-360.png'),
    fullPage: true,
  });

  await waiting.getByRole('button', { name: 'לאשר את Yossi במרחב הזה' }).click();
  await expect(waiting).toHaveCount(0);
  const people = page.getByRole('region', { name: 'מי עובד/ת כאן' });
  await expect(people.getByText('Yossi')).toBeVisible();
  await expect(changes.getByRole('listitem').first()).toContainText('אישר/ה את');
  await page.screenshot({
    path: test.info().outputPath('space-accepted-he-360.png'),
    fullPage: true,
  });

  // Now he is in: the space opens for him.
  await yossi.page.reload();
  await expect(yossi.page.getByRole('heading', { level: 1 })).toHaveText('ידע מניסיון חיים');
});
