// `pnpm bench collab`: update propagation through Mizug's /collab (auth and durable storage on)
// against the plain reference y-websocket server and Hocuspocus, in interleaved runs; then
// memory with 1,000 open documents and the cold load of a document with 10,000 stored updates.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spaceDocName, type InitiativeHome } from '@mizug/domain';
import postgres from 'postgres';
import * as Y from 'yjs';
import { CollabPersistence } from '../server/src/collab/persistence';
import { migrate } from '../server/src/db/migrate';
import { openPglite } from '../server/src/db/pglite';
import { openPostgres } from '../server/src/db/postgres';
import type { Database } from '../server/src/db/database';

const root = fileURLToPath(new URL('../', import.meta.url));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const DOCS = Number(process.env.BENCH_DOCS ?? 10);
const EDITS_PER_SECOND = 5;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const P99_RATIO_TARGET = 1.2;
/** `BENCH_PARTS=propagation` runs only the propagation rounds (comma-separated: propagation, open, cold). */
const PARTS = (process.env.BENCH_PARTS ?? 'propagation,open,cold').split(',');
const OPEN_DOCUMENTS = 1000;
const STORED_UPDATES = 10_000;
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Load {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  deliveriesPerSecond: number;
  clientCpuPercent: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rssMiB = (child: ChildProcess) =>
  Math.round(
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
  );

/** Starts a server process and resolves once it printed `ready` (a regex over its output). */
function startProcess(args: string[], env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env } });
  let output = '';
  return new Promise<{ child: ChildProcess; output: () => string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ child, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)),
    );
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function runLoad(options: Record<string, unknown>): Load {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/collab/load.ts', JSON.stringify(options)],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Load;
}

/** A Mizug server with an admin, an initiative and one expert by experience whose cookie the clients use. */
async function startMizug(port: number, env: Record<string, string>) {
  // BENCH_PROFILE_DIR=<dir>: the Mizug server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const server = await startProcess(
    [...profile, 'server/dist/index.js'],
    { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    /setup\/([\w-]+)/,
  );
  const base = `http://127.0.0.1:${port}`;
  const token = /setup\/([\w-]+)/.exec(server.output())![1]!;
  const call = async (path: string, body: unknown, cookie = '', csrf = '') => {
    const response = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return {
      cookie: response.headers.get('set-cookie')?.split(';')[0] ?? cookie,
      body: await response.json(),
    };
  };
  const admin = await call('/api/setup', {
    token,
    handle: 'bench',
    displayName: 'Bench',
    passphrase: 'bench passphrase long',
  });
  const csrf = (admin.body as { csrfToken: string }).csrfToken;
  const { id } = (
    await call(
      '/api/initiatives',
      { name: 'Bench', problem: 'Bench', languages: ['en'] },
      admin.cookie,
      csrf,
    )
  ).body as { id: string };
  const home = (await (
    await fetch(`${base}/api/initiatives/${id}`, { headers: { cookie: admin.cookie } })
  ).json()) as InitiativeHome;
  const spaceId = home.spaceDirectory.find((s) => s.kind === 'lived_experience')!.id;
  const { code } = (
    await call(
      `/api/initiatives/${id}/invitations`,
      { role: 'expert_by_experience', sector: 'community', spaceId, maxUses: 1 },
      admin.cookie,
      csrf,
    )
  ).body as { code: string };
  const member = await call('/api/join', {
    code,
    handle: 'writer',
    displayName: 'Writer',
    passphrase: 'writer passphrase long',
  });
  return {
    ...server,
    cookie: member.cookie,
    docName: (i: number) => spaceDocName(spaceId, `bench-${i}`),
  };
}

type System = 'mizug' | 'reference' | 'hocuspocus' | 'hocuspocusDurable';

