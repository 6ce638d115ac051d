import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';
import { canvas } from './support/session';

const PRACTITIONERS = 'אנשי ונשות מקצוע';
const WORDS = 'ביקורי בית מפחיתים בדידות';
const QUOTE = 'מפחיתים בדידות';

test('a practitioner selects a passage of their group’s canvas and makes it a card anchored in it, in Hebrew', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { initiativeId, practitionerCode, facilitatorCode } = await initiativeWithInvitations(
    browser,
    'Canvas cards',
  );
  const noa = await joined(browser, baseURL!, facilitatorCode, {
    name: 'נועה',
    handle: uniqueHandle('noa'),
    locale: 'he',
  });
  const yossi = await joined(browser, baseURL!, practitionerCode, {
    name: 'יוסי',
    handle: uniqueHandle('yossi'),
    locale: 'he',
  });

  // The facilitator runs a session for the practitioners, and opens the stage where groups write.
  const me = await (await noa.page.request.get('/api/me')).json();
  const home = await (await noa.page.request.get(`/api/initiatives/${initiativeId}`)).json();
  const practitioners = (home.spaceDirectory as { id: string; kind: string }[]).find(
    (space) => space.kind === 'practitioners',
  )!.id;
  const session = await post(
    noa.page.request,
    noa.csrfToken,
    `/api/initiatives/${initiativeId}/sessions`,
    {
      methodId: 'merging-of-knowledge',
      title: 'מה עובד',
      groups: [{ spaceId: practitioners, facilitatorIds: [me.account.id] }],
    },
  );
  await post(
    yossi.page.request,
    yossi.csrfToken,
    `/api/sessions/${session.id}/contract/acceptance`,
    {},
  );
  await post(noa.page.request, noa.csrfToken, `/api/sessions/${session.id}/stages/MK-3/open`, {});

  // Yossi writes in his group's canvas, then selects two of its words.
  const page = yossi.page;
  await page.goto(`/sessions/${session.id}`);
  const text = canvas(page, PRACTITIONERS);
  await text.click();
  await page.keyboard.type(WORDS);
  await expect(page.getByRole('status').filter({ hasText: 'נשמר' }).first()).toBeVisible();
  await text.evaluate((element, quote) => {
    // A reader's selection, as dragging over the words makes it.
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(quote);
      if (at >= 0) {
        window.getSelection()!.setBaseAndExtent(node, at, node, at + quote.length);
        return;
      }
    }
  }, QUOTE);

  const region = page.getByRole('region', { name: `דף משותף: ${PRACTITIONERS}` });
  await region.getByText('יצירת כרטיס', { exact: true }).click();
  await region.getByRole('button', { name: 'שימוש בטקסט שנבחר' }).click();
  await expect(region.getByLabel('ציטוט')).toHaveValue(QUOTE);
  // The only space the policy lets him make it in: his group's own, chosen already.
  await expect(region.getByLabel('מרחב')).toHaveValue(practitioners);
  await expect(region.getByLabel('מרחב').getByRole('option')).toHaveText([
    'בחרו מרחב',
    PRACTITIONERS,
  ]);
  await region.getByRole('button', { name: 'יצירת הכרטיס' }).click();
  // The canvas says "saved" in a status of its own; the card's form says what it made.
  await expect(region.getByRole('status').filter({ hasText: 'הכרטיס' })).toHaveText(
    `הכרטיס נוצר במרחב ${PRACTITIONERS}.`,
  );

  // The card keeps the words and where they sit in the canvas (checked against it by the server).
  const cards = await (await page.request.get(`/api/spaces/${practitioners}/cards`)).json();
  expect(cards).toMatchObject([
    { quote: QUOTE, source: { kind: 'canvas' }, knowledgeType: 'practice', withdrawn: false },
  ]);
  expect(cards[0].anchor).toEqual({ start: expect.any(String), end: expect.any(String) });
});
