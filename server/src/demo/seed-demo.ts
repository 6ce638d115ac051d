import type {
  Board,
  CreatedInvitation,
  Finding,
  InitiativeHome,
  InsightCard,
  SessionView,
  Story,
} from '@mizug/domain';
import { findingField, placeCard } from '@mizug/editor/board';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import type { Database } from '../db/database';
import { createLogger } from '../logger';
import { createNodeServer, type NodeServer } from '../node-server';
import { createInstanceAdmin } from '../services/create-admin';
import { DemoCaller } from './caller';
import { demoFixture, fixtureFile, type DemoFixture, type DemoPerson } from './fixture';
import { drawScene } from './pictures';
import { findDemo, markDemo, type DemoSummary } from './demo-store';

/** Why a demo cannot be loaded into this instance, in words for the operator. */
export class DemoRefused extends Error {}

/** Paragraphs of plain text appended to a document's `default` fragment. */
function writeParagraphs(doc: Y.Doc, paragraphs: readonly string[]) {
  const fragment = doc.getXmlFragment('default');
  fragment.push(
    paragraphs.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
}

/** A finding's statement as the board's editor stores it: text and inline card citations. */
function writeStatement(
  doc: Y.Doc,
  findingId: string,
  parts: DemoFixture['board']['findings'][number]['statement'],
  cardIds: ReadonlyMap<string, string>,
) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(
    0,
    parts.map((part) => {
      if (typeof part === 'string') return new Y.XmlText(part);
      const citation = new Y.XmlElement('cardCitation');
      citation.setAttribute('cardId', cardIds.get(part.card)!);
      return citation;
    }),
  );
  doc.getXmlFragment(findingField(findingId, 'statement')).push([paragraph]);
}

/**
 * Builds the demo initiative through the product's own API, as its people would: the admin
 * creates it and invites everyone, the tellers write and share their stories, the facilitator
 * quotes them as cards, codes them and merges them into findings, and the groups answer.
 */
