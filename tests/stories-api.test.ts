import {
  apiErrorSchema,
  collabCloseCodes,
  type AuditEntry,
  type InitiativeHome,
  type Story,
} from '@mizug/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadDocument } from '../server/src/db/repositories/collab-documents';
import { type Person } from './factories/person';
import { eventually, writeParagraph } from './support/collab-client';
import { testStorages } from './support/databases';
import { storyWorld } from './factories/story-world';

const errorOf = async (response: Response) =>
  apiErrorSchema.parse(await response.clone().json()).error;

describe.each(testStorages)('stories over %s', (kind) => {
  const world = storyWorld(kind);

  it('keeps a new story to its teller: not listed, not readable, not even openable by others', async () => {
    const story = await world.tell('הבוקר הראשון לבד');
    expect(story.teller?.consent).toEqual({
      audience: 'only_me',
      credit: 'anonymous',
      quoting: 'no',
    });
    expect(await world.visibleTitles(world.miriam)).toContain('הבוקר הראשון לבד');
    for (const other of [
      world.seed.people.ebe2,
      world.seed.people.practitioner,
      world.seed.admin,
    ]) {
      expect(await world.visibleTitles(other)).not.toContain('הבוקר הראשון לבד');
      expect((await other.get(`/api/stories/${story.id}`)).status).toBe(404);
    }
    const practitioner = world.open(story, world.seed.people.practitioner);
    await eventually(() => expect(practitioner.closes[0]).toBe(collabCloseCodes.forbidden));
  });

  it('refuses to share a story with no text, and changes nothing', async () => {
    const story = await world.tell('ריק');
    const refused = await world.setConsent(story, {
      audience: 'peer_group',
      credit: 'anonymous',
      quoting: 'no',
    });
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).code).toBe('story_empty');
    expect(await world.visibleTitles(world.seed.people.ebe2)).not.toContain('ריק');
  });

  it('shares with the peer group under a pseudonym, then the working group, never naming the teller', async () => {
    const story = await world.tell('מה עזר לי', 'השכנה דפקה בדלת כל בוקר');
    const peer = await world.setConsent(story, {
      audience: 'peer_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'ask_first',
    });
    expect(peer.status).toBe(200);

    const asPeer = await world.seed.people.ebe2.get(`/api/stories/${story.id}`);
    const seenByPeer = (await asPeer.json()) as Story;
    expect(seenByPeer.byline).toEqual({ credit: 'pseudonym', name: 'ורד' });
    expect(seenByPeer.teller).toBeNull();
    expect(JSON.stringify(seenByPeer)).not.toMatch(/מרים|world.miriam/);
    expect((await world.seed.people.practitioner.get(`/api/stories/${story.id}`)).status).toBe(404);
    expect(await world.visibleTitles(world.seed.people.practitioner)).not.toContain('מה עזר לי');
    // Nor by searching for its words: the peer finds it by a word of its text, she does not.
    const search = async (who: Person, q: string) =>
      (
        (await (
          await who.get(
            `/api/initiatives/${world.seed.initiativeId}/stories?q=${encodeURIComponent(q)}`,
          )
        ).json()) as Story[]
      ).map((s) => s.title);
    expect(await search(world.seed.people.ebe2, 'דפקה בדלת')).toEqual(['מה עזר לי']);
    expect(await search(world.seed.people.practitioner, 'דפקה')).toEqual([]);
    expect(await search(world.seed.people.practitioner, 'מה עזר')).toEqual([]);

    await world.setConsent(story, {
      audience: 'working_group',
      credit: 'pseudonym',
      pseudonym: 'ורד',
      quoting: 'ask_first',
    });
    const asPractitioner = await world.seed.people.practitioner.get(`/api/stories/${story.id}`);
    expect(asPractitioner.status).toBe(200);
    const seen = (await asPractitioner.json()) as Story;
    expect(seen.byline.name).toBe('ורד');
    expect(seen.canWrite).toBe(false);
    expect(JSON.stringify(seen)).not.toMatch(/מרים|world.miriam/);
    // Reading the body too, but never writing it.
    const reader = world.open(story, world.seed.people.practitioner);
    await reader.synced();
    expect(reader.doc.getXmlFragment('default').toString()).toContain('השכנה דפקה בדלת');
  });

  it('hides a withdrawn story at once, closes open documents and streams, and undoes it', async () => {
    const story = await world.tell('אחרי הניתוח', 'איש לא שאל איך אני');
    await world.setConsent(story, {
      audience: 'working_group',
      credit: 'anonymous',
      quoting: 'yes',
    });
    const reader = world.open(story, world.seed.people.practitioner);
    await reader.synced();
    const stream = await fetch(
      `${world.server.url}/api/initiatives/${world.seed.initiativeId}/events`,
      {
        headers: { cookie: world.seed.people.practitioner.sessionCookie },
      },
    );
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = stream.body!.getReader();

    const withdrawn = await world.miriam.call('PUT', `/api/stories/${story.id}/withdrawal`);
    expect(((await withdrawn.json()) as Story).withdrawnAt).not.toBeNull();
    expect(new TextDecoder().decode((await events.read()).value)).toContain('event: changed');
    await events.cancel();
    await eventually(() => expect(reader.closes).toContain(collabCloseCodes.accessRevoked));
    for (const other of [world.seed.people.practitioner, world.seed.people.ebe2]) {
      expect((await other.get(`/api/stories/${story.id}`)).status).toBe(404);
      expect(await world.visibleTitles(other)).not.toContain('אחרי הניתוח');
    }
    expect((await world.miriam.get(`/api/stories/${story.id}`)).status).toBe(200);

    await world.miriam.call('DELETE', `/api/stories/${story.id}/withdrawal`);
    expect(await world.visibleTitles(world.seed.people.practitioner)).toContain('אחרי הניתוח');
  });

  it('lets only the teller change consent or withdraw', async () => {
    const story = await world.tell('רק שלי להחליט', 'טקסט');
    await world.setConsent(story, { audience: 'peer_group', credit: 'name', quoting: 'yes' });
    const consent = { audience: 'working_group', credit: 'name', quoting: 'yes' };
    // A peer who reads it is refused (403); someone who cannot see it learns nothing (404).
    expect((await world.setConsent(story, consent, world.seed.people.ebe2)).status).toBe(403);
    expect((await world.setConsent(story, consent, world.seed.people.practitioner)).status).toBe(
      404,
    );
    expect(
      (await world.seed.people.ebe2.call('PUT', `/api/stories/${story.id}/withdrawal`)).status,
    ).toBe(403);
    expect(await world.visibleTitles(world.seed.people.practitioner)).not.toContain(
      'רק שלי להחליט',
    );
    const named = (await (
      await world.seed.people.ebe2.get(`/api/stories/${story.id}`)
    ).json()) as Story;
    expect(named.byline).toEqual({ credit: 'name', name: 'מרים' });
  });

  it('refuses markup in titles, a missing pseudonym and a story outside one’s own space', async () => {
    const base = { spaceId: world.seed.spaces.lived_experience, language: 'he' };
    const scripted = await world.miriam.post(
      `/api/initiatives/${world.seed.initiativeId}/stories`,
      {
        ...base,
        title: '<script>alert(1)</script>',
      },
    );
    expect(scripted.status).toBe(400);
    expect((await errorOf(scripted)).fields).toEqual({
      title: 'Plain text only: no tags such as <b> or <script>.',
    });

    const story = await world.tell('שם בדוי', 'טקסט');
    const noPseudonym = await world.setConsent(story, {
      audience: 'peer_group',
      credit: 'pseudonym',
      quoting: 'no',
    });
    expect(noPseudonym.status).toBe(400);
    expect(Object.keys((await errorOf(noPseudonym)).fields ?? {})).toContain('pseudonym');
    expect(await world.visibleTitles(world.seed.people.ebe2)).not.toContain('שם בדוי');

    const inSynthesis = await world.miriam.post(
      `/api/initiatives/${world.seed.initiativeId}/stories`,
      {
        ...base,
        spaceId: world.seed.spaces.synthesis,
        title: 'x',
      },
    );
    expect(inSynthesis.status).toBe(403);
    const inLived = await world.seed.people.practitioner.post(
      `/api/initiatives/${world.seed.initiativeId}/stories`,
      { ...base, title: 'x' },
    );
    expect(inLived.status).toBe(404);
  });

  it('lets a peer the teller asked co-write a private story, and records who was asked', async () => {
    const story = await world.tell('כתבנו יחד', 'התחלה');
    const salmaId = await world.seed.people.ebe2.accountId();
    const practitionerId = await world.seed.people.practitioner.accountId();
    expect(
      (await world.miriam.call('PUT', `/api/stories/${story.id}/supporters/${practitionerId}`))
        .status,
    ).toBe(404);
    const asked = await world.miriam.call('PUT', `/api/stories/${story.id}/supporters/${salmaId}`);
    expect(((await asked.json()) as Story).teller?.supporters).toEqual([
      { accountId: salmaId, displayName: 'سلمى' },
    ]);

    const salma = world.open(story, world.seed.people.ebe2);
    const teller = world.open(story, world.miriam);
    await Promise.all([salma.synced(), teller.synced()]);
    writeParagraph(salma, 'وأنا ساعدت');
    await eventually(() =>
      expect(teller.doc.getXmlFragment('default').toString()).toContain('وأنا ساعدت'),
    );

    const audit = (await (
      await world.seed.admin.get(`/api/initiatives/${world.seed.initiativeId}/audit?limit=200`)
    ).json()) as AuditEntry[];
    const actions = audit.map((entry) => entry.action);
    for (const action of [
      'story.consent',
      'story.withdraw',
      'story.restore',
      'story.supporter_add',
    ])
      expect(actions).toContain(action);
    // The pseudonym appears only as the credit of "the teller", never next to her account.
    const credited = audit.filter((entry) => JSON.stringify(entry).includes('ורד'));
    expect(credited.every((entry) => entry.actor === null && entry.teller !== null)).toBe(true);
  });

  it('refuses content the editor schema does not allow, and stores none of it', async () => {
    const story = await world.tell('סכמה', 'טקסט רגיל');
    const client = world.open(story, world.miriam);
    await client.synced();
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert(1)')]);
    client.doc.getXmlFragment('default').insert(0, [script]);
    await eventually(() => expect(client.closes).toEqual([collabCloseCodes.malformed]));

    const stored = await loadDocument(world.server.db, story.bodyDoc);
    const doc = new Y.Doc();
    for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
    expect(doc.getXmlFragment('default').toString()).toContain('טקסט רגיל');
    expect(doc.getXmlFragment('default').toString()).not.toContain('script');
  });

  it('refuses a collaborative edit with NUL, a direction override or a javascript: link, and stores none of it', async () => {
    const story = await world.tell('טקסט עוין', 'טקסט רגיל');
    const edits: ((fragment: Y.XmlFragment) => void)[] = [
      (fragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('NUL\u0000')]);
        fragment.insert(0, [paragraph]);
      },
      (fragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('\u202eoverride')]);
        fragment.insert(0, [paragraph]);
      },
      (fragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText('click me');
        paragraph.insert(0, [text]);
        fragment.insert(0, [paragraph]);
        text.format(0, 5, { link: { href: 'javascript:alert(document.cookie)' } });
      },
    ];
    for (const edit of edits) {
      const client = world.open(story, world.miriam);
      await client.synced();
      // One change, as the editor makes it: the text never arrives without its link.
      client.doc.transact(() => edit(client.doc.getXmlFragment('default')));
      await eventually(() => expect(client.closes).toEqual([collabCloseCodes.malformed]));
      client.destroy();
    }
    const stored = await loadDocument(world.server.db, story.bodyDoc);
    const doc = new Y.Doc();
    for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part);
    const text = doc.getXmlFragment('default').toString();
    expect(text).toContain('טקסט רגיל');
    for (const hostile of ['NUL', 'override', 'javascript', 'click'])
      expect(text).not.toContain(hostile);
  });

  it('tells each member where they may tell a story: their own peer space only', async () => {
    const home = async (who: Person) =>
      (await (
        await who.get(`/api/initiatives/${world.seed.initiativeId}`)
      ).json()) as InitiativeHome;
    const tellable = (h: InitiativeHome) => h.spaces.filter((s) => s.canTellStory).map((s) => s.id);
    expect(tellable(await home(world.miriam))).toEqual([world.seed.spaces.lived_experience]);
    expect(tellable(await home(world.seed.people.practitioner))).toEqual([
      world.seed.spaces.practitioners,
    ]);
    expect(tellable(await home(world.seed.people.researcher))).toEqual([]);
  });
});
