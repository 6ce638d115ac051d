// `pnpm start`: builds the web app and the server when their build is missing or older than
// their sources (after a git pull, say), then runs the server in this same process.
//
// pnpm passes no signal on to its script: `kill` of `pnpm start` ends pnpm and the shell between
// them, and this process, left behind, would keep the port and the data folder. So when the
// process that started this one ends, stop as on SIGTERM: the server stores pending edits and
// releases the data folder.
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

const parent = process.ppid;
const orphaned = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(orphaned);
  process.kill(process.pid, 'SIGTERM');
}, 250);
orphaned.unref();

// `pnpm start` is the newcomer's path: the demo initiative, unless MIZUG_DEMO=0 says otherwise.
process.env.MIZUG_DEMO ||= '1';

await import('../server/dist/index.js');
