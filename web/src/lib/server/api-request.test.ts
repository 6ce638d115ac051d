import { describe, expect, it } from 'vitest';
import { apiRequest, isOwnApi, localApiOrigin } from './api-request';

describe('localApiOrigin', () => {
  it('is the address and port the page request came in on', () => {
    expect(localApiOrigin({ localAddress: '127.0.0.1', localPort: 3000 })).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it('brackets an IPv6 address', () => {
    expect(localApiOrigin({ localAddress: '::1', localPort: 80 })).toBe('http://[::1]:80');
  });

  it('is null without a socket address (a request made in-process)', () => {
    expect(localApiOrigin({})).toBeNull();
  });
});

describe('isOwnApi', () => {
  const origin = 'https://mizug.example';

  it('is true for /api on the page origin only', () => {
    expect(isOwnApi(new URL('https://mizug.example/api/me'), origin)).toBe(true);
    expect(isOwnApi(new URL('https://mizug.example/apiary'), origin)).toBe(false);
    expect(isOwnApi(new URL('https://other.example/api/me'), origin)).toBe(false);
  });
});

describe('apiRequest', () => {
  it("keeps path and query and carries the visitor's cookie and forwarded address", () => {
    const incoming = new Headers({
      cookie: 'mizug_session=abc; PARAGLIDE_LOCALE=he',
      'x-forwarded-for': '203.0.113.9',
    });
    const sent = apiRequest(
      new Request('https://mizug.example/api/initiatives/i1/stories?q=bus'),
      'http://127.0.0.1:3000',
      incoming,
    );
    expect(sent.url).toBe('http://127.0.0.1:3000/api/initiatives/i1/stories?q=bus');
    expect(sent.method).toBe('GET');
    expect(sent.headers.get('cookie')).toBe('mizug_session=abc; PARAGLIDE_LOCALE=he');
    expect(sent.headers.get('x-forwarded-for')).toBe('203.0.113.9');
  });
});
