import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

const port = Number(process.env.E2E_PORT ?? 3917);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  // The built server, run with node directly (exec) so Playwright's SIGTERM reaches it, after the
  // CLI has created an instance admin in the same data folder.
  webServer: {
    command: `sh -c "printf 'correct horse battery staple\\n' | node server/dist/cli.js create-admin --handle admin --name 'Dana Admin' && exec node server/dist/index.js"`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MIZUG_DATA_DIR: mkdtempSync(join(tmpdir(), 'mizug-e2e-')),
    },
  },
});
