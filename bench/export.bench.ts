// `pnpm bench export`: every export format, and the backup, of an initiative with 1,000 stories
// and 10,000 coded quotes (cards in the synthesis, each quoting three words of its story, each
// with two codes), built straight in the database (PGlite in memory). Each format is timed and
// its peak RSS sampled while it streams to a sink, first at 1,000 quotes, then at 10,000: memory
// that stays flat shows the writers stream. Target: under 5 s each.
import { exportFormats } from '@mizug/exporters';
import { storyBodyDocName } from '@mizug/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as Y from 'yjs';
import { richTextField } from '../packages/editor/src/schema';
import { backupInitiative } from '../server/src/backup/write-backup';
import { searchTextOf } from '../server/src/collab/search-text';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { openPglite } from '../server/src/db/pglite';
import { findAccountById } from '../server/src/db/repositories/accounts';
import { replaceSnapshot } from '../server/src/db/repositories/collab-documents';
import { writeSearchBody } from '../server/src/db/repositories/search-texts';
import { insertStory } from '../server/src/db/repositories/stories';
import { exportInitiative } from '../server/src/services/exports/export';
import { seedWholeInitiative } from '../tests/factories/whole-initiative';

const STORIES = 1_000;
const QUOTES = [1_000, 10_000];
const WORDS_PER_STORY = 60;
const TARGET_MS = 5_000;

const words = ['בְּכָל', 'ערב', 'אני', 'מחכה', 'كل', 'صباح', 'أمشي', 'bus', 'never', '🌙'];
const bodyOf = (n: number) =>
  Array.from({ length: WORDS_PER_STORY }, (_, i) => `${words[(n + i) % words.length]}${i}`);

/** Multi-row INSERTs of `rows`, `size` at a time. */
async function insertRows(db: Database, head: string, rows: unknown[][], size = 200) {
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const width = batch[0]!.length;
    const values = batch
      .map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`)})`)
      .join(', ');
    await db.query(`${head} VALUES ${values}`, batch.flat());
  }
}

/** Runs `work` while sampling the process's resident memory; its time and the peak seen. */
async function measured(work: () => Promise<unknown>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: Math.round(performance.now() - started), rssMb: Math.round(peak / 2 ** 20) };
}

export async function run() {
  const db = await openPglite(undefined);
  await migrate(db);
  const folder = mkdtempSync(join(tmpdir(), 'mizug-bench-export-'));
  try {
    const { initiativeId } = await seedWholeInitiative(db, 'bench-');
    const [ids] = await db.query<{ lived: string; synthesis: string; teller: string; fac: string }>(
      `SELECT (SELECT id FROM spaces WHERE initiative_id = $1 AND kind = 'lived_experience') AS lived,
              (SELECT id FROM spaces WHERE initiative_id = $1 AND kind = 'synthesis') AS synthesis,
              (SELECT id FROM accounts WHERE handle = 'bench-teller') AS teller,
              (SELECT id FROM accounts WHERE handle = 'bench-facilitator') AS fac`,
      [initiativeId],
    );
    const { lived, synthesis, teller, fac } = ids!;
    const facilitator = (await findAccountById(db, fac))!;

    const seeding = performance.now();
    const stories: { id: string; body: string[] }[] = [];
    for (let start = 0; start < STORIES; start += 250)
      await db.transaction(async (tx) => {
        for (let n = start; n < Math.min(start + 250, STORIES); n++) {
          const id = await insertStory(tx, {
            initiativeId,
            spaceId: lived,
            tellerId: teller,
            title: `סיפור ${n}`,
            language: 'he',
            tags: [],
          });
          const body = bodyOf(n);
          const doc = new Y.Doc();
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(body.join(' '))]);
          doc.getXmlFragment(richTextField).insert(0, [paragraph]);
          const docName = storyBodyDocName(id);
          await replaceSnapshot(tx, docName, Y.encodeStateAsUpdate(doc), 1);
          await writeSearchBody(tx, docName, searchTextOf(docName, doc)!, 1);
          doc.destroy();
          stories.push({ id, body });
        }
      });
    // Every story shared with the working group, quotable, under a pseudonym.
    await db.query(
      `UPDATE stories SET audience = 'working_group', credit = 'pseudonym', pseudonym = 'ורד',
         quoting = 'yes' WHERE initiative_id = $1`,
      [initiativeId],
    );
    const codes = Array.from({ length: 20 }, () => randomUUID());
    await insertRows(
      db,
      'INSERT INTO codes (id, initiative_id, name, colour, created_by)',
      codes.map((id, i) => [id, initiativeId, JSON.stringify({ he: `קוד ${i}` }), '#336699', fac]),
    );

    let made = 0;
    const addQuotes = async (upTo: number) => {
      const cards: unknown[][] = [];
      const codings: unknown[][] = [];
      for (; made < upTo; made++) {
        const story = stories[made % STORIES]!;
        const at = Math.floor(made / STORIES) * 5;
        const id = randomUUID();
        cards.push([
          id,
          initiativeId,
          synthesis,
          'story',
          story.id,
          story.body.slice(at, at + 3).join(' '),
          fac,
        ]);
        codings.push([codes[made % 20], id, fac], [codes[(made + 7) % 20], id, fac]);
      }
      await insertRows(
        db,
        'INSERT INTO insight_cards (id, initiative_id, space_id, source_kind, story_id, quote, created_by)',
        cards,
      );
      await insertRows(db, 'INSERT INTO codings (code_id, card_id, coded_by)', codings);
    };

    const figures: Record<
      string,
      Record<string, { ms: number; rssMb: number; bytes?: number }>
    > = {};
    const seeded: Record<number, number> = {};
    for (const quotes of QUOTES) {
      await addQuotes(quotes);
      seeded[quotes] = Math.round(performance.now() - seeding);
      const at = `${quotes / 1000}k`;
      for (const format of exportFormats) {
        let bytes = 0;
        const result = await measured(async () => {
          const file = await exportInitiative(db, facilitator, initiativeId, format);
          await pipeline(
            file.stream,
            new Writable({
              write(chunk: Buffer, _encoding, done) {
                bytes += chunk.length;
                done();
              },
            }),
          );
        });
        (figures[format] ??= {})[at] = { ...result, bytes };
        console.log(`${format} at ${at} quotes: ${result.ms} ms, peak RSS ${result.rssMb} MB`);
      }
      const out = join(folder, `backup-${quotes}.mizug`);
      const backup = await measured(() => backupInitiative(db, initiativeId, out));
      (figures.backup ??= {})[at] = backup;
      console.log(`backup at ${at} quotes: ${backup.ms} ms, peak RSS ${backup.rssMb} MB`);
    }
    const over = Object.entries(figures)
      .filter(([, at]) => at['10k']!.ms > TARGET_MS)
      .map(([name]) => name);
    return {
      stories: STORIES,
      quotes: QUOTES,
      seededMs: seeded,
      targetMs: TARGET_MS,
      overTarget: over,
      formats: figures,
    };
  } finally {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
