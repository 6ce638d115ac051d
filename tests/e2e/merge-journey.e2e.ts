import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';
import { tellStory } from './support/stories';
import { canvas } from './support/session';

/** Issue 11's "Done when": the whole merge, in Hebrew, in two browsers at once. */
const STORY = 'בערב השקט הכי חזק ואף אחד לא מתקשר';
const LIVED_QUOTE = 'השקט הכי חזק';
const PRACTICE_TEXT = 'ביקורי בית בערב מפחיתים בדידות';
const PRACTICE_QUOTE = 'ביקורי בית בערב';
const FINDING = 'הערב הוא הזמן הבודד';
const CODE = 'בדידות בערב';
const PRACTITIONERS = 'אנשי ונשות מקצוע';
const shots = process.env.E2E_SHOTS ?? '/tmp';

/** A board's column, by its heading. */
const column = (page: Page, name: string) =>
  page.locator('.column').filter({ has: page.getByRole('heading', { name, exact: true }) });

/** A card listed in a column, by its quote. */
const cardIn = (area: Locator, quote: string) =>
  area.getByRole('listitem').filter({ hasText: quote });

/** The finding's working panel (status, statement, balance, decisions). */
const panelOf = (page: Page) => page.getByRole('region', { name: FINDING, exact: true });

