import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web's pure view modules are tested here too; they import SvelteKit's `$lib` alias.
  resolve: { alias: { $lib: fileURLToPath(new URL('./web/src/lib', import.meta.url)) } },
  test: {
    include: [
      'packages/**/*.test.ts',
      'server/src/**/*.test.ts',
      'web/src/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'tests/e2e/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    // PGlite and server processes are slow to start on two shared cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
