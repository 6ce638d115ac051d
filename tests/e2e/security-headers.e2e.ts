import { expect, test, type Page, type Response } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';

/** Every CSP violation a page reports, from the console and from `securitypolicyviolation`. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  // Init scripts run outside the page's CSP, so this listener is never refused itself.
  void page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  return violations;
}

/** The page's security headers say it may not be framed and runs only the app's own scripts. */
function expectPageHeaders(response: Response | null) {
  expect(response, 'the page answered').not.toBeNull();
  const headers = response!.headers();
  expect(headers['content-security-policy'], 'a Content-Security-Policy header').toBeDefined();
  const csp = Object.fromEntries(
    headers['content-security-policy']!.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toContain("'self'");
  expect(csp['script-src']!.some((value: string) => value.startsWith("'nonce-"))).toBe(true);
  expect(csp['script-src']).not.toContain("'unsafe-inline'");
  expect(csp['script-src']).not.toContain("'unsafe-eval'");
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['base-uri']).toEqual(["'none'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=(self)');
  expect(headers['permissions-policy']).toContain('microphone=(self)');
  expect(headers['permissions-policy']).toContain('geolocation=()');
}

test('every main page sends a strict CSP and framing headers, and runs without violating it', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, livedSpaceId, ebeCode } = await initiativeWithInvitations(
    browser,
    'Headers',
  );
  const handle = uniqueHandle('amal');
  const amal = await joined(browser, baseURL!, ebeCode, { name: 'Amal', handle, locale: 'en' });
  const story = await post(
    amal.context.request,
    amal.csrfToken,
    `/api/initiatives/${initiativeId}/stories`,
    {
      spaceId: livedSpaceId,
      title: 'The morning nobody called',
      language: 'en',
    },
  );
  await amal.context.close();

  // Signed out: the sign-in and setup pages; signing in through the form works under the CSP.
  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  const violations = watchViolations(page);

  expectPageHeaders(await page.goto('/setup/not-a-real-token'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expectPageHeaders(await page.goto('/signin'));
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase').fill(`${handle} keeps the kettle warm`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner')).toContainText('Amal');

  // Signed in: the initiatives, an initiative, a space, and a story with its consent form and
  // live editor (the collaboration websocket connects under connect-src 'self').
  expectPageHeaders(await page.goto('/'));
  await expect(page.getByRole('link', { name: /Headers/ })).toBeVisible();
  expectPageHeaders(await page.goto(`/initiatives/${initiativeId}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Headers');
  expectPageHeaders(await page.goto(`/spaces/${livedSpaceId}`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Saved', { exact: true }).first()).toBeVisible();
  expectPageHeaders(await page.goto(`/stories/${story.id}`));
  await expect(
    page.getByRole('region', { name: 'Who can read this, and how you are credited' }),
  ).toBeVisible();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Your story' }).click();
  await page.keyboard.type('Three days by the phone');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  expect(violations).toEqual([]);

  // Another site cannot show the consent form in a frame (clickjacking).
  const framer = await context.newPage();
  await framer.route('http://framer.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<iframe src="${baseURL}/stories/${story.id}"></iframe>`,
    }),
  );
  await framer.goto('http://framer.test/');
  // goto waits for the frame's load too: refused, it holds the browser's error page, not Mizug's.
  const framed = framer.frameLocator('iframe');
  await expect(framed.locator('body')).toBeAttached();
  await expect(framed.getByRole('link', { name: 'Skip to content' })).toHaveCount(0);
  await context.close();
});
