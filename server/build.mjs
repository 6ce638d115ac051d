// Bundles the server into dist/ with the workspace packages inlined and npm dependencies left
// external, and copies the SQL migrations next to the bundle where migrate.ts looks for them.
import { cp, readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(await readFile('package.json', 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@mizug/'));

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/index.ts', 'src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
await cp('src/db/migrations', 'dist/migrations', { recursive: true });
