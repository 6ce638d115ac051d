import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';

test('the signed-out pages log no error in the browser console (no 401 for /api/me)', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));

  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await page.getByRole('link', { name: 'Join with an invitation code' }).click();
  await expect(page).toHaveURL(/\/join$/);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  expect(errors).toEqual([]);
  expect(asked).not.toContain('/api/me');
  await context.close();
});

test('a signed-in page comes from the server with its data; signed out, it sends to sign-in', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, ebeCode } = await initiativeWithInvitations(browser, 'Server rendered');
  const noor = await joined(browser, baseURL!, ebeCode, {
    name: 'Noor',
    handle: uniqueHandle('noor'),
    locale: 'en',
  });
  // The HTML itself, before any script runs: the initiative's name and the signed-in header.
  const html = await (await noor.context.request.get(`/initiatives/${initiativeId}`)).text();
  expect(html).toContain('Server rendered');
  expect(html).toContain('Noor');
  await noor.context.close();

  const stranger = await browser.newContext({ locale: 'en' });
  const page = await stranger.newPage();
  await page.goto(`/initiatives/${initiativeId}`);
  await expect(page).toHaveURL(/\/signin$/);
  await stranger.close();
});
