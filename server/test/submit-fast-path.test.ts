import express from 'express';
import type { RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { submitFastPath } from '../src/routes/submit-fast-path.ts';
import { call, listen, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const idea = () => ({ data: exampleAnswers('ostersund', 'lamna-din-ide', new Date()) });
// The canonical path takes the fast path; with a trailing slash the same route is reached through the routers.
const fast = (tenant = 'ostersund', service = 'lamna-din-ide', query = ''): string => `${server.url}/api/t/${tenant}/services/${service}/submissions${query}`;
const routed = (tenant = 'ostersund', service = 'lamna-din-ide', query = ''): string => `${server.url}/api/t/${tenant}/services/${service}/submissions/${query}`;

// Headers that differ per answer by nature.
const PER_ANSWER = new Set(['date', 'x-request-id', 'etag', 'content-length', 'keep-alive', 'connection']);
function headersOf(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => !PER_ANSWER.has(name)));
}

const cases: { name: string; tenant?: string; service?: string; query?: string; init: Parameters<typeof call>[1] }[] = [
  { name: 'valid answers', init: { body: idea() } },
  { name: 'answers in English', query: '?lang=en', init: { body: { data: {} } } },
  { name: 'missing answers', init: { body: { data: {} }, headers: { 'accept-language': 'en' } } },
  { name: 'malformed JSON', init: { raw: '{"data": ', headers: { 'content-type': 'application/json' } } },
  { name: 'not JSON', init: { raw: 'data=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } } },
  { name: 'no body', init: { method: 'POST' } },
  { name: 'too large', init: { raw: JSON.stringify({ data: { x: 'a'.repeat(1_100_000) } }), headers: { 'content-type': 'application/json' } } },
  { name: 'a cross-site send', init: { body: idea(), headers: { 'sec-fetch-site': 'cross-site' } } },
  { name: 'an unknown tenant', tenant: 'atlantis', init: { body: idea() } },
  { name: 'an unknown e-service', service: 'finns-inte', init: { body: idea() } },
  { name: 'a bad Idempotency-Key', init: { body: idea(), headers: { 'idempotency-key': 'å' } } },
  { name: 'a prototype key', init: { raw: '{"data": {}, "__proto__": {"polluted": true}}', headers: { 'content-type': 'application/json' } } },
  { name: 'an overlong query', query: `?q=${'x'.repeat(3000)}`, init: { body: idea() } },
];

describe('the submit fast path (ADR 0019)', () => {
  for (const c of cases) {
    it(`when ${c.name} is sent, then the fast path answers exactly as the routers do`, async () => {
      const viaFast = await call(fast(c.tenant, c.service, c.query), c.init);
      const viaRouters = await call(routed(c.tenant, c.service, c.query), c.init);
      expect(viaFast.status).toBe(viaRouters.status);
      expect(headersOf(viaFast.headers)).toEqual(headersOf(viaRouters.headers));
      expect(viaFast.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      if (viaFast.status === 201) {
        expect(Object.keys(viaFast.body).sort()).toEqual(Object.keys(viaRouters.body).sort());
        expect(viaFast.body.queue).toBe(viaRouters.body.queue);
        expect(viaFast.body.id).not.toBe(viaRouters.body.id);
      } else {
        expect(viaFast.body).toEqual(viaRouters.body);
      }
    });
  }

  it('when sends use the fast path, then each is logged with its path and status like any request', async () => {
    const { headers } = await call(fast(), { body: { data: {} } });
    const id = headers.get('x-request-id');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = server.logs.lines.map((l) => JSON.parse(l) as { requestId?: string; msg?: string }).find((l) => l.requestId === id && l.msg === 'request');
    expect(line).toMatchObject({ method: 'POST', path: '/api/t/ostersund/services/lamna-din-ide/submissions', status: 422 });
  });
});

describe('submitFastPath', () => {
  const took: string[] = [];
  const mark = (name: string): RequestHandler => (req, _res, next) => {
    took.push(`${name} ${JSON.stringify(req.params)}`);
    next();
  };
  let app: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    const handler = express();
    handler.use(submitFastPath({ api: [mark('api')], tenant: mark('tenant'), submit: [(_req, res) => void res.status(201).json({ fast: true })] }));
    handler.use((_req, res) => void res.status(200).json({ fast: false }));
    app = await listen(handler);
  });
  afterAll(() => app.close());

  it('when a cookie-less POST names the canonical submit path, then the given handlers run in order with its params', async () => {
    took.length = 0;
    const { status, body } = await call(`${app.url}/api/t/kommun-001/services/lamna-din-ide/submissions?lang=en`, { body: {} });
    expect({ status, body }).toEqual({ status: 201, body: { fast: true } });
    expect(took).toEqual(['api {"tenant":"kommun-001","service":"lamna-din-ide"}', 'tenant {"tenant":"kommun-001","service":"lamna-din-ide"}']);
  });

  it('when the request has a cookie, another method, or another spelling of the path, then it passes on to the routers', async () => {
    const path = '/api/t/kommun-001/services/lamna-din-ide/submissions';
    for (const [url, init] of [
      [path, { body: {}, headers: { cookie: 'samform.sid=x' } }],
      [path, { method: 'PUT', body: {} }],
      [`${path}/`, { body: {} }],
      ['/api/t/Kommun-001/services/lamna-din-ide/submissions', { body: {} }],
      ['/api/t/kommun%2D001/services/lamna-din-ide/submissions', { body: {} }],
    ] as const) {
      expect((await call(`${app.url}${url}`, init)).body).toEqual({ fast: false });
    }
  });
});
