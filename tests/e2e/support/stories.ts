import { expect, type Page } from '@playwright/test';
import type { Consent } from '@mizug/domain';
import { post } from './people';

/**
 * A teller (signed in on `teller.page`, in Hebrew) writes `words` as a new story in `spaceId`,
 * typing in the story's own editor, then shares it under `consent`. Returns the story's id.
 */
export async function tellStory(
  teller: { page: Page; csrfToken: string },
  story: { initiativeId: string; spaceId: string; title: string; words: string; consent: Consent },
): Promise<string> {
  const { id } = (await post(
    teller.page.request,
    teller.csrfToken,
    `/api/initiatives/${story.initiativeId}/stories`,
    { spaceId: story.spaceId, title: story.title, language: 'he', tags: [] },
  )) as { id: string };
  await teller.page.goto(`/stories/${id}`);
  const saved = teller.page.getByText('נשמר', { exact: true });
  await expect(saved).toBeVisible();
  await teller.page.getByRole('textbox', { name: 'הסיפור שלך', exact: true }).click();
  await teller.page.keyboard.type(story.words);
  await expect(saved).toBeVisible();
  const shared = await teller.page.request.put(`/api/stories/${id}/consent`, {
    data: story.consent,
    headers: { 'x-csrf-token': teller.csrfToken },
  });
  expect(shared.status()).toBe(200);
  return id;
}
