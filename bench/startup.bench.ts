// Cold start to healthy, and /api/health latency under a 10-second load from a second process
// (autocannon), for the embedded database and, when one answers, a PostgreSQL server.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = fileURLToPath(new URL('../', import.meta.url));
const entry = join(root, 'server/dist/index.js');
const RUNS = 3;
const LOAD_SECONDS = 10;
const CONNECTIONS = 10;
const PORT = 3971;
const RSS_TARGET_MIB = 350;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    min: round(sorted[0]!),
    median: round(sorted[Math.floor(sorted.length / 2)]!),
    max: round(sorted.at(-1)!),
  };
};

function rssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** Spawns the built server and resolves with it once /api/health answers 200, and how long that took. */
async function startUntilHealthy(env: Record<string, string>) {
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (response.ok) return { child, ms: performance.now() - started };
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
}

async function stop(child: ChildProcess) {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

function loadHealth() {
  const bin = join(root, 'node_modules/.bin/autocannon');
  const out = execFileSync(
    bin,
    [
      '-j',
      '-d',
      String(LOAD_SECONDS),
      '-c',
      String(CONNECTIONS),
      `http://127.0.0.1:${PORT}/api/health`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(out);
  return {
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
    requestsPerSecond: Math.round(report.requests.average),
    latencyMs: {
      p50: report.latency.p50,
      p90: report.latency.p90,
      p99: report.latency.p99,
      max: report.latency.max,
    },
    errors: report.errors + report.non2xx,
  };
}

async function benchPglite() {
  const fresh: number[] = [];
  const restart: number[] = [];
  // RSS once healthy and settled: initdb runs in a child process, so a fresh folder should cost
  // no more than a reopened one.
  const freshRss: number[] = [];
  const restartRss: number[] = [];
  let load;
  let rssAfterLoadMiB = 0;
  for (let run = 0; run < RUNS; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'mizug-bench-'));
    try {
      const first = await startUntilHealthy({ MIZUG_DATA_DIR: dataDir });
      fresh.push(first.ms);
      await sleep(1000);
      freshRss.push(rssMiB(first.child));
      await stop(first.child);
      const second = await startUntilHealthy({ MIZUG_DATA_DIR: dataDir });
      restart.push(second.ms);
      await sleep(1000);
      restartRss.push(rssMiB(second.child));
      if (run === RUNS - 1) {
        load = loadHealth();
        rssAfterLoadMiB = rssMiB(second.child);
      }
      await stop(second.child);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return {
    coldStartToHealthyMs: { newDataFolder: stats(fresh), existingDataFolder: stats(restart) },
    rssOnceHealthyMiB: {
      newDataFolder: stats(freshRss),
      existingDataFolder: stats(restartRss),
      targetMiB: RSS_TARGET_MIB,
      met: Math.max(...freshRss, ...restartRss) <= RSS_TARGET_MIB,
    },
    healthUnderLoad: load,
    rssAfterLoadMiB,
  };
}

async function benchPostgres() {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 2 });
  try {
    await admin`SELECT 1`;
  } catch {
    await admin.end();
    return { skipped: `no PostgreSQL answers at ${adminUrl}` };
  }
  const starts: number[] = [];
  let load;
  let rssAfterLoadMiB = 0;
  for (let run = 0; run < RUNS; run++) {
    const name = `mizug_bench_${process.pid}_${run}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const server = await startUntilHealthy({ DATABASE_URL: url.toString() });
      starts.push(server.ms);
      if (run === RUNS - 1) {
        load = loadHealth();
        rssAfterLoadMiB = rssMiB(server.child);
      }
      await stop(server.child);
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  await admin.end();
  return {
    coldStartToHealthyMs: { newDatabase: stats(starts) },
    healthUnderLoad: load,
    rssAfterLoadMiB,
  };
}

export async function run() {
  if (!existsSync(entry)) execFileSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
  return {
    // Other work on the machine skews the timings; a load average above its cores says so.
    loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
    runs: RUNS,
    webAppBuilt: existsSync(join(root, 'web/build/handler.js')),
    pglite: await benchPglite(),
    postgres: await benchPostgres(),
  };
}
