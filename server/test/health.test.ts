import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

describe('health and tenants', () => {
  it('when the health endpoint is asked, then it answers ok and names the store', async () => {
    const { status, body, headers } = await call(`${server.url}/api/health`);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', store: 'sqlite' });
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('when the tenants are listed, then the demo municipalities and collaborations are there', async () => {
    const { status, body } = await call(`${server.url}/api/tenants`);
    expect(status).toBe(200);
    expect(body).toHaveLength(19);
    expect(body).toContainEqual({ id: 'ostersund', name: 'Östersund', kind: 'municipality', memberOf: ['region-jamtland-harjedalen'] });
    expect(body).toContainEqual({ id: 'esamverkan-vasternorrland', name: 'eSamverkan Västernorrland', kind: 'collaboration', memberOf: [] });
  });

  it('when an unknown API route is asked, then 404 not-found', async () => {
    const { status, body } = await call(`${server.url}/api/nothing-here`);
    expect(status).toBe(404);
    expect(body.code).toBe('not-found');
  });

  it('when a request inside a tenant router ends, then its log line has the full path and no query', async () => {
    await call(`${server.url}/api/t/ostersund/services?lang=en`);
    const entries = server.logs.lines.map((line) => JSON.parse(line));
    expect(entries).toContainEqual(expect.objectContaining({ msg: 'request', method: 'GET', path: '/api/t/ostersund/services', status: 200 }));
  });
});
