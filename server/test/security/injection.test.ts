import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, logIn, startTestServer } from '../harness.ts';
import type { TestServer } from '../harness.ts';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await logIn(server.url, 'ostersund.admin', 'demo-ostersund');
  // Some cases in every state the plain query may ask for.
  for (let i = 0; i < 3; i++) {
    await call(`${server.url}/api/t/ostersund/services/lamna-din-ide/submissions`, { body: { data: exampleAnswers('ostersund', 'lamna-din-ide', new Date()) } });
  }
  await call(`${server.url}/api/t/ostersund/queues/ideer/lease`, { method: 'POST', headers: { authorization: 'Bearer demo-key-ostersund' } });
}, 60_000);
afterAll(() => server.close());

const KEY = { authorization: 'Bearer demo-key-ostersund' };
const submit = (raw: string) => call(`${server.url}/api/t/ostersund/services/lamna-din-ide/submissions`, { raw, headers: { 'content-type': 'application/json' } });

async function filedCases(): Promise<number> {
  const { body } = await call(`${server.url}/api/t/ostersund/queues`, { headers: KEY });
  return (body as { counts: Record<string, number> }[]).reduce((sum, q) => sum + Object.values(q.counts).reduce((a, b) => a + b, 0), 0);
}

describe('security 1: query operators in a submission', () => {
  const valid = () => exampleAnswers('ostersund', 'lamna-din-ide', new Date()) as Record<string, unknown>;
  const cases: { name: string; raw: () => string }[] = [
    { name: '{"field":{"$gt":""}} as an answer', raw: () => JSON.stringify({ data: { ...valid(), title: { $gt: '' } } }) },
    { name: '{"$where":"1"} among the answers', raw: () => JSON.stringify({ data: { ...valid(), $where: '1' } }) },
    { name: '{"$where":"1"} as the answers', raw: () => JSON.stringify({ data: { $where: '1' } }) },
    { name: '{"$gt":""} as the answers', raw: () => JSON.stringify({ data: { $gt: '' } }) },
    { name: '{"$gt":""} as the version', raw: () => JSON.stringify({ data: valid(), version: { $gt: 0 } }) },
  ];

  it.each(cases)('1. when $name is sent, then 422 and nothing is stored', async ({ raw }) => {
    const before = await filedCases();
    const answer = await submit(raw());
    expect(answer.status).toBe(422);
    expect(await filedCases()).toBe(before);
  });
});

describe('security 2: operators in the query of staff lists', () => {
  // Each list with a plain query and the same list asked with operator-shaped names.
  const lists: { name: string; path: string; headers: () => Record<string, string> }[] = [
    { name: 'queue items', path: '/api/t/ostersund/queues/ideer/items', headers: () => KEY },
    { name: 'queue items (session)', path: '/api/t/ostersund/queues/ideer/items', headers: () => ({ cookie: admin }) },
    { name: 'queues', path: '/api/t/ostersund/queues', headers: () => KEY },
    { name: 'adoptions', path: '/api/t/ostersund/adoptions', headers: () => ({ cookie: admin }) },
    { name: 'catalogue', path: '/api/t/ostersund/catalogue', headers: () => ({ cookie: admin }) },
    { name: "the tenant's own e-services", path: '/api/t/ostersund/admin/services', headers: () => ({ cookie: admin }) },
    { name: 'offered e-services', path: '/api/t/ostersund/services', headers: () => ({}) },
  ];
  const attacks = ['status[$ne]=x', 'service[$regex]=.*', 'status[$ne]=x&service[$regex]=.*', 'status=pending&status[$ne]=pending', 'limit[$gt]=0'];
  const table = lists.flatMap((list) => attacks.map((attack) => ({ ...list, attack })));

  it.each(table)('2. when $name are asked with ?$attack, then 400 or taken literally, never more rows than the plain query', async ({ path, headers, attack }) => {
    const plain = await call(`${server.url}${path}`, { headers: headers() });
    expect(plain.status).toBe(200);
    const attacked = await call(`${server.url}${path}?${attack}`, { headers: headers() });
    expect([200, 400]).toContain(attacked.status);
    if (attacked.status === 200) {
      expect(Array.isArray(attacked.body)).toBe(Array.isArray(plain.body));
      const count = (body: unknown) => (Array.isArray(body) ? body.length : JSON.stringify(body).length);
      expect(count(attacked.body)).toBeLessThanOrEqual(count(plain.body));
    } else {
      expect(attacked.body.code).toMatch(/^invalid-/);
    }
  });

  it('2. when pending items are asked with status[$ne]=pending as well, then the operator is not applied', async () => {
    const pending = await call(`${server.url}/api/t/ostersund/queues/ideer/items?status=pending`, { headers: KEY });
    expect(pending.status).toBe(200);
    expect(pending.body.length).toBeGreaterThan(0);
    const mixed = await call(`${server.url}/api/t/ostersund/queues/ideer/items?status=pending&status[$ne]=pending`, { headers: KEY });
    expect(mixed.status).toBe(400);
  });

  it('when the query string is longer than 2048 characters, then 414 before anything reads it', async () => {
    const answer = await call(`${server.url}/api/t/ostersund/services?x=${'a'.repeat(3000)}`);
    expect(answer.status).toBe(414);
    const page = await fetch(`${server.url}/t/ostersund?x=${'a'.repeat(3000)}`);
    expect(page.status).toBe(414);
    expect(await page.text()).toContain('<h1');
  });
});
