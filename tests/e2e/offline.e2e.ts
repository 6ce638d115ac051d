import { expect, test } from '@playwright/test';
import { initiativeWithInvitations, joined, post, uniqueHandle } from './support/people';

test('a teller writes without a connection, closes the tab, and the story reaches the server later', async ({
  browser,
  baseURL,
}) => {
  const { initiativeId, livedSpaceId, ebeCode } = await initiativeWithInvitations(
    browser,
    'Offline',
  );
  const teller = await joined(browser, baseURL!, ebeCode, {
    name: 'Miriam',
    handle: uniqueHandle('offline'),
    locale: 'en',
  });
  const story = await post(
    teller.context.request,
    teller.csrfToken,
    `/api/initiatives/${initiativeId}/stories`,
    { spaceId: livedSpaceId, title: 'Written on the bus', language: 'en' },
  );

  // The collaboration socket never gets through: the page works on with no connection.
  await teller.page.routeWebSocket(/\/collab\//, (socket) => socket.close());
  await teller.page.goto(`/stories/${story.id}`);
  const body = teller.page.getByRole('textbox', { name: 'Your story' });
  await body.click();
  await teller.page.keyboard.type('No signal between the stops');
  await expect(
    teller.page.getByRole('status').filter({ hasText: 'kept on this device' }),
  ).toBeVisible();
  await teller.page.close();

  // Later, with a connection: the copy kept in the browser syncs, and the server has the text.
  const later = await teller.context.newPage();
  await later.goto(`/stories/${story.id}`);
  await expect(later.getByRole('textbox', { name: 'Your story' })).toContainText(
    'No signal between the stops',
  );
  await expect(later.getByText('Saved', { exact: true })).toBeVisible();
  // Sharing is refused for a story whose stored body is empty: this one is stored.
  const shared = await teller.context.request.put(`/api/stories/${story.id}/consent`, {
    data: { audience: 'peer_group', credit: 'anonymous', quoting: 'no' },
    headers: { 'x-csrf-token': teller.csrfToken },
  });
  expect(shared.status()).toBe(200);
});
