/**
 * One demo person at the API over loopback, as the web app calls it: the session cookie and the
 * CSRF token it echoes. The demo is built through the same requests a person makes, so it holds
 * only what the product itself would let them make.
 */
export class DemoCaller {
  private cookie = '';
  private csrfToken = '';
  accountId = '';

  constructor(private readonly baseUrl: string) {}

  /** The JSON answer of a request that must succeed; anything else stops the seeding. */
  async send<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const form = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
      },
      body: body === undefined || form ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    if (!response.ok)
      throw new Error(`demo: ${method} ${path} answered ${response.status}: ${text}`);
    const parsed = (text ? JSON.parse(text) : undefined) as T & {
      csrfToken?: string;
      account?: { id: string };
    };
    if (parsed?.csrfToken) this.csrfToken = parsed.csrfToken;
    if (parsed?.account?.id) this.accountId = parsed.account.id;
    return parsed;
  }

  get = <T>(path: string) => this.send<T>('GET', path);
  post = <T>(path: string, body: unknown = {}) => this.send<T>('POST', path, body);
  put = <T>(path: string, body: unknown) => this.send<T>('PUT', path, body);
  patch = <T>(path: string, body: unknown) => this.send<T>('PATCH', path, body);
}