/** CPU seconds a process used so far (user + system), from /proc. */
function cpuSeconds(child: ChildProcess) {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Runs the load against a started server, noting the server's CPU share and peak RSS. */
function measured(child: ChildProcess, options: Record<string, unknown>) {
  const cpu = cpuSeconds(child);
  const started = performance.now();
  const load = runLoad(options);
  const seconds = (performance.now() - started) / 1000;
  return {
    ...load,
    serverCpuPercent: Math.round(((cpuSeconds(child) - cpu) / seconds) * 100),
    serverRssMiB: rssMiB(child),
  };
}

async function propagation(storage: 'pglite' | 'postgres') {
  const systems: Record<System, (Load & { serverCpuPercent: number; serverRssMiB: number })[]> = {
    mizug: [],
    reference: [],
    hocuspocus: [],
    hocuspocusDurable: [],
  };
  const common = { clients: CLIENTS, editsPerSecond: EDITS_PER_SECOND, seconds: SECONDS };
  const names = Array.from({ length: DOCS }, (_, i) => `bench-${i}`);
  const runners: Record<System, () => Promise<void>> = {
    async mizug() {
      const env: Record<string, string> =
        storage === 'pglite'
          ? { MIZUG_DATA_DIR: mkdtempSync(join(tmpdir(), 'mizug-bench-')) }
          : await freshPostgres();
      const mizug = await startMizug(3981, env);
      systems.mizug.push(
        measured(mizug.child, {
          ...common,
          protocol: 'y-websocket',
          url: 'ws://127.0.0.1:3981/collab',
          docNames: names.map((_, i) => mizug.docName(i)),
          cookie: mizug.cookie,
        }),
      );
      await stop(mizug.child);
      if (env.MIZUG_DATA_DIR) rmSync(env.MIZUG_DATA_DIR, { recursive: true, force: true });
    },
    async reference() {
      const reference = await startProcess(
        ['--import', 'tsx', 'bench/collab/reference-server.ts'],
        { PORT: '3982' },
        /listening/,
      );
      systems.reference.push(
        measured(reference.child, {
          ...common,
          protocol: 'y-websocket',
          url: 'ws://127.0.0.1:3982',
          docNames: names,
        }),
      );
      await stop(reference.child);
    },
    async hocuspocus() {
      const hocuspocus = await startProcess(
        ['--import', 'tsx', 'bench/collab/hocuspocus-server.ts'],
        { PORT: '3983' },
        /listening/,
      );
      systems.hocuspocus.push(
        measured(hocuspocus.child, {
          ...common,
          protocol: 'hocuspocus',
          url: 'ws://127.0.0.1:3983',
          docNames: names,
        }),
      );
      await stop(hocuspocus.child);
    },
    async hocuspocusDurable() {
      if (storage !== 'postgres') return;
      const hocuspocus = await startProcess(
        ['--import', 'tsx', 'bench/collab/hocuspocus-durable-server.ts'],
        { PORT: '3985', ...(await freshPostgres()) },
        /listening/,
      );
      systems.hocuspocusDurable.push(
        measured(hocuspocus.child, {
          ...common,
          protocol: 'hocuspocus',
          url: 'ws://127.0.0.1:3985',
          docNames: names,
        }),
      );
      await stop(hocuspocus.child);
    },
  };
  const order = Object.keys(runners) as System[];
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, and each round starts with another system, so none always runs first or last.
    const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
    for (const system of rotated) await runners[system]();
    console.log(
      `round ${round + 1}/${ROUNDS}: p99 ${order
        .filter((system) => systems[system].length)
        .map((system) => `${system} ${systems[system].at(-1)!.p99} ms`)
        .join(', ')}`,
    );
  }
  const summary = (runs: (typeof systems)[System]) =>
    runs.length === 0
      ? 'not run (needs PostgreSQL)'
      : {
          p50: median(runs.map((r) => r.p50)),
          p95: median(runs.map((r) => r.p95)),
          p99: median(runs.map((r) => r.p99)),
          max: median(runs.map((r) => r.max)),
          deliveriesPerSecond: median(runs.map((r) => r.deliveriesPerSecond)),
          clientCpuPercent: median(runs.map((r) => r.clientCpuPercent)),
          serverCpuPercent: median(runs.map((r) => r.serverCpuPercent)),
          serverRssMiB: Math.max(...runs.map((r) => r.serverRssMiB)),
          p99PerRound: runs.map((r) => r.p99),
        };
  const p99 = (system: System) => median(systems[system].map((r) => r.p99));
  const ratio = (system: System) =>
    systems[system].length ? Math.round((p99('mizug') / p99(system)) * 100) / 100 : null;
  // Per round too: the systems of one round ran seconds apart, on the same machine load.
  const perRound = (system: System) =>
    systems[system].map((run, i) => Math.round((systems.mizug[i]!.p99 / run.p99) * 100) / 100);
  return {
    mizug: summary(systems.mizug),
    reference: summary(systems.reference),
    hocuspocus: summary(systems.hocuspocus),
    hocuspocusDurable: summary(systems.hocuspocusDurable),
    /** Median of rounds of Mizug's p99 over the median of rounds of the reference's. */
    p99Ratio: ratio('reference'),
    p99RatioTarget: P99_RATIO_TARGET,
    p99RatioMet: (ratio('reference') ?? Infinity) <= P99_RATIO_TARGET,
    p99RatioPerRound: perRound('reference'),
    p99RatioMedianOfRounds: median(perRound('reference')),
    p99RatioHocuspocus: ratio('hocuspocus'),
    p99RatioHocuspocusDurable: ratio('hocuspocusDurable'),
  };
}

