import { expect, test, type Locator, type Page } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';
import { tellStory } from './support/stories';

const QUOTES = ['הערבים הכי ארוכים', 'אף אחד לא מתקשר', 'השכנה מביאה מרק'];
const FINDING = 'בדידות בערב';

/** A board's column, by its heading. */
const column = (page: Page, name: string) =>
  page.locator('.column').filter({ has: page.getByRole('heading', { name, exact: true }) });

/** The cards listed in a column, by their quotes. */
const cardIn = (area: Locator, quote: string) =>
  area.getByRole('listitem').filter({ hasText: quote });

test('a facilitator clusters cards into a finding by drag, by keyboard and by the menu, and cites one; another browser sees it live; the group sees its words, asks for changes, and final is refused until all approve, in Hebrew', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, livedSpaceId, ebeCode, facilitatorCode } = await initiativeWithInvitations(
    browser,
    'Board',
  );
  const noa = await joined(browser, baseURL!, facilitatorCode, {
    name: 'נועה',
    handle: uniqueHandle('noa'),
    locale: 'he',
  });
  const miriam = await joined(browser, baseURL!, ebeCode, {
    name: 'מרים',
    handle: uniqueHandle('miriam'),
    locale: 'he',
  });

  // Miriam tells her story and shares it with the working group, quotable under her name.
  const storyId = await tellStory(miriam, {
    initiativeId,
    spaceId: livedSpaceId,
    title: 'ערבים',
    words: `${QUOTES.join('. ')}.`,
    consent: { audience: 'working_group', credit: 'name', quoting: 'yes' },
  });

  // Noa makes three cards of it in the synthesis space.
  const home = await (await noa.page.request.get(`/api/initiatives/${initiativeId}`)).json();
  const synthesis = (home.spaces as { id: string; kind: string }[]).find(
    (space) => space.kind === 'synthesis',
  )!;
  for (const quote of QUOTES) {
    await post(noa.page.request, noa.csrfToken, `/api/spaces/${synthesis.id}/cards`, {
      source: { kind: 'story', id: storyId },
      quote,
    });
  }

  // She creates the board from the synthesis space's page, then a finding on it.
  await noa.page.goto(`/spaces/${synthesis.id}`);
  const boards = noa.page.getByRole('region', { name: 'לוחות סינתזה' });
  await expect(boards.getByText('עדיין אין לוח במרחב הזה.')).toBeVisible();
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
  const unsorted = column(noa.page, 'לא ממוין');
  const finding = column(noa.page, FINDING);
  for (const quote of QUOTES) await expect(cardIn(unsorted, quote)).toBeVisible();

  // Miriam has the board open in her own browser.
  await miriam.page.goto(boardUrl);
  const miriamsFinding = column(miriam.page, FINDING);
  await expect(cardIn(column(miriam.page, 'לא ממוין'), QUOTES[0]!)).toBeVisible();

  // 1. By dragging with the pointer.
  const dragged = cardIn(unsorted, QUOTES[0]!);
  await dragged.scrollIntoViewIfNeeded();
  const from = (await dragged.boundingBox())!;
  const to = (await finding.getByRole('list').boundingBox())!;
  // Held by its middle: the library finds the zone under the dragged card's centre.
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  await noa.page.mouse.move(start.x, start.y);
  await noa.page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    const along = step / 10;
    await noa.page.mouse.move(
      start.x + (end.x - start.x) * along,
      start.y + (end.y - start.y) * along,
    );
  }
  // The library checks where the card is a few times a second: drop once the finding has made
  // room for it (the room is an invisible copy of the card).
  await expect(finding.getByRole('listitem', { includeHidden: true })).toHaveCount(1);
  await noa.page.mouse.up();
  await expect(cardIn(finding, QUOTES[0]!)).toBeVisible();
  await expect(cardIn(unsorted, QUOTES[0]!)).toHaveCount(0);

  // 2. By keyboard only: Space picks the card up, Tab carries it to the finding, Escape drops it.
  await cardIn(unsorted, QUOTES[1]!).focus();
  await noa.page.keyboard.press('Space');
  const findingZone = finding.getByRole('list', { name: FINDING });
  for (let tabs = 0; tabs < 6; tabs++) {
    if (await findingZone.evaluate((zone) => zone === document.activeElement)) break;
    await noa.page.keyboard.press('Tab');
  }
  await noa.page.keyboard.press('Escape');
  await expect(cardIn(finding, QUOTES[1]!)).toBeVisible();

  // 3. By the card's "move to…" menu.
  await cardIn(unsorted, QUOTES[2]!).getByLabel('העברה אל…').selectOption({ label: FINDING });
  await expect(cardIn(finding, QUOTES[2]!)).toBeVisible();
  await expect(unsorted.getByText('עדיין אין כאן כרטיסים.')).toBeVisible();

  // Miriam saw every move without reloading.
  for (const quote of QUOTES) await expect(cardIn(miriamsFinding, quote)).toBeVisible();

  // Noa writes the statement and cites a card of the finding: it reads as the card's quote.
  const panel = noa.page.getByRole('region', { name: FINDING });
  const statement = panel.getByRole('textbox', { name: 'ניסוח הממצא', exact: true });
  await statement.click();
  await noa.page.keyboard.type('הערב הוא הזמן הקשה ');
  await panel.getByText('ציטוט כרטיס').click();
  await panel.getByLabel('כרטיס מהלוח').selectOption({ label: QUOTES[1]! });
  await panel.getByRole('button', { name: 'הוספת הציטוט' }).click();
  await expect(statement.locator('cite')).toHaveText(`❝${QUOTES[1]}❞`);

  // Miriam reads it in the outline, the text view: finding, statement, cards.
  await miriam.page.getByRole('button', { name: 'מתווה (טקסט)' }).click();
  const outline = miriam.page.getByRole('region', { name: FINDING });
  await expect(outline.getByText(`הערב הוא הזמן הקשה “${QUOTES[1]}”`)).toBeVisible();
  await expect(outline.getByRole('heading', { name: 'כרטיסים (3)' })).toBeVisible();
  await expect(outline.getByRole('listitem')).toHaveCount(3);

  // The finding's balance of voices counts the three lived-experience cards.
  const balance = panel.getByRole('table', { name: `איזון הקולות: ${FINDING}` });
  await expect(balance.getByRole('row', { name: /ניסיון חיים/ })).toContainText('3');

  // Noa returns it to the groups; Miriam's group sees its words and asks for changes.
  await panel.getByRole('button', { name: 'החזרה לקבוצות' }).click();
  await expect(noa.page.getByText('הוחזר לקבוצות להחלטתן.')).toBeVisible();
  await miriam.page.getByRole('button', { name: 'לוח', exact: true }).click();
  const returned = miriam.page.getByRole('region', { name: FINDING });
  await expect(returned.getByText('מצב: הוחזר לקבוצות')).toBeVisible();
  const ours = returned.getByRole('region', { name: 'איך המילים שלנו מופיעות' });
  await expect(ours.getByText('המילים של הקבוצה שלנו')).toHaveCount(3);
  await returned.getByRole('radio', { name: 'לבקש שינויים' }).check();
  await returned.getByRole('textbox', { name: 'הערה' }).fill('חסר הבוקר');
  await returned.getByRole('button', { name: 'רישום ההחלטה של הקבוצה שלנו' }).click();
  await expect(miriam.page.getByText('ההחלטה של הקבוצה נרשמה.')).toBeVisible();

  // Noa sees who recorded it; making it final is refused, with the reason, until all approve.
  await expect(panel.getByText('נרשם על ידי מרים')).toBeVisible();
  await panel.getByRole('button', { name: 'קביעה כסופי' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'אי אפשר עדיין להפוך את הממצא לסופי: כל הקבוצות צריכות לאשר אותו קודם.',
  );
  await panel.getByRole('button', { name: 'תיקון (חזרה לטיוטה)' }).click();
  await expect(panel.getByText('מצב: טיוטה')).toBeVisible();
});
