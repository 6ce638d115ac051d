import { expect, type Page } from '@playwright/test';

/**
 * Drives a method session in Hebrew by its stages' titles: the facilitator console's buttons
 * and the participants' current-stage heading.
 */
export function sessionStages<Id extends string>(titles: Record<Id, string>) {
  const button = (page: Page, verb: string, id: Id) =>
    page.getByRole('button', { name: `${verb}: ${titles[id]}`, exact: true });
  return {
    /** Clicks "open" (the console shows the refusal when the server refuses). */
    open: (page: Page, id: Id) => button(page, 'פתיחה', id).click(),
    async close(page: Page, id: Id) {
      await button(page, 'סגירה', id).click();
      await expect(button(page, 'פתיחה מחדש', id)).toBeVisible();
    },
    closeButton: (page: Page, id: Id) => button(page, 'סגירה', id),
    current: (page: Page, id: Id) =>
      expect(page.getByRole('heading', { name: `השלב הנוכחי: ${titles[id]}` })).toBeVisible(),
  };
}

/** A group's shared page (canvas) in the current stage. */
export const canvas = (page: Page, group: string) =>
  page.getByRole('textbox', { name: `דף משותף: ${group}`, exact: true });

/** Participants never see a stage's internal code (MK-0, LS-1 …), only its title. */
export const expectNoStageCodes = async (page: Page) =>
  expect(await page.locator('body').innerText()).not.toMatch(/\b(MK|LS|PW)-\d+\b/);

export const exitNotMet = (page: Page) =>
  expect(page.getByText('תנאי הסיום של השלב הזה עדיין לא מתקיים', { exact: false })).toBeVisible();
