// A synthesis board with 500 cards in Chromium: how long it takes to open, and how long a card
// moved by its "move to…" menu takes to show in its new column, here and in a second browser.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { placeCard } from '../packages/editor/src/board';
import { chromiumLaunchOptions } from '../tests/support/chromium';
import { connectDoc, writeParagraph } from '../tests/support/collab-client';

const root = fileURLToPath(new URL('../', import.meta.url));
const entry = join(root, 'server/dist/index.js');
const PORT = Number(process.env.BENCH_PORT ?? 3972);
const base = `http://127.0.0.1:${PORT}`;
const PASSPHRASE = 'correct horse battery staple';
const CARDS = 500;
const FINDINGS = 6;
/** Cards already sorted into findings when the board opens; the rest are unsorted. */
const PLACED = 100;
const OPENS = 7;
const MOVES = 25;

/** tsx names the functions it compiles with a `__name` helper the page has not got. */
const KEEP_NAMES = 'globalThis.__name = (fn) => fn;';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const quoteOf = (index: number) =>
  `Voice ${String(index).padStart(3, '0')} says the evening is long`;
const findingTitle = (index: number) => `Finding ${index + 1}`;

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n);
  return { runs: values.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)) };
}

export async function startServer(dataDir: string): Promise<ChildProcess> {
  const env = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  execFileSync(
    process.execPath,
    [join(root, 'server/dist/cli.js'), 'create-admin', '--handle', 'admin', '--name', 'Dana'],
    { env: { ...env, MIZUG_DATA_DIR: dataDir }, input: `${PASSPHRASE}\n`, stdio: 'pipe' },
  );
  const child = spawn(process.execPath, [entry], {
    env: { ...env, MIZUG_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
}

async function call(request: APIRequestContext, csrf: string, url: string, data: object) {
  const response = await request.post(url, { data, headers: { 'x-csrf-token': csrf } });
  if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return response.json();
}

async function cookieOf(request: APIRequestContext) {
  const { cookies } = await request.storageState();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** Waits until a y-websocket client has reached the server's state and the server stored it. */
async function flushed(client: ReturnType<typeof connectDoc>) {
  await client.synced();
  // The server stores updates as they come; give it a moment before the page reads them.
  await sleep(1000);
}

/**
 * An initiative whose facilitator has a board of `CARDS` cards quoting one shared story,
 * `FINDINGS` findings, and `PLACED` cards sorted into them; answers the board's address and a
 * browser context signed in as the facilitator.
 */
export async function seed(browser: Browser) {
  const admin = await browser.newContext({ baseURL: base });
  const signIn = await admin.request.post('/api/session', {
    data: { handle: 'admin', passphrase: PASSPHRASE },
  });
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const initiative = await call(admin.request, csrfToken, '/api/initiatives', {
    name: 'Bench board',
    problem: 'Loneliness in old age',
    languages: ['he', 'ar', 'en'],
  });
  const home = await (await admin.request.get(`/api/initiatives/${initiative.id}`)).json();
  const spaceOf = (kind: string) =>
    (home.spaceDirectory as { id: string; kind: string }[]).find((s) => s.kind === kind)!.id;
  const invitations = `/api/initiatives/${initiative.id}/invitations`;
  const ebe = await call(admin.request, csrfToken, invitations, {
    role: 'expert_by_experience',
    sector: 'community',
    spaceId: spaceOf('lived_experience'),
  });
  const facilitator = await call(admin.request, csrfToken, invitations, {
    role: 'facilitator',
    sector: 'third_sector',
    spaceId: null,
  });
  await admin.close();

  const join = async (code: string, handle: string) => {
    const context = await browser.newContext({ baseURL: base });
    await context.addInitScript({ content: KEEP_NAMES });
    const response = await context.request.post('/api/join', {
      data: { code, displayName: handle, handle, passphrase: `${handle} keeps the kettle warm` },
    });
    if (response.status() !== 201) throw new Error(`join: ${await response.text()}`);
    const { csrfToken: csrf } = (await response.json()) as { csrfToken: string };
    return { context, csrf };
  };

  // The teller's story: one paragraph per quote, shared with the working group.
  const teller = await join(ebe.code, 'miriam');
  const story = await call(
    teller.context.request,
    teller.csrf,
    `/api/initiatives/${initiative.id}/stories`,
    { spaceId: spaceOf('lived_experience'), title: 'Evenings', language: 'en', tags: [] },
  );
  const body = connectDoc(base, story.bodyDoc, await cookieOf(teller.context.request));
  await body.synced();
  for (let i = 0; i < CARDS; i++) writeParagraph(body, `${quoteOf(i)}.`);
  await flushed(body);
  body.destroy();
  const shared = await teller.context.request.put(`/api/stories/${story.id}/consent`, {
    data: { audience: 'working_group', credit: 'name', quoting: 'yes' },
    headers: { 'x-csrf-token': teller.csrf },
  });
  if (!shared.ok()) throw new Error(`consent: ${await shared.text()}`);
  await teller.context.close();

  // The facilitator quotes it 500 times in the synthesis space and lays the board out.
  const noa = await join(facilitator.code, 'noa');
  const synthesis = spaceOf('synthesis');
  const cards: { id: string }[] = [];
  for (let i = 0; i < CARDS; i++) {
    cards.push(
      await call(noa.context.request, noa.csrf, `/api/spaces/${synthesis}/cards`, {
        source: { kind: 'story', id: story.id },
        quote: quoteOf(i),
      }),
    );
  }
  const board = await call(noa.context.request, noa.csrf, `/api/spaces/${synthesis}/boards`, {
    title: 'What we learnt about evenings',
  });
  const findings: { id: string }[] = [];
  for (let i = 0; i < FINDINGS; i++) {
    findings.push(
      await call(noa.context.request, noa.csrf, `/api/boards/${board.id}/findings`, {
        title: findingTitle(i),
      }),
    );
  }
  const layout = connectDoc(base, board.docName, await cookieOf(noa.context.request));
  await layout.synced();
  layout.doc.transact(() => {
    for (let i = 0; i < PLACED; i++) {
      placeCard(layout.doc, cards[CARDS - 1 - i]!.id, findings[i % FINDINGS]!.id, i);
    }
  });
  await flushed(layout);
  layout.destroy();
  return { url: `/boards/${board.id}`, context: noa.context };
}

/**
 * Loads the board and resolves once every finding's column shows, the unsorted pile shows its
 * first cards, and each finding the cards placed in it (the live layout has arrived).
 */
export async function open(page: Page, url: string) {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    ({ columns }) => {
      const shown = [...document.querySelectorAll('.column')];
      return (
        shown.length === columns &&
        shown[0]!.querySelectorAll('li').length >= 10 &&
        shown.slice(1).every((column) => column.querySelector('li'))
      );
    },
    { columns: FINDINGS + 1 },
    { polling: 'raf', timeout: 60_000 },
  );
  return performance.now() - started;
}

/**
 * In the page: resolves, at the first frame after it, when the card quoting `quote` is listed
 * in the column named `column`, with the time on the clock shared by the browser's pages.
 */
export function shownAt(page: Page, quote: string, column: string) {
  return page.evaluate(
    ({ quote, column }) =>
      new Promise<number>((resolve) => {
        const there = () =>
          [...document.querySelectorAll('.column')]
            .find((node) => node.querySelector('h3')?.textContent?.trim() === column)
            ?.querySelector(`li[aria-label^="${quote}"]`);
        const done = () =>
          requestAnimationFrame(() =>
            setTimeout(() => resolve(performance.timeOrigin + performance.now())),
          );
        if (there()) return done();
        const observer = new MutationObserver(() => {
          if (!there()) return;
          observer.disconnect();
          done();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
    { quote, column },
  );
}

/** Moves the first unsorted card shown to `column` by its menu; answers its quote and when. */
export function moveFirstUnsorted(page: Page, column: string) {
  return page.evaluate((column) => {
    const item = document.querySelector<HTMLLIElement>('.column li[aria-label]')!;
    const select = item.querySelector('select')!;
    const option = [...select.options].find((entry) => entry.label === column)!;
    const at = performance.timeOrigin + performance.now();
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return { quote: item.getAttribute('aria-label')!.slice(0, 9), at };
  }, column);
}

async function measureMoves(mover: Page, watcher: Page) {
  const times: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const column = findingTitle(i % FINDINGS);
    const quote = await mover.evaluate(() =>
      document.querySelector('.column li[aria-label]')!.getAttribute('aria-label')!.slice(0, 9),
    );
    const shown = shownAt(watcher, quote, column);
    shown.catch(() => {}); // awaited below; a failed move must not leave it unhandled
    const moved = await moveFirstUnsorted(mover, column);
    if (moved.quote !== quote) throw new Error(`moved ${moved.quote}, not ${quote}`);
    times.push((await shown) - moved.at);
    // Let the other browser and the server settle before the next move.
    await sleep(150);
  }
  return stats(times);
}

export async function run() {
  if (!existsSync(entry)) execFileSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'mizug-bench-board-'));
  const server = await startServer(dataDir);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const { url, context } = await seed(browser);
    // Each time in a new tab: leaving a 500-card board is not part of opening one.
    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const tab = await context.newPage();
      opens.push(await open(tab, url));
      await tab.close();
    }
    const page = await context.newPage();
    await open(page, url);
    const localMoveMs = await measureMoves(page, page);
    // A second browser, signed in as the same facilitator, watching the same board.
    const other = await browser.newContext({
      baseURL: base,
      storageState: await context.storageState(),
    });
    await other.addInitScript({ content: KEEP_NAMES });
    const remote = await other.newPage();
    await open(remote, url);
    const remoteMoveMs = await measureMoves(page, remote);
    return {
      cards: CARDS,
      findings: FINDINGS,
      unsortedAtOpen: CARDS - PLACED,
      openMs: stats(opens),
      localMoveMs,
      remoteMoveMs,
    };
  } finally {
    await browser.close();
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
