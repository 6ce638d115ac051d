// `pnpm start`: builds the web app and the server when their build is missing or older than
// their sources (after a git pull, say), then runs the server in this same process.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sources = [
  'packages/domain/src',
  'packages/i18n/messages',
  'server/src',
  'server/package.json',
  'web/src',
  'web/static',
  'web/svelte.config.js',
  'web/vite.config.ts',
];
const outputs = ['server/dist/index.js', 'web/build/handler.js'];

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path).map((entry) => newestChange(join(path, entry))),
  );
}

const builtAt = outputs.every(existsSync)
  ? Math.min(...outputs.map((output) => statSync(output).mtimeMs))
  : 0;
if (builtAt < Math.max(...sources.filter(existsSync).map(newestChange))) {
  console.log('Building Mizug (the build is missing or older than the sources)…');
  execSync('pnpm build', { stdio: 'inherit' });
}

await import('../server/dist/index.js');
