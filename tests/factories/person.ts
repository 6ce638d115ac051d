/** What the tests need of a Hono app: in-process requests. */
interface AnyApp {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** Requests over real HTTP to a listening server, for tests that also open websockets. */
export const overHttp = (baseUrl: string): AnyApp => ({
  request: (path, init) => fetch(`${baseUrl}${path}`, init),
});

/** A browser-like caller: keeps its session cookie and echoes the CSRF token as the web app does. */
export class Person {
  cookie = '';
  csrfToken = '';

  constructor(
    private readonly app: AnyApp,
    private readonly headers: Record<string, string> = {},
  ) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.request(path, {
      method,
      headers: {
        ...this.headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = /max-age=0/i.test(setCookie) ? '' : pair!;
    }
    return response;
  }

  /** Remembers the CSRF token of a response that opened a session (sign-in or join). */
  async remember(response: Response) {
    const body = (await response.clone().json()) as { csrfToken?: string };
    if (body.csrfToken) this.csrfToken = body.csrfToken;
    return response;
  }

  /** The value of the session cookie, for opening websockets as this person. */
  get sessionCookie() {
    return this.cookie;
  }

  /** This person's account id, from GET /api/me. */
  async accountId(): Promise<string> {
    const me = (await (await this.get('/api/me')).json()) as { account: { id: string } };
    return me.account.id;
  }

  async signIn(handle: string, passphrase: string) {
    return this.remember(await this.call('POST', '/api/session', { handle, passphrase }));
  }

  async join(
    code: string,
    handle: string,
    displayName = handle,
    passphrase = `${handle} passphrase long`,
  ) {
    return this.remember(
      await this.call('POST', '/api/join', { code, handle, displayName, passphrase }),
    );
  }

  get = (path: string) => this.call('GET', path);
  post = (path: string, body: unknown) => this.call('POST', path, body);
}