async function send(
  request: APIRequestContext,
  csrfToken: string,
  method: 'put' | 'patch',
  url: string,
  data: object,
) {
  const response = await request[method](url, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
}

/** Records the caller's group's decision on the returned finding. */
async function decide(page: Page, decision: 'לאשר' | 'לבקש שינויים', comment = '') {
  const form = page.getByRole('form', { name: `ההחלטה של הקבוצה שלנו על ${FINDING}` });
  await form.getByRole('radio', { name: decision, exact: true }).check();
  if (comment) await form.getByRole('textbox', { name: 'הערה' }).fill(comment);
  await form.getByRole('button', { name: 'רישום ההחלטה של הקבוצה שלנו' }).click();
  await expect(page.getByText('ההחלטה של הקבוצה נרשמה.')).toBeVisible();
}

test('the merge in Hebrew: two groups’ quotes become coded cards, clustered at once into a finding that goes back to the groups, is revised and approved, and follows its teller’s withdrawal live', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const invited = await initiativeWithInvitations(browser, 'Merge journey');
  const { initiativeId, livedSpaceId } = invited;
  const join = (code: string, name: string, handle: string) =>
    joined(browser, baseURL!, code, { name, handle, locale: 'he' });
  // Two browsers side by side: the facilitator's and the teller's; the practitioner's third.
  const noa = await join(invited.facilitatorCode, 'נועה', uniqueHandle('noa'));
  const miriam = await join(invited.ebeCode, 'מרים', uniqueHandle('miriam'));
  const yossi = await join(invited.practitionerCode, 'יוסי', uniqueHandle('yossi'));
  const idOf = async (who: { page: Page }) =>
    ((await (await who.page.request.get('/api/me')).json()) as { account: { id: string } }).account
      .id;
  const home = await (await noa.page.request.get(`/api/initiatives/${initiativeId}`)).json();
  const spaceOf = (kind: string) =>
    (home.spaceDirectory as { id: string; kind: string }[]).find((s) => s.kind === kind)!.id;
  const synthesisId = spaceOf('synthesis');
  const practitionersId = spaceOf('practitioners');

  // Set-up through the API (not the point here): Miriam's story, shared with the working group
  // and quotable under her name; Miriam joins the working group, so she writes on the board too.
  const storyId = await tellStory(miriam, {
    initiativeId,
    spaceId: livedSpaceId,
    title: 'ערב',
    words: STORY,
    consent: { audience: 'working_group', credit: 'name', quoting: 'yes' },
  });
  await send(
    noa.page.request,
    noa.csrfToken,
    'patch',
    `/api/initiatives/${initiativeId}/members/${await idOf(miriam)}`,
    { inWorkingGroup: true },
  );

  // A Merging of Knowledge session up to the release: the practitioners write their canvas and
  // release its paragraph to the synthesis (another group's work is quoted only once released).
  const session = await post(
    noa.page.request,
    noa.csrfToken,
    `/api/initiatives/${initiativeId}/sessions`,
    {
      methodId: 'merging-of-knowledge',
      title: 'מה זו בדידות בשבילנו',
      groups: [
        { spaceId: livedSpaceId, facilitatorIds: [await idOf(noa)] },
        { spaceId: practitionersId, facilitatorIds: [await idOf(noa)] },
      ],
    },
  );
  const stage = (id: string) => `/api/sessions/${session.id}/stages/${id}`;
  for (const who of [miriam, yossi])
    await post(
      who.page.request,
      who.csrfToken,
      `/api/sessions/${session.id}/contract/acceptance`,
      {},
    );
  await post(noa.page.request, noa.csrfToken, `${stage('MK-3')}/open`, {});
  await yossi.page.goto(`/sessions/${session.id}`);
  await canvas(yossi.page, PRACTITIONERS).click();
  await yossi.page.keyboard.type(PRACTICE_TEXT);
  await expect(yossi.page.getByRole('status').filter({ hasText: 'נשמר' }).first()).toBeVisible();
  await post(noa.page.request, noa.csrfToken, `${stage('MK-3')}/close`, {
    overrideReason: 'נגמר הזמן',
  });
  await post(noa.page.request, noa.csrfToken, `${stage('MK-5')}/open`, {});
  const view = await (await yossi.page.request.get(`/api/sessions/${session.id}`)).json();
  const practitionersCanvas = (
    view.canvases as { id: string; stageId: string; spaceId: string }[]
  ).find((c) => c.stageId === 'MK-3' && c.spaceId === practitionersId)!;
  await post(yossi.page.request, yossi.csrfToken, `${stage('MK-5')}/releases`, {
    spaceId: practitionersId,
    items: [{ canvasId: practitionersCanvas.id, paragraphs: [0] }],
  });
  const released = await (await noa.page.request.get(`/api/sessions/${session.id}`)).json();
  const release = (released.releases as { id: string; spaceId: string }[]).find(
    (r) => r.spaceId === practitionersId,
  )!;

  // 1. The quotes become cards in the synthesis space. Noa selects Miriam's words in her story…
  await noa.page.goto(`/stories/${storyId}`);
  const reading = noa.page.getByRole('textbox', { name: 'הסיפור', exact: true });
  await expect(reading).toContainText(STORY);
  await reading.evaluate((element, words) => {
    const text = element.querySelector('p')!.firstChild!;
    const start = text.textContent!.indexOf(words);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + words.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, LIVED_QUOTE);
  const make = noa.page.getByRole('region', { name: 'יצירת כרטיס תובנה' });
  await make.getByRole('button', { name: 'שימוש בטקסט שנבחר' }).click();
  await expect(make.getByLabel('ציטוט')).toHaveValue(LIVED_QUOTE);
  await make.getByLabel('מרחב').selectOption({ label: 'מרחב המיזוג' });
  await make.getByRole('button', { name: 'יצירת הכרטיס' }).click();
  await expect(make.getByRole('status')).toHaveText('הכרטיס נוצר במרחב מרחב המיזוג.');
  // …and the practitioners' released paragraph (its card through the release, not the canvas).
  await post(noa.page.request, noa.csrfToken, `/api/spaces/${synthesisId}/cards`, {
    source: { kind: 'release', id: release.id, item: 0 },
    quote: PRACTICE_QUOTE,
  });

  // 3. Noa makes the board in the synthesis space and a finding on it.
  await noa.page.goto(`/spaces/${synthesisId}`);
  const boards = noa.page.getByRole('region', { name: 'לוחות סינתזה' });
  await boards.getByText('לוח חדש').click();
  await boards.getByRole('textbox', { name: 'כותרת הלוח' }).fill('מה למדנו על הערבים');
  await boards.getByRole('button', { name: 'יצירת הלוח' }).click();
  await expect(noa.page.getByRole('heading', { level: 1 })).toHaveText('מה למדנו על הערבים');
  const boardUrl = noa.page.url();
  await expect(noa.page.getByText('הלוח: נשמר')).toBeVisible();
  await noa.page.getByText('ממצא חדש').click();
  await noa.page.getByRole('textbox', { name: 'כותרת הממצא' }).fill(FINDING);
  await noa.page.getByRole('button', { name: 'הוספת הממצא' }).click();
  await expect(noa.page.getByText('הממצא נוסף.')).toBeVisible();

  // Miriam opens the same board in her browser.
  await miriam.page.goto(boardUrl);
  await expect(miriam.page.getByText('הלוח: נשמר')).toBeVisible();
  const unsortedOf = (page: Page) => column(page, 'לא ממוין');

  // 2. Both are coded with one theme of the codebook: both open boards show it without a reload.
  const code = await post(
    noa.page.request,
    noa.csrfToken,
    `/api/initiatives/${initiativeId}/codes`,
    {
      name: { he: CODE },
      colour: '#2563eb',
    },
  );
  expect(code.id).toBeTruthy();
  // Noa codes each card on her board, from its "codes" fold.
  for (const quote of [LIVED_QUOTE, PRACTICE_QUOTE]) {
    const card = cardIn(unsortedOf(noa.page), quote);
    await card.getByText('קודים', { exact: true }).click();
    await card.getByRole('checkbox', { name: CODE }).check();
    await card.getByRole('button', { name: 'שמירת הקודים' }).click();
    await expect(card.getByRole('status')).toHaveText('הקודים נשמרו.');
  }

  for (const page of [noa.page, miriam.page])
    for (const quote of [LIVED_QUOTE, PRACTICE_QUOTE])
      await expect(
        cardIn(unsortedOf(page), quote).getByRole('list', { name: 'קודים' }),
      ).toContainText(CODE);

  // 4. Both cluster at once: Miriam by keyboard only (Space picks up, Tab carries, Escape drops),
  // Noa by the card's "move to…" menu.
  const byKeyboard = async () => {
    const page = miriam.page;
    await cardIn(unsortedOf(page), LIVED_QUOTE).focus();
    await page.keyboard.press('Space');
    const zone = column(page, FINDING).getByRole('list', { name: FINDING });
    for (let tabs = 0; tabs < 8; tabs++) {
      if (await zone.evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Escape');
  };
  const byMenu = () =>
    cardIn(unsortedOf(noa.page), PRACTICE_QUOTE)
      .getByLabel('העברה אל…')
      .selectOption({ label: FINDING });
  await Promise.all([byKeyboard(), byMenu()]);
  for (const page of [noa.page, miriam.page]) {
    for (const quote of [LIVED_QUOTE, PRACTICE_QUOTE])
      await expect(cardIn(column(page, FINDING), quote)).toBeVisible();
    await expect(unsortedOf(page).getByText('עדיין אין כאן כרטיסים.')).toBeVisible();
  }

  // 5. Noa writes the statement citing both cards.
  const panel = panelOf(noa.page);
  const statement = panel.getByRole('textbox', { name: 'ניסוח הממצא', exact: true });
  const cite = async (quote: string) => {
    const choice = panel.getByLabel('כרטיס מהלוח');
    // The "cite a card" box stays open after a citation.
    if (!(await choice.isVisible())) await panel.getByText('ציטוט כרטיס').click();
    await choice.selectOption({ label: quote });
    await panel.getByRole('button', { name: 'הוספת הציטוט' }).click();
  };
  await statement.click();
  await noa.page.keyboard.type('בערב הבדידות הכי חזקה ');
  await cite(LIVED_QUOTE);
  await statement.press('End');
  await noa.page.keyboard.type(' ומה שעוזר הוא ');
  await cite(PRACTICE_QUOTE);
  await expect(statement.locator('cite')).toHaveText([`❝${LIVED_QUOTE}❞`, `❝${PRACTICE_QUOTE}❞`]);

  // 6. The finding's balance of voices shows both knowledge types.
  const balance = panel.getByRole('table', { name: `איזון הקולות: ${FINDING}` });
  await expect(balance.getByRole('rowheader', { name: 'ניסיון חיים' })).toBeVisible();
  await expect(balance.getByRole('rowheader', { name: 'ידע מקצועי מהשטח' })).toBeVisible();

  // 7. Returned to the groups: the lived-experience group sees its own words highlighted, and
  // asks for changes.
  await panel.getByRole('button', { name: 'החזרה לקבוצות' }).click();
  await expect(panel.getByText('מצב: הוחזר לקבוצות')).toBeVisible();
  const ours = panelOf(miriam.page).getByRole('region', { name: 'איך המילים שלנו מופיעות' });
  await expect(ours.getByText(LIVED_QUOTE)).toBeVisible();
  await expect(ours.getByText('המילים של הקבוצה שלנו')).toBeVisible();
  await expect(ours.getByText(PRACTICE_QUOTE)).toHaveCount(0);
  await decide(miriam.page, 'לבקש שינויים', 'לא רק ביקורים: גם השכנים');

  // Finalizing now is refused with the reason; Noa revises the statement and returns it again.
  await panel.getByRole('button', { name: 'קביעה כסופי' }).click();
  await expect(panel.getByRole('alert')).toBeVisible();
  await panel.getByRole('button', { name: 'תיקון (חזרה לטיוטה)' }).click();
  await expect(panel.getByText('מצב: טיוטה')).toBeVisible();
  await statement.click();
  await statement.press('ControlOrMeta+End');
  await noa.page.keyboard.type(' וגם השכנים');
  await expect(statement).toContainText('וגם השכנים');
  await panel.getByRole('button', { name: 'החזרה לקבוצות' }).click();
  await expect(panel.getByText('סבב 2')).toBeVisible();

  // 8. Both groups approve; the finding becomes final.
  await expect(
    panelOf(miriam.page).getByRole('region', { name: 'איך המילים שלנו מופיעות' }),
  ).toContainText('וגם השכנים');
  await decide(miriam.page, 'לאשר');
  await yossi.page.goto(boardUrl);
  await decide(yossi.page, 'לאשר');
  await panel.getByRole('button', { name: 'קביעה כסופי' }).click();
  await expect(panel.getByText('מצב: סופי')).toBeVisible();
  await expect(panel.getByText('הממצא סופי: הניסוח שלו קפוא.')).toBeVisible();
  // What the groups approved stays as it is: its cards can no longer be moved out.
  await expect(
    cardIn(column(noa.page, FINDING), PRACTICE_QUOTE).getByLabel('העברה אל…'),
  ).toHaveCount(0);

  // 9. Miriam sees the finding on "where my words are used".
  await miriam.page.goto(`/my-words/${initiativeId}`);
  const uses = miriam.page.getByRole('region', { name: 'הסיפור שלך „ערב”' });
  const used = uses.getByRole('article', { name: LIVED_QUOTE });
  await expect(used).toContainText(FINDING);
  await expect(used).toContainText('סופי');

  // 10. She withdraws her story: on Noa's open board her card is withdrawn, live.
  await miriam.page.goto(`/stories/${storyId}`);
  await miriam.page.getByRole('button', { name: 'משיכת הסיפור שלי' }).click();
  await miriam.page.getByRole('button', { name: 'כן, למשוך אותו' }).click();
  await expect(miriam.page.getByRole('heading', { name: 'הסיפור שלך נמשך בחזרה' })).toBeVisible();
  const finding = column(noa.page, FINDING);
  await expect(finding.getByText('נמשך: המקור נמשך, ולכן הציטוט הוסר.')).toBeVisible();
  await expect(finding.getByText(LIVED_QUOTE)).toHaveCount(0);
  await expect(cardIn(finding, PRACTICE_QUOTE)).toBeVisible();
  // The final statement cites it as withdrawn, without its words.
  await expect(statement.locator('cite')).toHaveText(['❝נמשך❞', `❝${PRACTICE_QUOTE}❞`]);

  await noa.page.setViewportSize({ width: 1280, height: 900 });
  await noa.page.screenshot({ path: `${shots}/journey-desktop.png`, fullPage: true });
  await noa.page.setViewportSize({ width: 360, height: 800 });
  await noa.page.screenshot({ path: `${shots}/journey-360.png`, fullPage: true });
});
