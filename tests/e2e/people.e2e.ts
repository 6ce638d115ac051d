import { expect, test, type Browser, type Page } from '@playwright/test';

const ADMIN_PASSPHRASE = 'correct horse battery staple';
/** Handles are unique per instance: a suffix lets the spec run again against the same server. */
const run = Date.now().toString(36);
const INITIATIVE = `Safe Homes Together ${run}`;
const CODE = /^[0-9A-Z]{5}-[0-9A-Z]{5}$/;

/** A person in their own browser, optionally with their language already chosen. */
async function person(browser: Browser, baseURL: string, locale?: 'he') {
  const context = await browser.newContext();
  if (locale) {
    await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
  }
  return context.newPage();
}

/**
 * Fills and sends the invitation form on the members page; returns the code and the join link
 * shown once. `previousLink` is the link shown before, so a stale one is never read.
 */
async function invite(
  page: Page,
  { role, sector, space }: { role: string; sector: string; space: string },
  previousLink?: string,
) {
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByLabel('Sector', { exact: true }).selectOption({ label: sector });
  await page.getByLabel('Peer space', { exact: true }).selectOption({ label: space });
  await page.getByRole('button', { name: 'Create an invitation code' }).click();
  const created = page.getByRole('region', { name: 'New invitation code' });
  const link = created.getByLabel('Join link');
  await expect(link).toHaveValue(/\/join\/[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  if (previousLink) await expect(link).not.toHaveValue(previousLink);
  const code = (await created.getByText(CODE).textContent())!.trim();
  return { code, link: await link.inputValue() };
}

/** Joins through the form behind a join link, in English. */
async function joinInEnglish(page: Page, link: string, who: { name: string; handle: string }) {
  await page.goto(link);
  await expect(page.getByText(INITIATIVE)).toBeVisible();
  await page.getByLabel('Your name, as others will see it').fill(who.name);
  await page.getByLabel('Handle').fill(who.handle);
  await page.getByLabel('Passphrase').fill(`${who.handle} walks the long road home`);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(INITIATIVE);
}

test('people join by invitation, in their language, and see only their spaces', async ({
  browser,
  baseURL,
}) => {
  // The instance admin (created by the CLI before the server started) creates the initiative.
  const admin = await person(browser, baseURL!);
  await admin.goto('/signin');
  await admin.getByLabel('Handle').fill('admin');
  await admin.getByLabel('Passphrase').fill(ADMIN_PASSPHRASE);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('My initiatives');
  await expect(admin.getByRole('banner')).toContainText('Dana Admin');

  await admin.getByRole('link', { name: 'New initiative' }).click();
  await admin.getByLabel('Name of the initiative').fill(INITIATIVE);
  await admin
    .getByLabel('The problem it works on')
    .fill('Families lose their homes before anyone asks them what would help.');
  await admin
    .getByRole('group', { name: 'Languages of the initiative' })
    .getByRole('checkbox', { name: 'עברית (Hebrew)' })
    .check();
  await admin.getByRole('button', { name: 'Create the initiative' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(INITIATIVE);
  const initiativeUrl = new URL(admin.url()).pathname;

  // The admin invites a facilitator who guarantees the lived-experience space.
  await admin.getByRole('link', { name: 'Members and invitations' }).click();
  const facilitatorInvite = await invite(admin, {
    role: 'Facilitator',
    sector: 'Third sector (civil society)',
    space: 'Lived experience',
  });
  expect(facilitatorInvite.link).toBe(`${baseURL}/join/${facilitatorInvite.code}`);

  // The facilitator joins in a browser of their own and invites an expert by experience.
  const facilitator = await person(browser, baseURL!);
  await joinInEnglish(facilitator, facilitatorInvite.link, {
    name: 'Farid Facilitator',
    handle: `farid-${run}`,
  });
  const livedExperience = facilitator.getByRole('link', { name: 'Lived experience' });
  const livedExperiencePath = (await livedExperience.getAttribute('href'))!;
  expect(livedExperiencePath).toMatch(/^\/spaces\/[0-9a-f-]{36}$/);
  await facilitator.getByRole('link', { name: 'Members and invitations' }).click();
  const ebeInvite = await invite(facilitator, {
    role: 'Expert by experience',
    sector: 'Community',
    space: 'Lived experience',
  });

  // The expert by experience joins in Hebrew, typing the code, and is asked for no email.
  const ebe = await person(browser, baseURL!, 'he');
  await ebe.goto('/join');
  await expect(ebe.locator('html')).toHaveAttribute('dir', 'rtl');
  await ebe.getByLabel('קוד הזמנה').fill(ebeInvite.code.replace('-', '').toLowerCase());
  await ebe.getByRole('button', { name: 'המשך' }).click();
  await expect(ebe.getByText(INITIATIVE)).toBeVisible();
  await expect(ebe.getByText('מומחה/ית מניסיון')).toBeVisible();
  // Name, handle and passphrase: nothing else, no email.
  await expect(ebe.getByRole('textbox')).toHaveCount(3);
  await expect(ebe.getByLabel(/דוא"ל|דוא״ל|אימייל|email/i)).toHaveCount(0);
  await ebe.getByLabel('השם שלך, כפי שאחרים יראו אותו').fill('נועה כהן');
  await ebe.getByLabel('שם משתמש').fill(`noa-${run}`);
  await ebe.getByLabel('סיסמה').fill('שלום לכולם ולכולן');
  await ebe.getByRole('button', { name: 'הצטרפות' }).click();
  await expect(ebe.getByRole('heading', { level: 1 })).toHaveText(INITIATIVE);

  await ebe.getByRole('banner').getByRole('button', { name: 'יציאה' }).click();
  await ebe.getByRole('link', { name: 'כניסה' }).click();
  await ebe.getByLabel('שם משתמש').fill(`noa-${run}`);
  await ebe.getByLabel('סיסמה').fill('שלום לכולם ולכולן');
  await ebe.getByRole('button', { name: 'כניסה' }).click();
  await expect(ebe.getByRole('heading', { level: 1 })).toHaveText('היוזמות שלי');
  await expect(ebe.getByRole('banner')).toContainText('נועה כהן');
  await ebe.getByRole('link', { name: INITIATIVE }).click();
  await expect(ebe.getByRole('link', { name: 'ידע מניסיון חיים' })).toBeVisible();
  await expect(ebe.getByRole('link', { name: 'מרחב המיזוג' })).toBeVisible();
  await expect(ebe.getByRole('link', { name: 'אנשי ונשות מקצוע' })).toHaveCount(0);
  await expect(ebe.getByRole('link', { name: 'חברות וחברים והזמנות' })).toHaveCount(0);
  await ebe.getByRole('link', { name: 'ידע מניסיון חיים' }).click();
  await expect(ebe.getByRole('heading', { level: 1 })).toHaveText('ידע מניסיון חיים');
  const people = ebe.getByRole('region', { name: 'מי עובד/ת כאן' });
  await expect(people.getByRole('listitem').filter({ hasText: 'Farid Facilitator' })).toContainText(
    'מנחה מלווה',
  );
  await expect(people.getByRole('listitem').filter({ hasText: 'נועה כהן' })).toBeVisible();
  // The group sees how the facilitator came in, in its list of changes.
  await expect(
    ebe.getByRole('region', { name: 'שינויים במי שנמצא כאן' }).getByRole('listitem'),
  ).toContainText(['Farid Facilitator']);

  // The admin invites a practitioner, who cannot reach the lived-experience space even by address.
  const practitionerInvite = await invite(
    admin,
    { role: 'Practitioner', sector: 'Public sector', space: 'Practitioners' },
    facilitatorInvite.link,
  );
  const practitioner = await person(browser, baseURL!);
  await joinInEnglish(practitioner, practitionerInvite.link, {
    name: 'Pia Practitioner',
    handle: `pia-${run}`,
  });
  await expect(practitioner.getByRole('link', { name: 'Practitioners' })).toBeVisible();
  await expect(practitioner.getByRole('link', { name: 'Synthesis' })).toBeVisible();
  await expect(practitioner.getByRole('link', { name: 'Lived experience' })).toHaveCount(0);
  await practitioner.goto(livedExperiencePath);
  await expect(practitioner.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(practitioner.getByText('Farid Facilitator')).toHaveCount(0);
  const api = await practitioner.request.get(`/api${livedExperiencePath}`);
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe('not_found');

  // The admin's audit log shows the sign-ins, the invitations and the joins.
  await admin.goto(initiativeUrl);
  await admin.getByRole('link', { name: 'Audit log' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  const cells = admin.getByRole('cell');
  await expect(cells.filter({ hasText: /^Signed in$/ }).first()).toBeVisible();
  await expect(cells.filter({ hasText: /^Invitation created$/ })).toHaveCount(3);
  await expect(cells.filter({ hasText: /^Invitation accepted$/ })).toHaveCount(3);
  await admin.getByLabel('Show').selectOption({ label: 'Invitation accepted' });
  await expect(admin.getByRole('row')).toHaveCount(4); // the header and three joins
  await expect(cells.filter({ hasText: /^Invitation created$/ })).toHaveCount(0);

  // The admin takes the practitioner out of the practitioners space: the space is gone for them.
  await admin.goto(`${initiativeUrl}/members`);
  await admin.getByRole('button', { name: 'Take Pia Practitioner out of Practitioners' }).click();
  await expect(
    admin.getByRole('combobox', { name: 'Add Pia Practitioner to a space' }),
  ).toBeVisible();
  await practitioner.goto(initiativeUrl);
  await expect(practitioner.getByRole('link', { name: 'Synthesis' })).toBeVisible();
  await expect(practitioner.getByRole('link', { name: 'Practitioners' })).toHaveCount(0);

  // Removing a member from the initiative asks first, then ends their access.
  admin.once('dialog', (dialog) => void dialog.accept());
  await admin.getByRole('button', { name: 'Remove Pia Practitioner from the initiative' }).click();
  await expect(admin.getByRole('row').filter({ hasText: 'Pia Practitioner' })).toHaveCount(0);
  await practitioner.goto(initiativeUrl);
  await expect(practitioner.getByRole('heading', { level: 1 })).toHaveText('Page not found');

  for (const page of [admin, facilitator, ebe, practitioner]) await page.context().close();
});
