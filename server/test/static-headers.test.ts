import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { staticHeaders } from '../src/http/static-headers.ts';

type Handler = (req: never, res: never, next: (error?: unknown) => void) => void;

/** The headers a real HTTP answer gets when `handler` runs before it ends. */
async function headersAfter(handler: Handler): Promise<Record<string, string>> {
  const server = createServer((req, res) => {
    res.setHeader('X-Powered-By', 'Express');
    (handler as (req: unknown, res: unknown, next: (error?: unknown) => void) => void)(req, res, () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const headers = Object.fromEntries([...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)));
    return headers;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('staticHeaders', () => {
  it('when helmet has fixed options, then the computed-once headers equal what helmet itself sets (and removes)', async () => {
    const options = { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } }, strictTransportSecurity: false as const };
    const real = await headersAfter(helmet(options) as unknown as Handler);
    const once = await headersAfter(staticHeaders(helmet(options)) as unknown as Handler);
    expect(once).toEqual(real);
    expect(once['content-security-policy']).toBe("default-src 'self';img-src 'self' data:");
    expect(once['x-powered-by']).toBeUndefined();
  });

  it('when the middleware does not answer at once, then it is refused at start-up', () => {
    expect(() => staticHeaders((_req, _res, next) => void setTimeout(next, 1))).toThrow(/did not call next synchronously/);
  });
});
