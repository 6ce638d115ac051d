// `pnpm bench [name]`: runs bench/<name>.bench.ts (or all), prints its figures and writes them to
// bench/results/<name>.json together with when and where they were measured.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

export type Figures = Record<string, unknown>;

const dir = new URL('./', import.meta.url);
const available = (await readdir(dir))
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace('.bench.ts', ''));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

await mkdir(new URL('./results/', dir), { recursive: true });
for (const name of wanted.length ? wanted : available) {
  console.log(`\n== bench ${name} ==`);
  const { run } = (await import(new URL(`./${name}.bench.ts`, dir).href)) as {
    run: () => Promise<Figures>;
  };
  const figures = await run();
  const result = {
    name,
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    figures,
  };
  console.log(JSON.stringify(figures, null, 2));
  await writeFile(new URL(`./results/${name}.json`, dir), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to bench/results/${name}.json`);
}
