import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, logIn, startTestServer } from '../harness.ts';
import type { TestServer } from '../harness.ts';
import { CitizenBrowser } from '../citizen-browser.ts';

// The server runs in this very process (startSamform builds it with createApp), so a polluted
// Object.prototype would show here.
let server: TestServer;
let designer: string;
beforeAll(async () => {
  server = await startTestServer();
  designer = await logIn(server.url, 'ostersund.designer', 'demo-ostersund');
}, 60_000);
afterAll(() => server.close());

afterEach(() => {
  const probe = {} as Record<string, unknown>;
  expect(probe.isAdmin).toBeUndefined();
  expect(probe.x).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
});

const PROTO = '{"__proto__":{"isAdmin":true}}';
const CONSTRUCTOR = '{"constructor":{"prototype":{"x":1}}}';
const IDEA = '/t/ostersund/e/lamna-din-ide';

describe('security 7: prototype pollution through JSON bodies', () => {
  const answers = '{"title":"Bänkar","need":"Vila","proposal":"Fler bänkar","beneficiaries":["citizens"],"area":"digital","submitterKind":"citizen","publicRecord":true';
  const targets: { name: string; path: string; method?: string; raw: string; cookie?: boolean }[] = [
    { name: 'a submission (top level, __proto__)', path: '/api/t/ostersund/services/lamna-din-ide/submissions', raw: PROTO },
    { name: 'a submission (top level, constructor.prototype)', path: '/api/t/ostersund/services/lamna-din-ide/submissions', raw: CONSTRUCTOR },
    { name: 'a submission (inside the answers, __proto__)', path: '/api/t/ostersund/services/lamna-din-ide/submissions', raw: `{"data":${answers},"__proto__":{"isAdmin":true}}}` },
    { name: 'a submission (inside the answers, constructor)', path: '/api/t/ostersund/services/lamna-din-ide/submissions', raw: `{"data":${answers},"constructor":{"prototype":{"x":1}}}}` },
    { name: 'a sign-in', path: '/api/auth/login', raw: '{"username":"a","password":"b","__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}' },
    { name: 'a new e-service', path: '/api/t/ostersund/admin/services', raw: `{"definition":${PROTO},"__proto__":{"isAdmin":true}}`, cookie: true },
    { name: 'a draft', path: '/api/t/ostersund/admin/services/lamna-din-ide/draft', method: 'PUT', raw: `{"definition":${CONSTRUCTOR}}`, cookie: true },
  ];

  it.each(targets)('7. when $name carries __proto__ or constructor.prototype, then it is refused or stripped', async ({ path, method, raw, cookie }) => {
    const answer = await call(`${server.url}${path}`, { method: method ?? 'POST', raw, headers: { 'content-type': 'application/json', origin: server.url, ...(cookie ? { cookie: designer } : {}) } });
    expect(answer.status).toBeLessThan(500);
    if (answer.status === 201) {
      // Stripped: the case filed holds none of it.
      const items = await call(`${server.url}/api/t/ostersund/queues/ideer/items`, { headers: { authorization: 'Bearer demo-key-ostersund' } });
      const filed = (items.body as { id: string; data: Record<string, unknown> }[]).find((i) => i.id === answer.body.id)!;
      expect(Object.hasOwn(filed.data, '__proto__')).toBe(false);
      expect(Object.hasOwn(filed.data, 'constructor')).toBe(false);
      expect(JSON.stringify(filed.data)).not.toContain('isAdmin');
    }
  });
});

describe('security 7: prototype pollution through form posts', () => {
  const fields: [string, string][] = [
    ['_step', 'idea'],
    ['title', 'Bänkar'],
    ['__proto__[isAdmin]', 'true'],
    ['__proto__', 'isAdmin'],
    ['constructor[prototype][x]', '1'],
    ['constructor.prototype.x', '1'],
    ['title.__proto__.isAdmin', 'true'],
  ];

  it('7. when a urlencoded step post carries __proto__ and constructor names, then they are dropped and the step is saved', async () => {
    const browser = new CitizenBrowser(server.url);
    const posted = await browser.post(IDEA, fields);
    expect(posted.status).toBeLessThan(500);
    const page = await browser.get(IDEA);
    expect(page.html).toContain('Bänkar');
    expect(page.html).not.toContain('isAdmin');
  });

  it('7. when a multipart step post carries __proto__ and constructor names, then they are dropped and the step is saved', async () => {
    const browser = new CitizenBrowser(server.url);
    await browser.post(IDEA, [['_step', 'idea'], ['title', 'Start']]);
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    form.append('__proto__', new Blob(['{"isAdmin":true}'], { type: 'application/json' }), 'proto.json');
    const response = await fetch(`${server.url}${IDEA}`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: server.url, cookie: browser.cookie! } });
    expect(response.status).toBeLessThan(500);
    const page = await browser.get(IDEA);
    expect(page.html).toContain('Bänkar');
    expect(page.html).not.toContain('isAdmin');
  });

  it('7. when an attachment upload names its field __proto__, then it is refused', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hej']), 'a.txt');
    const response = await fetch(`${server.url}/api/t/ostersund/attachments/lamna-din-ide?field=__proto__.isAdmin`, { method: 'POST', body: form, headers: { origin: server.url } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
