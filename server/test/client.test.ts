import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@samform/store';
import type { Store } from '@samform/store';
import { createApp } from '../src/app.ts';
import { LogCapture, listen, tempDir } from './harness.ts';

const temp = tempDir();
let store: Store;
let withClient: { url: string; close(): Promise<void> };
let withoutClient: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const clientDir = path.join(temp.dir, 'dist');
  mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html lang="sv"><title>Samform</title><script type="module" src="/assets/index-Ab12Cd.js"></script><div id="root"><!--samform-page--></div></body>',
  );
  writeFileSync(path.join(clientDir, 'assets', 'index-Ab12Cd.js'), 'console.log("samform")');
  store = await openSqliteStore({ file: path.join(temp.dir, 'samform.sqlite') });
  withClient = await listen(createApp({ store, clientDir, logDestination: new LogCapture() }));
  withoutClient = await listen(createApp({ store, logDestination: new LogCapture() }));
});
afterAll(async () => {
  await withClient.close();
  await withoutClient.close();
  await store.close();
  temp.cleanup();
});

describe('the built client', () => {
  it('when / is asked, then the page is rendered into the build’s shell, uncached, under a CSP without unsafe-eval or inline script', async () => {
    const answer = await fetch(`${withClient.url}/`);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain('<title>Välj din kommun – Samform</title>');
    expect(html).toContain('<script type="module" src="/assets/index-Ab12Cd.js"></script>');
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    const csp = answer.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
  });

  it('when an unknown page is asked, then a 404 page answers (no SPA fallback)', async () => {
    const answer = await fetch(`${withClient.url}/t/ostersund/felanmalan`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('text/html');
  });

  it('when a hashed asset is asked, then it is cached for a year as immutable', async () => {
    const answer = await fetch(`${withClient.url}/assets/index-Ab12Cd.js`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('when a missing asset is asked, then 404, not index.html', async () => {
    expect((await fetch(`${withClient.url}/assets/gone-0000.js`)).status).toBe(404);
  });

  it('when an unknown API route is asked, then JSON 404, not index.html', async () => {
    const answer = await fetch(`${withClient.url}/api/t`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: 'not-found' });
  });

  it('when there is no client build, then pages are still rendered, without scripts, and the API works', async () => {
    const answer = await fetch(`${withoutClient.url}/`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).not.toMatch(/<script[^>]*src=/);
    expect((await fetch(`${withoutClient.url}/api/health`)).status).toBe(200);
  });
});
