import { afterEach, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call } from '../harness.ts';
import { CitizenBrowser } from '../citizen-browser.ts';
import { DEMO, startSecurityApp } from './security-app.ts';
import type { SecurityApp } from './security-app.ts';

let app: SecurityApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const login = (url: string, username: string, password: string, headers: Record<string, string> = {}) =>
  call(`${url}/api/auth/login`, { body: { username, password }, headers: { origin: url, ...headers } });

describe('security 10: sign-in attempts are limited per address', () => {
  it('10. when one address tries 100 wrong passwords, then it gets 429 before the 100th, and a forged X-Forwarded-For does not reset it', async () => {
    app = await startSecurityApp();
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      // Several usernames, so the per-address limit (not only the per-username one) is what stops it.
      const { status } = await login(app.url, `guess${i % 7}`, `wrong-${i}`, { 'x-forwarded-for': `203.0.113.${i}` });
      statuses.push(status);
      if (status === 429) break;
    }
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThan(99);
    expect(statuses.slice(0, first429).every((s) => s === 401)).toBe(true);
    // Now even the right password waits, whatever address the request claims.
    const forged = await login(app.url, DEMO.caseWorker.username, DEMO.caseWorker.password, { 'x-forwarded-for': '198.51.100.7' });
    expect(forged.status).toBe(429);
    expect(Number(forged.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(forged.body.code).toBe('rate-limited');
    expect(forged.body.message).toMatch(/^För många misslyckade inloggningar/);
  });

  it('10. when one username is guessed from one address, then it is refused after 10 failures while another username still may try', async () => {
    app = await startSecurityApp();
    for (let i = 0; i < 10; i++) expect((await login(app.url, DEMO.caseWorker.username, `wrong-${i}`)).status).toBe(401);
    const refused = await login(app.url, DEMO.caseWorker.username, DEMO.caseWorker.password, { 'accept-language': 'en' });
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/^Too many failed sign-ins/);
    expect((await login(app.url, 'ostersund.designer', 'demo-ostersund')).status).toBe(200);
  });

  it('10. when sign-ins succeed, then they are not counted', async () => {
    app = await startSecurityApp({ rateLimits: limits({ loginPerAddress: { limit: 3, windowMs: 60_000 } }) });
    for (let i = 0; i < 8; i++) expect((await login(app.url, DEMO.caseWorker.username, DEMO.caseWorker.password)).status).toBe(200);
  });

  it('10. when trust proxy is configured, then X-Forwarded-For names the client and one client does not block another', async () => {
    app = await startSecurityApp({ trustProxy: 'loopback', rateLimits: limits({ loginPerAddress: { limit: 2, windowMs: 60_000 } }) });
    for (let i = 0; i < 2; i++) await login(app.url, 'nobody', 'x', { 'x-forwarded-for': '203.0.113.1' });
    expect((await login(app.url, 'nobody', 'x', { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429);
    expect((await login(app.url, 'nobody', 'x', { 'x-forwarded-for': '203.0.113.2' })).status).toBe(401);
  });

});

describe('security 10: sends are limited per address and per municipality', () => {
  const send = (url: string, headers: Record<string, string> = {}) =>
    call(`${url}/api/t/ostersund/services/lamna-din-ide/submissions`, { body: { data: exampleAnswers('ostersund', 'lamna-din-ide', new Date()) }, headers });

  it('when one address sends more than its limit, then 429 with Retry-After and nothing more is filed', async () => {
    app = await startSecurityApp({ rateLimits: limits({ submitPerAddress: { limit: 3, windowMs: 60_000 } }) });
    for (let i = 0; i < 3; i++) expect((await send(app.url)).status).toBe(201);
    const refused = await send(app.url, { 'x-forwarded-for': '198.51.100.9' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/Dina svar är sparade/);
    const queues = await call(`${app.url}/api/t/ostersund/queues`, { headers: { authorization: 'Bearer demo-key-ostersund' } });
    const total = (queues.body as { counts: Record<string, number> }[]).reduce((sum, q) => sum + Object.values(q.counts).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(3);
  });

  it('when a municipality gets more sends than its limit from many addresses, then 429 for the next one', async () => {
    app = await startSecurityApp({ trustProxy: 'loopback', rateLimits: limits({ submitPerTenant: { limit: 2, windowMs: 60_000 } }) });
    expect((await send(app.url, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(201);
    expect((await send(app.url, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(201);
    expect((await send(app.url, { 'x-forwarded-for': '203.0.113.3' })).status).toBe(429);
  });

  it('when a citizen page send is refused, then a page says so in Swedish, keeps the draft and leads back to the review', async () => {
    app = await startSecurityApp({ rateLimits: limits({ submitPerAddress: { limit: 1, windowMs: 60_000 } }) });
    await send(app.url);
    const browser = new CitizenBrowser(app.url);
    const IDEA = '/t/ostersund/e/lamna-din-ide';
    await browser.post(IDEA, [['_step', 'idea'], ['title', 'Bänkar'], ['need', 'Vila'], ['proposal', 'Fler bänkar']]);
    const refused = await browser.post(`${IDEA}/granska`, []);
    expect(refused.status).toBe(429);
    expect(refused.html).toContain('<h1');
    expect(refused.html).toContain('För många inskick just nu');
    expect(refused.html).toContain('Dina svar är sparade');
    expect(refused.html).toContain(`href="${IDEA}/granska"`);
    expect(refused.html).not.toContain('"code":"rate-limited"');
  });
});

function limits(overrides: Partial<import('../../src/http/rate-limits.ts').RateLimitSettings>): import('../../src/http/rate-limits.ts').RateLimitSettings {
  return {
    loginPerAddressAndUser: { limit: 10, windowMs: 900_000 },
    loginPerAddress: { limit: 30, windowMs: 900_000 },
    submitPerAddress: { limit: 60, windowMs: 60_000 },
    submitPerTenant: { limit: 600, windowMs: 60_000 },
    ...overrides,
  };
}
