import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../harness.ts';
import { startSecurityApp } from './security-app.ts';
import type { SecurityApp } from './security-app.ts';

const temp = tempDir();
let app: SecurityApp;
beforeAll(async () => {
  const clientDir = path.join(temp.dir, 'dist');
  mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
  const shell = '<!doctype html><html lang="sv"><title>Samform</title><script type="module" src="/assets/index-Ab12Cd.js"></script><div id="root"><!--samform-page--></div></body>';
  writeFileSync(path.join(clientDir, 'index.html'), shell);
  writeFileSync(path.join(clientDir, 'staff.html'), shell);
  writeFileSync(path.join(clientDir, 'assets', 'index-Ab12Cd.js'), 'console.log("samform")');
  app = await startSecurityApp({ clientDir });
}, 60_000);
afterAll(async () => {
  await app.close();
  temp.cleanup();
});

// Every kind of HTML answer: pages, the staff shell, a form, a refusal, 404s, an error page.
const HTML_ANSWERS: { name: string; path: string; method?: string; status: number }[] = [
  { name: 'the home page', path: '/', status: 200 },
  { name: 'a municipality', path: '/t/ostersund', status: 200 },
  { name: 'a form', path: '/t/ostersund/e/lamna-din-ide', status: 200 },
  { name: 'the staff shell', path: '/staff/designer', status: 200 },
  { name: 'a page that does not exist', path: '/no/such/page', status: 404 },
  { name: 'an e-service that does not exist', path: '/t/ostersund/e/nope', status: 404 },
  { name: 'a refused cross-site post', path: '/t/ostersund/e/lamna-din-ide', method: 'POST', status: 403 },
];

function assertStrictCsp(csp: string | null): void {
  expect(csp).not.toBeNull();
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/(script-src 'self'|default-src 'none')/);
}

describe('security headers', () => {
  it.each(HTML_ANSWERS)('when $name is answered, then a strict CSP, Referrer-Policy, Permissions-Policy and nosniff come with it', async ({ path: where, method, status }) => {
    const answer = await fetch(`${app.url}${where}`, {
      method: method ?? 'GET',
      redirect: 'manual',
      ...(method === 'POST' ? { headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' } : {}),
    });
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    assertStrictCsp(answer.headers.get('content-security-policy'));
    expect(answer.headers.get('referrer-policy')).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    expect(answer.headers.get('permissions-policy')).toContain('camera=()');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    // Loopback speaks plain HTTP: no HSTS there.
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });

  it.each(['/api/health', '/api/no-such-endpoint', '/assets/missing.js'])('when %s is answered, then the strict headers come with it', async (where) => {
    const answer = await fetch(`${app.url}${where}`);
    assertStrictCsp(answer.headers.get('content-security-policy'));
    expect(answer.headers.get('permissions-policy')).toContain('camera=()');
  });

  it('when the host is not loopback, then HSTS is sent', async () => {
    const { port } = new URL(app.url);
    const headers = await new Promise<import('node:http').IncomingHttpHeaders>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: 'samform.example' } }, (res) => {
        res.resume();
        resolve(res.headers);
      });
      req.on('error', reject);
      req.end();
    });
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
