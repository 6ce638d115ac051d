import { expect, test, type Page } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';

const CARDS = 55;
const quoteOf = (index: number) => `Voice ${String(index + 1).padStart(2, '0')} speaks`;
const FINDING = 'Evenings are long';

const column = (page: Page, name: string) =>
  page.locator('.column').filter({ has: page.getByRole('heading', { name, exact: true }) });

test('a board with more cards than a column draws at once shows the first 50, the rest on "show more", and every card in the outline; a card shown later still moves by its menu', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, livedSpaceId, ebeCode, facilitatorCode } = await initiativeWithInvitations(
    browser,
    'Many cards',
  );
  const noa = await joined(browser, baseURL!, facilitatorCode, {
    name: 'Noa',
    handle: uniqueHandle('noa'),
    locale: 'en',
  });
  const miriam = await joined(browser, baseURL!, ebeCode, {
    name: 'Miriam',
    handle: uniqueHandle('miriam'),
    locale: 'en',
  });

  // Miriam's story holds every quote; she shares it with the working group.
  const story = await post(
    miriam.page.request,
    miriam.csrfToken,
    `/api/initiatives/${initiativeId}/stories`,
    { spaceId: livedSpaceId, title: 'Evenings', language: 'en', tags: [] },
  );
  await miriam.page.goto(`/stories/${story.id}`);
  await expect(miriam.page.getByText('Saved', { exact: true })).toBeVisible();
  await miriam.page.getByRole('textbox', { name: 'Your story', exact: true }).click();
  const quotes = Array.from({ length: CARDS }, (_, index) => quoteOf(index));
  await miriam.page.keyboard.insertText(`${quotes.join('. ')}.`);
  await expect(miriam.page.getByText('Saved', { exact: true })).toBeVisible();
  const shared = await miriam.page.request.put(`/api/stories/${story.id}/consent`, {
    data: { audience: 'working_group', credit: 'name', quoting: 'yes' },
    headers: { 'x-csrf-token': miriam.csrfToken },
  });
  expect(shared.status()).toBe(200);

  // Noa quotes it 55 times in the synthesis space, on a board with one finding.
  const home = await (await noa.page.request.get(`/api/initiatives/${initiativeId}`)).json();
  const synthesis = (home.spaces as { id: string; kind: string }[]).find(
    (space) => space.kind === 'synthesis',
  )!;
  for (const quote of quotes) {
    await post(noa.page.request, noa.csrfToken, `/api/spaces/${synthesis.id}/cards`, {
      source: { kind: 'story', id: story.id },
      quote,
    });
  }
  const board = await post(noa.page.request, noa.csrfToken, `/api/spaces/${synthesis.id}/boards`, {
    title: 'What we heard',
  });
  await post(noa.page.request, noa.csrfToken, `/api/boards/${board.id}/findings`, {
    title: FINDING,
  });

  await noa.page.goto(`/boards/${board.id}`);
  const unsorted = column(noa.page, 'Unsorted');
  const cards = unsorted.getByRole('list', { name: 'Unsorted' }).getByRole('listitem');
  await expect(unsorted.getByText(`${CARDS} cards`, { exact: true })).toBeVisible();
  await expect(cards).toHaveCount(50);
  await expect(unsorted.getByText(`Showing the first 50 of ${CARDS} cards.`)).toBeVisible();
  await expect(cards.filter({ hasText: quoteOf(CARDS - 1) })).toHaveCount(0);

  await unsorted.getByRole('button', { name: 'Show 5 more' }).click();
  await expect(cards).toHaveCount(CARDS);
  await expect(unsorted.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);

  // The last card, drawn only now, moves by its "move to…" menu like any other.
  const last = cards.filter({ hasText: quoteOf(CARDS - 1) });
  await last.getByLabel('Move to…').selectOption({ label: FINDING });
  await expect(column(noa.page, FINDING).getByRole('listitem')).toHaveText(
    new RegExp(quoteOf(CARDS - 1)),
  );
  await expect(cards).toHaveCount(CARDS - 1);

  // The outline, the text view, lists every card, however many the board draws.
  await noa.page.getByRole('button', { name: 'Outline (text)' }).click();
  const outlineUnsorted = noa.page.getByRole('region', { name: 'Cards not sorted yet' });
  await expect(outlineUnsorted.getByRole('listitem')).toHaveCount(CARDS - 1);
  await expect(
    noa.page.getByRole('region', { name: FINDING }).getByText(quoteOf(CARDS - 1)),
  ).toBeVisible();
});
