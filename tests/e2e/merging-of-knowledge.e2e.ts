import { expect, test, type Page } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';
import { canvas, exitNotMet, expectNoStageCodes, sessionStages } from './support/session';

const LIVED = 'ידע מניסיון חיים';
const PRACTITIONERS = 'אנשי ונשות מקצוע';
const stageTitle = {
  'MK-3': 'בונים את הידע של הקבוצה',
  'MK-4': 'בודקים את הסיכום של הקבוצה',
  'MK-5': 'מתכוננים למפגש עם הקבוצות האחרות',
  'MK-6': 'המיזוג: מפגש הנציגות והנציגים',
  'MK-7': 'כל קבוצה בודקת את הטיוטה המשותפת',
};

const stages = sessionStages(stageTitle);

/** Records the decision of the caller's group in the current stage. */
async function decide(page: Page, decision: 'לאשר' | 'לבקש שינויים', comment = '') {
  await page.getByRole('radio', { name: decision }).check();
  if (comment) await page.getByRole('textbox', { name: 'הערה' }).fill(comment);
  await page.getByRole('button', { name: 'רישום ההחלטה של הקבוצה שלנו' }).click();
  await expect(page.getByText('ההחלטה שלנו בסבב הזה:')).toBeVisible();
}

test('a facilitator runs Merging of Knowledge in Hebrew: separate canvases, validation before the merge, labelled releases, a request for changes', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { initiativeId, ebeCode, practitionerCode, facilitatorCode } =
    await initiativeWithInvitations(browser, 'Merging');
  const join = async (code: string, name: string, handle: string) =>
    joined(browser, baseURL!, code, { name, handle, locale: 'he' });
  const asNoa = await join(facilitatorCode, 'נועה', uniqueHandle('noa'));
  const asMiriam = await join(ebeCode, 'מרים', uniqueHandle('miriam'));
  const noa = asNoa.page;
  const miriam = asMiriam.page;
  const yossi = (await join(practitionerCode, 'יוסי', uniqueHandle('yossi'))).page;

  // The facilitator starts the session with both peer groups, facilitating each.
  await noa.goto(`/initiatives/${initiativeId}`);
  await noa.getByRole('link', { name: 'להתחיל מפגש' }).click();
  await noa.getByRole('radio', { name: 'מיזוג ידע', exact: true }).check();
  await noa.getByRole('textbox', { name: 'שם המפגש' }).fill('מה זו בדידות בשבילנו');
  await noa.getByRole('checkbox', { name: LIVED }).check();
  await noa.getByRole('checkbox', { name: PRACTITIONERS }).check();
  await noa.getByRole('button', { name: 'להתחיל את המפגש' }).click();
  await expect(noa).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionUrl = new URL(noa.url()).pathname;
  await expect(noa.getByRole('heading', { name: 'מה זו בדידות בשבילנו' })).toBeVisible();
  await expect(noa.locator('html')).toHaveAttribute('dir', 'rtl');

  // Each participant accepts the agreement before anything else.
  for (const page of [miriam, yossi]) {
    await page.goto(sessionUrl);
    await expect(page.getByRole('heading', { name: 'הסכם ההשתתפות שלנו' })).toBeVisible();
    await page.getByRole('button', { name: 'אני מסכים/ה' }).click();
    await expect(page.getByRole('button', { name: 'אני מסכים/ה' })).toHaveCount(0);
  }

  // Both groups write at the same time, each in its own canvas, never seeing the other's.
  await stages.open(noa, 'MK-3');
  for (const page of [miriam, yossi]) await stages.current(page, 'MK-3');
  for (const page of [miriam, yossi]) await expectNoStageCodes(page);
  await expect(canvas(miriam, PRACTITIONERS)).toHaveCount(0);
  await expect(canvas(yossi, LIVED)).toHaveCount(0);
  await canvas(miriam, LIVED).click();
  await canvas(yossi, PRACTITIONERS).click();
  await miriam.keyboard.type('אף אחד לא מתקשר בערב');
  await yossi.keyboard.type('ביקורי בית מפחיתים בדידות');
  await miriam.keyboard.press('Enter');
  await miriam.keyboard.type('השכנים הם המשפחה שלנו');
  await expect(canvas(miriam, LIVED)).toContainText('השכנים הם המשפחה שלנו');
  await expect(canvas(yossi, PRACTITIONERS)).toContainText('ביקורי בית מפחיתים בדידות');
  await expect(miriam.getByText('ביקורי בית מפחיתים בדידות')).toHaveCount(0);
  await expect(yossi.getByText('השכנים הם המשפחה שלנו')).toHaveCount(0);
  for (const page of [miriam, yossi])
    await expect(page.getByRole('status').filter({ hasText: 'נשמר' }).first()).toBeVisible();

  await decide(miriam, 'לאשר');
  await decide(yossi, 'לאשר');
  await stages.close(noa, 'MK-3');

  // The merge stays closed until both groups validate their own work (MK-4 too).
  await stages.open(noa, 'MK-6');
  await expect(
    noa.getByText('השלבים המשותפים נפתחים רק אחרי שכל קבוצה אישרה את העבודה שלה.'),
  ).toBeVisible();
  await expect(stages.closeButton(noa, 'MK-6')).toHaveCount(0);
  await stages.open(noa, 'MK-4');
  await decide(miriam, 'לאשר');
  await decide(yossi, 'לאשר');
  await stages.close(noa, 'MK-4');

  // Each group releases part of its work: one paragraph each.
  await stages.open(noa, 'MK-5');
  await stages.current(miriam, 'MK-5');
  await miriam.getByRole('checkbox', { name: 'השכנים הם המשפחה שלנו' }).check();
  await miriam.getByRole('button', { name: 'שחרור החלקים שנבחרו למיזוג' }).click();
  await expect(miriam.getByText('מה שהקבוצה שלנו שחררה')).toBeVisible();
  await stages.current(yossi, 'MK-5');
  await yossi.getByRole('checkbox', { name: 'ביקורי בית מפחיתים בדידות' }).check();
  await yossi.getByRole('button', { name: 'שחרור החלקים שנבחרו למיזוג' }).click();
  await expect(yossi.getByText('מה שהקבוצה שלנו שחררה')).toBeVisible();
  await stages.close(noa, 'MK-5');

  // The merge shows both releases, each labelled with its group; the unreleased line stays home.
  await stages.open(noa, 'MK-6');
  for (const page of [miriam, yossi]) {
    await stages.current(page, 'MK-6');
    const released = page.getByRole('region', { name: 'מה שהקבוצות שחררו' });
    await expect(released.getByRole('article').filter({ hasText: LIVED })).toContainText(
      'השכנים הם המשפחה שלנו',
    );
    await expect(released.getByRole('article').filter({ hasText: PRACTITIONERS })).toContainText(
      'ביקורי בית מפחיתים בדידות',
    );
  }
  await expect(yossi.getByText('אף אחד לא מתקשר בערב')).toHaveCount(0);
  await stages.close(noa, 'MK-6');

  // A validation round on the merged board: the finding is returned, the lived-experience group
  // asks for changes, and the stage's page shows each group where its findings stand.
  await stages.open(noa, 'MK-7');
  const opened = await (await noa.request.get(`/api${sessionUrl}`)).json();
  const boardId = opened.stages.find((s: { id: string }) => s.id === 'MK-7').boards[0].boardId;
  const livedSpaceId = opened.groups.find(
    (g: { kind: string }) => g.kind === 'lived_experience',
  ).spaceId;
  const finding = await post(noa.request, asNoa.csrfToken, `/api/boards/${boardId}/findings`, {
    title: 'מה זו בדידות בערב',
  });
  const findingId = finding.id;
  await post(noa.request, asNoa.csrfToken, `/api/findings/${findingId}/return`, {});
  await stages.current(miriam, 'MK-7');
  const standing = miriam.getByRole('region', { name: 'איפה כל קבוצה עומדת לגבי הממצאים' });
  await expect(standing.getByRole('listitem')).toContainText('מה זו בדידות בערב: עדיין אין החלטה');
  await post(miriam.request, asMiriam.csrfToken, `/api/findings/${findingId}/decisions`, {
    spaceId: livedSpaceId,
    decision: 'changes',
    comment: 'המילה "מטופלים" לא מתארת אותנו',
  });
  // Live: the decision recorded on the board shows on the session page without a reload.
  await expect(standing.getByRole('listitem')).toContainText('מה זו בדידות בערב: לבקש שינויים');
  await expect(standing.getByRole('link', { name: 'מה זו בדידות בערב' })).toHaveAttribute(
    'href',
    `/boards/${boardId}`,
  );
  await expectNoStageCodes(miriam);
  await stages.closeButton(noa, 'MK-7').click();
  await exitNotMet(noa);

  const record = await (await noa.request.get(`/api${sessionUrl}/record`)).json();
  expect(record.releases.map((r: { group: { kind: string } }) => r.group.kind)).toEqual([
    'lived_experience',
    'practitioners',
  ]);
});
