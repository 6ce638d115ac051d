import type { Story } from '@mizug/domain';
import { describe, expect, it } from 'vitest';
import { CollabPersistence } from '../server/src/collab/persistence';
import { storyWorld } from './factories/story-world';
import type { Person } from './factories/person';
import { testStorages } from './support/databases';

describe.each(testStorages)('story search over %s', (kind) => {
  const world = storyWorld(kind);
  const search = async (who: Person, q: string) =>
    (
      (await (
        await who.get(
          `/api/initiatives/${world.seed.initiativeId}/stories?q=${encodeURIComponent(q)}`,
        )
      ).json()) as Story[]
    ).map((story) => story.title);
  /** Compacts the story's body as its room does, which writes its text into the search index. */
  const indexed = async (story: Story, text: string) => {
    await new CollabPersistence(world.server.db).compact(story.bodyDoc);
    const [row] = await world.server.db.query<{ body: string | null }>(
      `SELECT body FROM search_texts WHERE doc_name = $1
         AND NOT EXISTS (SELECT 1 FROM collab_updates WHERE doc_name = $1)`,
      [story.bodyDoc],
    );
    expect(row?.body).toContain(text);
  };
  const share = (story: Story) =>
    world.setConsent(story, { audience: 'peer_group', credit: 'anonymous', quoting: 'no' });

  it('finds Hebrew written with or without niqqud, and Arabic with or without harakat', async () => {
    const hebrew = await world.tell('הבוקר', 'הַשְּׁכֵנָה דָּפְקָה בַּדֶּלֶת כָּל בֹּקֶר');
    const arabic = await world.tell('الجيران', 'جاءت الجارة كل صباح وطرقت الباب');
    const withHarakat = await world.tell('الصباح', 'أَهْلًا بِالْجِيرَانِ فِي الصَّبَاحِ');
    const findsEach = async () => {
      const miriam = world.miriam;
      expect(await search(miriam, 'השכנה דפקה')).toEqual(['הבוקר']);
      expect(await search(miriam, 'הַשְּׁכֵנָה')).toEqual(['הבוקר']);
      expect(await search(miriam, 'דָפקה בדלת')).toEqual(['הבוקר']);
      expect(await search(miriam, 'جَاءَتِ الْجَارَة')).toEqual(['الجيران']);
      expect(await search(miriam, 'جاءت الجارة')).toEqual(['الجيران']);
      expect(await search(miriam, 'اهلا بالجيران')).toEqual(['الصباح']);
      expect(await search(miriam, 'أهلاً بالجيـــران')).toEqual(['الصباح']);
      expect(await search(miriam, 'בדלת שכנה לא')).toEqual([]);
    };
    // Before compaction (read from the stored updates), then after it (read from the index).
    await findsEach();
    for (const [story, text] of [
      [hebrew, 'השכנה'],
      [arabic, 'الجارة'],
      [withHarakat, 'بالجيران'],
    ] as const)
      await indexed(story, text);
    await findsEach();
  });

  it('never finds a story the caller may not read, by its title or its text', async () => {
    const hidden = await world.tell('סוד שלי', 'הַמַּפְתֵּחַ מִתַּחַת לָעָצִיץ');
    const shared = await world.tell('סיפור משותף', 'המפתח אצל השכנה');
    expect((await share(shared)).status).toBe(200);
    await indexed(hidden, 'המפתח');
    await indexed(shared, 'המפתח');
    expect(await search(world.miriam, 'המפתח')).toEqual(
      expect.arrayContaining(['סוד שלי', 'סיפור משותף']),
    );
    const peer = world.seed.people.ebe2;
    expect(await search(peer, 'המפתח')).toEqual(['סיפור משותף']);
    expect(await search(peer, 'מתחת לעציץ')).toEqual([]);
    expect(await search(peer, 'סוד')).toEqual([]);
    expect(await search(world.seed.people.practitioner, 'המפתח')).toEqual([]);
  });

  it('finds a story missing from the index (as after a restore) and indexes it again', async () => {
    const story = await world.tell('שוחזר', 'הַגִּנָּה שֶׁל סָבְתָא');
    await indexed(story, 'הגנה');
    await world.server.db.query('DELETE FROM search_texts WHERE doc_name = $1', [story.bodyDoc]);
    expect(await search(world.miriam, 'הגנה של סבתא')).toEqual(['שוחזר']);
    const [row] = await world.server.db.query<{ label: string; body: string }>(
      'SELECT label, body FROM search_texts WHERE doc_name = $1',
      [story.bodyDoc],
    );
    expect(row?.label).toBe('שוחזר\nבדידות');
    expect(row?.body).toContain('הגנה של סבתא');
    expect(await search(world.miriam, 'שוחזר')).toEqual(['שוחזר']);
  });
});
