import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** A server of its own: the shared one already has an admin, so it prints no setup link. */
let server: ChildProcess;
let dataDir: string;
let setupUrl: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mizug-e2e-setup-'));
  server = spawn(process.execPath, ['server/dist/index.js'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MIZUG_DATA_DIR: dataDir,
    },
  });
  let output = '';
  setupUrl = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const link = /"setupUrl":"([^"]+)"/.exec(output)?.[1];
      const port = /"port":(\d+)/.exec(output)?.[1];
      // The link names the port the server chose.
      if (link && port) resolve(link.replace('localhost', '127.0.0.1'));
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
});

test.afterAll(() => {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

test('the one-time setup link creates the first admin, in Arabic, and then stops working', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ locale: 'ar' });
  const page = await context.newPage();
  await page.goto(setupUrl);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('إعداد ميزوغ');

  await page.getByLabel('عبارة المرور').fill('short');
  await page.getByRole('button', { name: 'إنشاء حساب المسؤول' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();

  await page.getByLabel('اسمك كما سيراه الآخرون').fill('ليلى');
  await page.getByLabel('اسم المستخدم').fill('layla');
  await page.getByLabel('عبارة المرور').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'إنشاء حساب المسؤول' }).click();
  await expect(page).toHaveURL(/\/initiatives\/new$/);
  await expect(page.getByRole('banner')).toContainText('ليلى');

  // Used once: the same link now refuses, and creates no second admin.
  // Asked without a session, as a stranger holding the link would.
  const again = await request.post(new URL('/api/setup', setupUrl).toString(), {
    data: {
      token: setupUrl.split('/').pop(),
      handle: 'second',
      displayName: 'x',
      passphrase: 'another long passphrase',
    },
  });
  expect(again.status()).toBe(404);
  await context.close();
});