async function buildDemo(node: NodeServer, baseUrl: string, fixture: DemoFixture) {
  const caller = () => new DemoCaller(baseUrl);
  const people = new Map<string, DemoCaller>();
  const person = (key: string) => people.get(key)!;
  const adminSpec = fixture.people.find((spec) => spec.role === 'admin')!;

  const admin = caller();
  await admin.post('/api/session', {
    handle: adminSpec.handle,
    passphrase: fixture.passphrase,
  });
  people.set(adminSpec.key, admin);
  const { id: initiativeId } = await admin.post<{ id: string }>('/api/initiatives', {
    name: fixture.initiative.name,
    problem: fixture.initiative.problem,
    languages: fixture.initiative.languages,
    extraPeerSpaces: [{ name: fixture.initiative.academicsSpace, knowledge: 'academic' }],
    creatorSector: adminSpec.sector,
  });
  const home = await admin.get<InitiativeHome>(`/api/initiatives/${initiativeId}`);
  const spaceOf = (space: DemoPerson['space'] | 'synthesis') => {
    const found = home.spaceDirectory.find((candidate) =>
      space === 'academics' ? candidate.knowledge === 'academic' : candidate.kind === space,
    );
    return found!.id;
  };

  for (const spec of fixture.people) {
    if (spec === adminSpec) continue;
    const { code } = await admin.post<CreatedInvitation>(
      `/api/initiatives/${initiativeId}/invitations`,
      { role: spec.role, sector: spec.sector, spaceId: spec.space && spaceOf(spec.space) },
    );
    const joined = caller();
    await joined.post('/api/join', {
      code,
      handle: spec.handle,
      displayName: spec.displayName,
      passphrase: fixture.passphrase,
    });
    people.set(spec.key, joined);
    if (spec.workingGroup)
      await admin.patch(`/api/initiatives/${initiativeId}/members/${joined.accountId}`, {
        inWorkingGroup: true,
      });
  }

  const stories = new Map<string, Story>();
  for (const spec of fixture.stories) {
    const teller = person(spec.teller);
    const tellerSpec = fixture.people.find((candidate) => candidate.key === spec.teller)!;
    const story = await teller.post<Story>(`/api/initiatives/${initiativeId}/stories`, {
      spaceId: spaceOf(tellerSpec.space),
      title: spec.title,
      language: spec.language,
      tags: spec.tags,
    });
    await node.collab.edit(
      story.bodyDoc,
      (doc) => writeParagraphs(doc, spec.paragraphs),
      teller.accountId,
    );
    await teller.put(`/api/stories/${story.id}/consent`, spec.consent);
    for (const photo of spec.photos ?? []) {
      const form = new FormData();
      form.set('file', new File([await drawScene(photo.scene)], `${photo.scene}.jpg`));
      form.set('caption', photo.caption);
      form.set('alt', photo.alt);
      await teller.post(`/api/stories/${story.id}/photos`, form);
    }
    if (spec.recording) {
      const form = new FormData();
      const bytes = await readFile(fixtureFile(spec.recording.file));
      form.set('file', new File([bytes], spec.recording.file, { type: 'audio/webm' }));
      form.set('transcript', spec.recording.transcript);
      await teller.post(`/api/stories/${story.id}/recordings`, form);
    }
    stories.set(spec.key, story);
  }

  const facilitator = person(fixture.people.find((spec) => spec.role === 'facilitator')!.key);
  const codeIds = new Map<string, string>();
  for (const spec of fixture.codes) {
    const { id } = await facilitator.post<{ id: string }>(
      `/api/initiatives/${initiativeId}/codes`,
      {
        name: spec.name,
        description: spec.description ?? {},
        colour: spec.colour,
        parentId: spec.parent ? codeIds.get(spec.parent) : null,
      },
    );
    codeIds.set(spec.key, id);
  }

  const synthesis = spaceOf('synthesis');
  const cardIds = new Map<string, string>();
  for (const spec of fixture.cards) {
    const card = await facilitator.post<InsightCard>(`/api/spaces/${synthesis}/cards`, {
      source: { kind: 'story', id: stories.get(spec.story)!.id },
      quote: spec.quote,
    });
    cardIds.set(spec.key, card.id);
    if (spec.codes.length)
      await facilitator.put(`/api/cards/${card.id}/codes`, {
        codeIds: spec.codes.map((code) => codeIds.get(code)!),
      });
  }

  const board = await facilitator.post<Board>(`/api/spaces/${synthesis}/boards`, {
    title: fixture.board.title,
  });
  const deciders: Record<'lived_experience' | 'practitioners' | 'academic', DemoCaller> = {
    lived_experience: person('miriam'),
    practitioners: person('yael'),
    academic: person('lior'),
  };
  const deciderFor = (group: Board['groups'][number]) =>
    group.kind === 'lived_experience'
      ? deciders.lived_experience
      : group.kind === 'practitioners'
        ? deciders.practitioners
        : deciders.academic;

  for (const spec of fixture.board.findings) {
    const finding = await facilitator.post<Finding>(`/api/boards/${board.id}/findings`, {
      title: spec.title,
    });
    await node.collab.edit(
      board.docName,
      (doc) => {
        spec.cards.forEach((card, order) => placeCard(doc, cardIds.get(card)!, finding.id, order));
        writeStatement(doc, finding.id, spec.statement, cardIds);
      },
      facilitator.accountId,
    );
    if (spec.disagreement) {
      const space = spaceOf(spec.disagreement.space);
      await deciders[spec.disagreement.space].post(`/api/findings/${finding.id}/disagreements`, {
        spaceId: space,
        position: spec.disagreement.position,
      });
    }
    if (spec.state === 'draft') continue;
    await facilitator.post(`/api/findings/${finding.id}/return`);
    if (spec.state === 'returned') continue;
    for (const group of board.groups) {
      const asksForChanges = spec.state === 'changes' && group.kind === 'lived_experience';
      await deciderFor(group).post(`/api/findings/${finding.id}/decisions`, {
        spaceId: group.spaceId,
        decision: asksForChanges ? 'changes' : 'approve',
        comment: asksForChanges ? (spec.changesComment ?? '') : '',
      });
    }
    if (spec.state === 'final') await facilitator.post(`/api/findings/${finding.id}/finalize`);
  }
  await node.collab.edit(
    board.docName,
    (doc) =>
      fixture.board.unplaced.forEach((card, order) =>
        placeCard(doc, cardIds.get(card)!, null, order),
      ),
    facilitator.accountId,
  );

  await learningHalfWay(node, fixture.learningFromSuccess, {
    initiativeId,
    groupId: spaceOf('lived_experience'),
    facilitator,
    person,
    circle: fixture.people
      .filter((spec) => spec.space === 'lived_experience')
      .map((spec) => person(spec.key)),
  });

  // Last, so the cards above quoted it first: withdrawing marks them withdrawn everywhere.
  for (const spec of fixture.stories.filter((story) => story.withdrawn))
    await person(spec.teller).put(`/api/stories/${stories.get(spec.key)!.id}/withdrawal`, {});

  return { initiativeId, people };
}

