// Bundles the server into dist/ with the workspace packages inlined and npm dependencies left
// external, and copies the SQL migrations next to the bundle where migrate.ts looks for them.
// Inlined CommonJS code (xmlbuilder2's, through @mizug/exporters) calls require() for Node's own
// modules, which an ES module lacks: the banner gives the bundle one.
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
  banner: {
    js: "import { createRequire as __mizugCreateRequire } from 'node:module'; const require = __mizugCreateRequire(import.meta.url);",
  },
});
await cp('src/db/migrations', 'dist/migrations', { recursive: true });
