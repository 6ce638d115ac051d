import { collabCloseCodes, spaceDocName } from '@mizug/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inviteFacilitator,
  removeFromInitiative,
  type SeededInitiative,
} from './factories/initiative';
import { overHttp, Person } from './factories/person';
import { connectDoc, eventually } from './support/collab-client';
import type { RunningServer } from './support/server-process';
import {
  startTwoInstances,
  twoInstancesAvailable,
  type TwoInstances,
} from './support/two-instances';

const available = await twoInstancesAvailable('the scale-out test');

describe.runIf(available)('two server instances sharing PostgreSQL and Redis', () => {
  let instances: TwoInstances;
  let one: RunningServer;
  let two: RunningServer;
  let seed: SeededInitiative;

  beforeAll(async () => {
    instances = await startTwoInstances();
    ({ one, two, seed } = instances);
  });
  afterAll(async () => {
    await instances?.stop();
  });

  it('lets people on different instances edit one document and see each other', async () => {
    const docName = spaceDocName(seed.spaces.lived_experience);
    const onOne = connectDoc(one.url, docName, seed.people.ebe.sessionCookie);
    await onOne.synced();
    // Joins after the presence on instance one was announced: instance two has to ask for it.
    const onTwo = connectDoc(two.url, docName, seed.people.ebe2.sessionCookie);
    await onTwo.synced();
    onOne.text.insert(0, 'from one ');
    onTwo.text.insert(0, 'from two ');
    await eventually(() => {
      expect(onOne.text.toString()).toBe(onTwo.text.toString());
      expect(onOne.text.toString()).toMatch(/from one/);
      expect(onOne.text.toString()).toMatch(/from two/);
      // Two freshly started processes on two busy cores: allow for a slow first round trip.
    }, 15_000);
    await eventually(() => {
      const names = [...onTwo.provider.awareness.getStates().values()].map(
        (state) => (state.user as { name?: string } | undefined)?.name,
      );
      expect(names).toContain('מרים');
    });
    onOne.destroy();
    onTwo.destroy();
  });

  it('disconnects a removed member on the other instance', async () => {
    const docName = spaceDocName(seed.spaces.lived_experience, 'second');
    const onTwo = connectDoc(two.url, docName, seed.people.ebe2.sessionCookie);
    await onTwo.synced();
    // Removed through instance one's API.
    expect(await removeFromInitiative(seed, 'ebe2')).toBe(204);
    await eventually(() => expect(onTwo.closes).toEqual([collabCloseCodes.accessRevoked]));
    onTwo.destroy();
  });

  it("closes a signed-out sign-in's sockets on both instances and keeps her other sign-in", async () => {
    const docName = spaceDocName(seed.spaces.lived_experience, 'sign-out');
    const laptop = new Person(overHttp(one.url));
    expect((await laptop.signIn('miriam', 'miriam passphrase long')).status).toBe(200);
    const onOne = connectDoc(one.url, docName, laptop.sessionCookie);
    const onTwo = connectDoc(two.url, docName, laptop.sessionCookie);
    // Her first sign-in, as on another device.
    const elsewhere = connectDoc(two.url, docName, seed.people.ebe.sessionCookie);
    await Promise.all([onOne.synced(), onTwo.synced(), elsewhere.synced()]);

    expect((await laptop.call('DELETE', '/api/session')).status).toBe(204);
    await eventually(() => {
      expect(onOne.closes).toEqual([collabCloseCodes.accessRevoked]);
      expect(onTwo.closes).toEqual([collabCloseCodes.accessRevoked]);
    });
    onTwo.text.insert(0, 'after signing out ');
    onTwo.provider.connect();
    elsewhere.text.insert(0, 'still signed in ');
    await eventually(() => expect(onTwo.closes).toContain(collabCloseCodes.forbidden));
    const reader = connectDoc(one.url, docName, seed.people.ebe.sessionCookie);
    await reader.synced();
    await eventually(() => expect(reader.text.toString()).toContain('still signed in'));
    expect(reader.text.toString()).not.toContain('after signing out');
    expect(elsewhere.closes).toEqual([]);
    for (const client of [onOne, onTwo, elsewhere, reader]) client.destroy();
  });

  it('tells pages on the other instance that a method session moved on', async () => {
    const facilitator = await inviteFacilitator(overHttp(one.url), seed, 'noa-scaleout', 'נועה');
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'merging-of-knowledge',
      title: 'Across instances',
      groups: [{ spaceId: seed.spaces.lived_experience, facilitatorIds: [] }],
    });
    const { id: sessionId } = (await started.json()) as { id: string };

    // Miriam's page listens on instance two; the facilitator acts through instance one.
    const stream = await fetch(`${two.url}/api/initiatives/${seed.initiativeId}/events`, {
      headers: { cookie: seed.people.ebe.sessionCookie },
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const heard = (async () => {
      while (!received.includes(`event: session\ndata: ${sessionId}`)) {
        const { value, done } = await reader.read();
        if (done) return;
        received += value;
      }
    })();
    await eventually(async () => {
      const opened = await facilitator.post(`/api/sessions/${sessionId}/stages/MK-1/open`, {});
      expect(opened.status).toBe(200);
      await Promise.race([heard, new Promise((resolve) => setTimeout(resolve, 300))]);
      expect(received).toContain(`data: ${sessionId}`);
    });
    await reader.cancel();
  });

  it('tells the readers of a space on the other instance that its cards and the codebook changed', async () => {
    const facilitator = await inviteFacilitator(overHttp(one.url), seed, 'dana-cards', 'דנה');
    const lived = seed.spaces.lived_experience;
    const started = await facilitator.post(`/api/initiatives/${seed.initiativeId}/sessions`, {
      methodId: 'merging-of-knowledge',
      title: 'Cards across instances',
      groups: [{ spaceId: lived, facilitatorIds: [await facilitator.accountId()] }],
    });
    const { id: sessionId } = (await started.json()) as { id: string };
    await seed.people.ebe.post(`/api/sessions/${sessionId}/contract/acceptance`, {});
    await facilitator.post(`/api/sessions/${sessionId}/stages/MK-2/open`, {});
    const posted = await seed.people.ebe.post(
      `/api/sessions/${sessionId}/stages/MK-2/contributions`,
      {
        body: 'השכנה היא המשפחה',
      },
    );
    expect(posted.status).toBe(201);
    const view = (await (await seed.people.ebe.get(`/api/sessions/${sessionId}`)).json()) as {
      contributions: { id: string; body: string }[];
    };
    const post = view.contributions.find((c) => c.body === 'השכנה היא המשפחה')!;

    // Miriam's page listens on instance two; she quotes her post through instance one.
    const stream = await fetch(`${two.url}/api/initiatives/${seed.initiativeId}/events`, {
      headers: { cookie: seed.people.ebe.sessionCookie },
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const hear = (text: string) =>
      (async () => {
        while (!received.includes(text)) {
          const { value, done } = await reader.read();
          if (done) return;
          received += value;
        }
      })();
    const cards = hear(`event: cards\ndata: ${lived}`);
    const made = await seed.people.ebe.post(`/api/spaces/${lived}/cards`, {
      source: { kind: 'post', id: post.id },
      quote: 'המשפחה',
    });
    expect(made.status).toBe(201);
    await cards;
    expect(received).toContain(`event: cards\ndata: ${lived}`);

    const codebook = hear('event: codebook');
    const code = await facilitator.post(`/api/initiatives/${seed.initiativeId}/codes`, {
      name: { he: 'שכנות' },
      colour: '#336699',
    });
    expect(code.status).toBe(201);
    await codebook;
    expect(received).toContain('event: codebook');
    await reader.cancel();
  });
  it("tells a board's readers on the other instance that its findings changed", async () => {
    const facilitator = await inviteFacilitator(overHttp(one.url), seed, 'dana-board', 'דנה');
    const synthesis = seed.spaces.synthesis;
    const made = await facilitator.post(`/api/spaces/${synthesis}/boards`, { title: 'בין מופעים' });
    expect(made.status).toBe(201);
    const { id: boardId } = (await made.json()) as { id: string };

    // Her page listens on instance two; she adds a finding through instance one.
    const stream = await fetch(`${two.url}/api/initiatives/${seed.initiativeId}/events`, {
      headers: { cookie: facilitator.sessionCookie },
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const heard = (async () => {
      while (!received.includes(`event: board\ndata: ${boardId}`)) {
        const { value, done } = await reader.read();
        if (done) return;
        received += value;
      }
    })();
    const finding = await facilitator.post(`/api/boards/${boardId}/findings`, { title: 'שכנות' });
    expect(finding.status).toBe(201);
    await heard;
    expect(received).toContain(`event: board\ndata: ${boardId}`);
    await reader.cancel();
  });
});
