import { expect, type APIRequestContext, type Browser } from '@playwright/test';

export const ADMIN_PASSPHRASE = 'correct horse battery staple';
/** Marks this run's names, so specs can run again against the same server. */
const run = Date.now().toString(36);
let handles = 0;

/** A handle no other spec of this run has taken (handles are unique per instance). */
export const uniqueHandle = (base: string) => `${base}${run}${++handles}`;

/** Sends a state-changing API request the way the web does: with the session's CSRF token. */
export async function post(
  request: APIRequestContext,
  csrfToken: string,
  url: string,
  data: object,
) {
  const response = await request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

/**
 * An initiative the admin (created by the Playwright web server) makes through the API, with an
 * invitation two experts by experience can use, one for a practitioner and one for a facilitator.
 */
export async function initiativeWithInvitations(browser: Browser, name: string) {
  const context = await browser.newContext();
  const signIn = await context.request.post('/api/session', {
    data: { handle: 'admin', passphrase: ADMIN_PASSPHRASE },
  });
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const initiative = await post(context.request, csrfToken, '/api/initiatives', {
    name: `${name} ${run}`,
    problem: 'Loneliness in old age',
    languages: ['he', 'ar', 'en'],
  });
  const home = await (await context.request.get(`/api/initiatives/${initiative.id}`)).json();
  const spaceOf = (kind: string) =>
    (home.spaceDirectory as { id: string; kind: string }[]).find((s) => s.kind === kind)!.id;
  const invitations = `/api/initiatives/${initiative.id}/invitations`;
  const ebe = await post(context.request, csrfToken, invitations, {
    role: 'expert_by_experience',
    sector: 'community',
    spaceId: spaceOf('lived_experience'),
    maxUses: 2,
  });
  const practitioner = await post(context.request, csrfToken, invitations, {
    role: 'practitioner',
    sector: 'public',
    spaceId: spaceOf('practitioners'),
  });
  const facilitator = await post(context.request, csrfToken, invitations, {
    role: 'facilitator',
    sector: 'third_sector',
    spaceId: null,
  });
  await context.close();
  return {
    initiativeId: initiative.id as string,
    livedSpaceId: spaceOf('lived_experience'),
    ebeCode: ebe.code as string,
    practitionerCode: practitioner.code as string,
    facilitatorCode: facilitator.code as string,
  };
}

/** A person who joined with `code` in their own browser, in `locale` if given. */
export async function joined(
  browser: Browser,
  baseURL: string,
  code: string,
  who: { name: string; handle: string; locale?: 'he' | 'ar' | 'en' },
) {
  const context = await browser.newContext();
  if (who.locale) {
    await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: who.locale, url: baseURL }]);
  }
  const response = await context.request.post('/api/join', {
    data: {
      code,
      displayName: who.name,
      handle: who.handle,
      passphrase: `${who.handle} keeps the kettle warm`,
    },
  });
  expect(response.status()).toBe(201);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { context, page: await context.newPage(), csrfToken };
}