const createdDatabases: string[] = [];
async function freshPostgres() {
  const name = `mizug_bench_${process.pid}_${createdDatabases.length}`;
  const admin = postgres(pgAdminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  createdDatabases.push(name);
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

/** RSS of a Mizug server with OPEN_DOCUMENTS documents loaded, each with a little text. */
async function openDocuments(env: Record<string, string>) {
  const mizug = await startMizug(3984, env);
  const before = rssMiB(mizug.child);
  runLoad({
    protocol: 'y-websocket',
    url: 'ws://127.0.0.1:3984/collab',
    docNames: Array.from({ length: OPEN_DOCUMENTS }, (_, i) => mizug.docName(i)),
    clients: OPEN_DOCUMENTS,
    editsPerSecond: 1,
    seconds: 3,
    cookie: mizug.cookie,
  });
  const after = rssMiB(mizug.child);
  await stop(mizug.child);
  return {
    documents: OPEN_DOCUMENTS,
    serverRssBeforeMiB: before,
    serverRssWithDocumentsMiB: after,
  };
}

/** Time to load a document that has STORED_UPDATES updates, before and after compaction. */
async function coldLoad(db: Database) {
  await migrate(db);
  const persistence = new CollabPersistence(db);
  const doc = new Y.Doc();
  const name = spaceDocName('00000000-0000-4000-8000-000000000001', 'cold');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('body');
  for (let i = 0; i < STORED_UPDATES; i++) text.insert(text.length, i % 10 === 9 ? '\n' : 'a');
  // Stored as 10,000 rows, inserted 500 at a time to keep the set-up short.
  for (let i = 0; i < updates.length; i += 500)
    await persistence.append(name, updates.slice(i, i + 500));
  const time = async () => {
    const started = performance.now();
    const { state } = await persistence.load(name);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, state!);
    const ms = performance.now() - started;
    if (loaded.getText('body').length !== STORED_UPDATES) throw new Error('cold load lost content');
    return Math.round(ms * 10) / 10;
  };
  const loads = async () => median([await time(), await time(), await time()]);
  const beforeMs = await loads();
  await persistence.compact(name);
  const afterMs = await loads();
  await db.close();
  return {
    storedUpdates: STORED_UPDATES,
    beforeCompactionMs: beforeMs,
    afterCompactionMs: afterMs,
  };
}

async function postgresAnswers() {
  const admin = postgres(pgAdminUrl, { max: 1, onnotice: () => {}, connect_timeout: 2 });
  try {
    await admin`SELECT 1`;
    return true;
  } catch {
    return false;
  } finally {
    await admin.end();
  }
}

export async function run() {
  execFileSync('pnpm', ['--filter', '@mizug/server', 'build'], { cwd: root, stdio: 'inherit' });
  const hasPostgres = await postgresAnswers();
  try {
    const figures = {
      workload: {
        clients: CLIENTS,
        documents: DOCS,
        editsPerSecondPerClient: EDITS_PER_SECOND,
        seconds: SECONDS,
        rounds: ROUNDS,
        interleaved: true,
        // Every figure of a system is the median of its rounds.
        summary: 'median of rounds',
      },
      mizugStorage: hasPostgres ? 'postgres' : 'pglite',
      propagation: PARTS.includes('propagation')
        ? await propagation(hasPostgres ? 'postgres' : 'pglite')
        : 'skipped (BENCH_PARTS)',
      openDocuments: PARTS.includes('open')
        ? {
            postgres: hasPostgres
              ? await openDocuments(await freshPostgres())
              : 'PostgreSQL not reachable',
            pglite: await openDocuments({
              MIZUG_DATA_DIR: mkdtempSync(join(tmpdir(), 'mizug-bench-')),
            }),
          }
        : 'skipped (BENCH_PARTS)',
      // `pnpm bench coldload` measures the open as the server does it (load + first sync reply).
      coldLoad: PARTS.includes('cold')
        ? {
            pglite: await coldLoad(await openPglite(undefined)),
            postgres: hasPostgres
              ? await coldLoad(openPostgres((await freshPostgres()).DATABASE_URL))
              : 'PostgreSQL not reachable',
          }
        : 'skipped (BENCH_PARTS)',
    };
    return figures;
  } finally {
    if (createdDatabases.length) {
      const admin = postgres(pgAdminUrl, { max: 1, onnotice: () => {} });
      for (const name of createdDatabases)
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}