/**
 * A Learning from Success session about the owner's own success, run as its learning companion
 * and circle would run it, up to the stage where it stands now (left open).
 */
async function learningHalfWay(
  node: NodeServer,
  spec: DemoFixture['learningFromSuccess'],
  at: {
    initiativeId: string;
    groupId: string;
    facilitator: DemoCaller;
    person: (key: string) => DemoCaller;
    circle: DemoCaller[];
  },
) {
  const { facilitator, groupId } = at;
  const owner = at.person(spec.owner);
  const session = await facilitator.post<SessionView>(
    `/api/initiatives/${at.initiativeId}/sessions`,
    {
      methodId: 'learning-from-success',
      title: spec.title,
      groups: [{ spaceId: groupId, facilitatorIds: [facilitator.accountId] }],
      ownerId: owner.accountId,
    },
  );
  for (const member of at.circle)
    await member.post(`/api/sessions/${session.id}/contract/acceptance`);
  const stagePath = (stageId: string) => `/api/sessions/${session.id}/stages/${stageId}`;
  for (const stage of spec.stages) {
    await facilitator.post(`${stagePath(stage.id)}/open`);
    if (stage.text) {
      const view = await owner.get<SessionView>(`/api/sessions/${session.id}`);
      const canvas = view.canvases.find(
        (candidate) =>
          candidate.stageId === stage.id &&
          candidate.spaceId === groupId &&
          candidate.purpose === 'work',
      )!;
      await node.collab.edit(
        canvas.docName,
        (doc) => writeParagraphs(doc, [stage.text!]),
        owner.accountId,
      );
    }
    for (const asked of stage.questions ?? []) {
      const asking = await at
        .person(asked.by)
        .post<SessionView>(`${stagePath(stage.id)}/contributions`, { body: asked.question });
      const question = asking.contributions.find(
        (contribution) => contribution.body === asked.question,
      )!;
      await owner.post(`${stagePath(stage.id)}/contributions`, {
        body: asked.answer,
        parentId: question.id,
      });
    }
    if (stage.open) break;
    await owner.post(`${stagePath(stage.id)}/owner-confirmation`);
    await facilitator.post(`${stagePath(stage.id)}/close`, {});
  }
}

/**
 * Loads the demo initiative into `db`, refusing when one is already there or when one of its
 * people's handles belongs to someone else (a real instance is never overwritten). It runs its
 * own short-lived server on loopback, so it works before the real one starts, or beside it on
 * PostgreSQL.
 */
export async function seedDemo(db: Database, fixture = demoFixture): Promise<DemoSummary> {
  const existing = await findDemo(db);
  if (existing)
    throw new DemoRefused(`The demo initiative is already loaded (${existing.initiativeId}).`);
  const handles = fixture.people.map((spec) => spec.handle);
  const taken = await db.query<{ handle: string }>(
    'SELECT handle FROM accounts WHERE handle = ANY($1::text[])',
    [handles],
  );
  if (taken.length)
    throw new DemoRefused(
      `Refusing to load the demo: the handles ${taken.map((row) => row.handle).join(', ')} already belong to people of this instance.`,
    );

  const adminSpec = fixture.people.find((spec) => spec.role === 'admin')!;
  await createInstanceAdmin(db, {
    handle: adminSpec.handle,
    displayName: adminSpec.displayName,
    passphrase: fixture.passphrase,
  });
  const node = await createNodeServer({
    db,
    logger: createLogger('warn'),
    version: 'demo',
    trustProxy: false,
  });
  await new Promise<void>((resolve) => node.server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = node.server.address() as AddressInfo;
    const { initiativeId, people } = await buildDemo(node, `http://127.0.0.1:${port}`, fixture);
    return await markDemo(
      db,
      initiativeId,
      fixture.people.map((spec) => ({ accountId: people.get(spec.key)!.accountId, spec })),
    );
  } finally {
    await node.close();
  }
}
