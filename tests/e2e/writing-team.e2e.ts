import { expect, test, type APIRequestContext } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';
import { expectNoStageCodes } from './support/session';

type Joined = Awaited<ReturnType<typeof joined>>;

/** A state-changing API request as the web sends it, checked to have worked. */
async function send(who: Joined, method: 'POST' | 'PUT', url: string, data: object = {}) {
  const request: APIRequestContext = who.context.request;
  const response = await request.fetch(url, {
    method,
    data,
    headers: { 'x-csrf-token': who.csrfToken },
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

const idOf = async (who: Joined) =>
  ((await (await who.context.request.get('/api/me')).json()) as { account: { id: string } }).account
    .id;

test('the facilitator chooses the writing team in the session; a representative outside it is told why they cannot write', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { initiativeId, livedSpaceId, ebeCode, practitionerCode, facilitatorCode } =
    await initiativeWithInvitations(browser, 'Writing team');
  const join = (code: string, name: string, handle: string) =>
    joined(browser, baseURL!, code, { name, handle: uniqueHandle(handle), locale: 'he' });
  const noa = await join(facilitatorCode, 'נועה', 'noa');
  const miriam = await join(ebeCode, 'מרים', 'miriam');
  const sara = await join(ebeCode, 'שרה', 'sara');
  const yossi = await join(practitionerCode, 'יוסי', 'yossi');
  const [noaId, miriamId] = [await idOf(noa), await idOf(miriam)];

  // Seeded through the API: the session up to its co-writing stage, every group's work validated.
  const home = await (await noa.context.request.get(`/api/initiatives/${initiativeId}`)).json();
  const practitionersId = (home.spaceDirectory as { id: string; kind: string }[]).find(
    (space) => space.kind === 'practitioners',
  )!.id;
  const session = await send(noa, 'POST', `/api/initiatives/${initiativeId}/sessions`, {
    methodId: 'merging-of-knowledge',
    title: 'מה זו בדידות בשבילנו',
    groups: [
      { spaceId: livedSpaceId, facilitatorIds: [noaId] },
      { spaceId: practitionersId, facilitatorIds: [noaId] },
    ],
  });
  const sessionPath = `/api/sessions/${session.id}`;
  for (const who of [miriam, sara, yossi])
    await send(who, 'POST', `${sessionPath}/contract/acceptance`);
  const bothGroups = [
    [miriam, livedSpaceId],
    [yossi, practitionersId],
  ] as const;
  for (const stageId of ['MK-3', 'MK-4']) {
    await send(noa, 'POST', `${sessionPath}/stages/${stageId}/open`);
    for (const [who, spaceId] of bothGroups)
      await send(who, 'POST', `${sessionPath}/stages/${stageId}/validations`, {
        spaceId,
        decision: 'approve',
      });
    await send(noa, 'POST', `${sessionPath}/stages/${stageId}/close`);
  }
  // MK-7 is validated on the merged board: a finding returned, and both groups approve it.
  const opened = await send(noa, 'POST', `${sessionPath}/stages/MK-7/open`);
  const boardId = opened.stages.find((s: { id: string }) => s.id === 'MK-7').boards[0].boardId;
  const finding = await send(noa, 'POST', `/api/boards/${boardId}/findings`, {
    title: 'בדידות בערב',
  });
  await send(noa, 'POST', `/api/findings/${finding.id}/return`);
  for (const [who, spaceId] of bothGroups)
    await send(who, 'POST', `/api/findings/${finding.id}/decisions`, {
      spaceId,
      decision: 'approve',
      comment: '',
    });
  await send(noa, 'POST', `${sessionPath}/stages/MK-7/close`);
  await send(noa, 'POST', `${sessionPath}/stages/MK-8/open`);
  await send(miriam, 'PUT', `${sessionPath}/representatives`, {
    spaceId: livedSpaceId,
    accountIds: [miriamId],
  });

  // The facilitator picks a mixed team in the session page itself: Sara and Yossi.
  const sessionUrl = `/sessions/${session.id}`;
  await noa.page.goto(sessionUrl);
  const team = noa.page.getByRole('region', { name: 'צוות הכתיבה' });
  await expect(team).toBeVisible();
  await expect(team.getByText('עדיין אין אף אחד בצוות הכתיבה.')).toBeVisible();
  await team.getByRole('checkbox', { name: /^שרה/ }).check();
  await team.getByRole('checkbox', { name: /^יוסי/ }).check();
  await team.getByRole('button', { name: 'שמירת צוות הכתיבה' }).click();
  await expect(team.getByRole('status')).toHaveText('צוות הכתיבה נשמר.');

  // Miriam represents her group but is not in the team: she is told so, not just "read only".
  await miriam.page.goto(sessionUrl);
  await expect(miriam.page.getByRole('heading', { name: /^השלב הנוכחי:/ })).toBeVisible();
  await expect(
    miriam.page.getByText('אינכם בצוות הכתיבה של המפגש, ולכן אפשר לקרוא אבל לא לכתוב.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(miriam.page.getByRole('link', { name: /^פתיחת הלוח:/ })).toBeVisible();
  await expectNoStageCodes(miriam.page);

  // Sara is in the team and may write on the session's board.
  await sara.page.goto(sessionUrl);
  await expect(sara.page.getByText('אתם בצוות הכתיבה.')).toBeVisible();
  await expect(sara.page.getByText('אפשר לכתוב בלוח הזה.')).toBeVisible();
  await expectNoStageCodes(sara.page);
});
