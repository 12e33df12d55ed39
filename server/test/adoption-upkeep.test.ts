import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { sweepExpiredSubmissions, DEFAULT_RETENTION_DAYS } from '../src/services/retention-sweep.ts';
import { call, logIn, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';
import { logInWithEId, OidcBrowser } from './oidc-browser.ts';

const REGION = 'region-jamtland-harjedalen';
const PAUSE = 'uppehall-i-hamtning';
const FAULT = 'felanmalan';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
let krokomAdmin = '';
let krokomCaseworker = '';
let regionDesigner = '';

beforeAll(async () => {
  server = await startTestServer();
  krokomAdmin = await logIn(server.url, 'krokom.admin', 'demo-krokom');
  krokomCaseworker = await logIn(server.url, 'krokom.handlaggare', 'demo-krokom');
  regionDesigner = await logIn(server.url, `${REGION}.designer`, `demo-${REGION}`);
});
afterAll(() => server?.close());

const api = (tenant: string, path: string): string => `${server.url}/api/t/${tenant}${path}`;
const asKrokom = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
  call(api('krokom', path), { ...init, headers: { origin: server.url, cookie: init.cookie ?? krokomAdmin } });

async function putLogo(bytes: Uint8Array<ArrayBuffer>, service = FAULT, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(api('krokom', `/adoptions/${REGION}/${service}/logo`), {
    method: 'PUT',
    headers: { origin: server.url, cookie: krokomAdmin, 'content-type': 'application/octet-stream', ...headers },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

async function leaseAndAck(tenant: string, queue: string): Promise<string | null> {
  const key = { authorization: `Bearer demo-key-${tenant}` };
  const lease = await call(api(tenant, `/queues/${queue}/lease`), { method: 'POST', headers: key });
  if (lease.status === 204) return null;
  const { item, leaseId } = lease.body;
  expect((await call(api(tenant, `/queues/${queue}/items/${item.id}/ack`), { method: 'POST', body: { leaseId }, headers: key })).status).toBe(200);
  return item.id;
}

describe('adopting what the demo left out, and leaving', () => {
  it('when Krokom opens the catalogue of a fresh demo, then the pause in collection is there to adopt, and adopting it serves it', async () => {
    const catalogue = await asKrokom('/catalogue');
    expect(catalogue.body.find((e: { id: string }) => e.id === PAUSE)).toMatchObject({ adoption: null, idTaken: false });
    expect((await call(api('krokom', `/services/${PAUSE}`))).status).toBe(404);
    const adopted = await asKrokom('/adoptions', { method: 'POST', body: { service: `${REGION}/${PAUSE}` } });
    expect(adopted.status).toBe(201);
    expect((await call(api('krokom', `/services/${PAUSE}`))).status).toBe(200);
  });

  it('when cases of the e-service still wait in a queue, then leaving is refused with 409; once delivered, it answers 204 and is audited', async () => {
    // The pause requires e-ID (issue 6): a resident logs in at the demo IdP and sends it.
    const resident = new OidcBrowser();
    await logInWithEId(resident, server.url, 'tolvan', `/t/krokom/e/${PAUSE}`);
    const data = exampleAnswers(REGION, PAUSE, new Date());
    const response = await resident.fetch(api('krokom', `/services/${PAUSE}/submissions`), {
      method: 'POST',
      body: JSON.stringify({ data }),
      headers: { 'content-type': 'application/json', origin: server.url },
    });
    expect(response.status).toBe(201);
    const sent = { body: (await response.json()) as { queue: string } };
    const refused = await asKrokom(`/adoptions/${REGION}/${PAUSE}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('cases-waiting');
    expect((await call(api('krokom', `/services/${PAUSE}`))).status).toBe(200);

    expect(await leaseAndAck('krokom', sent.body.queue)).not.toBeNull();
    const left = await asKrokom(`/adoptions/${REGION}/${PAUSE}`, { method: 'DELETE' });
    expect(left.status).toBe(204);
    expect((await call(api('krokom', `/services/${PAUSE}`))).status).toBe(404);
    expect(server.logs.text).toMatch(/"audit":"adoption-left".*"tenant":"krokom".*"serviceId":"uppehall-i-hamtning"/);
    const audit = await asKrokom('/audit?kind=adoption-left');
    expect(audit.body.entries).toEqual([expect.objectContaining({ kind: 'adoption-left', target: `${REGION}/${PAUSE}`, actor: expect.objectContaining({ username: 'krokom.admin' }) })]);
    expect((await asKrokom(`/adoptions/${REGION}/${PAUSE}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('lets only Krokom administrators leave, from Samform pages only', async () => {
    const path = `/adoptions/${REGION}/${FAULT}`;
    expect((await call(api('krokom', path), { method: 'DELETE' })).status).toBe(401);
    expect((await asKrokom(path, { method: 'DELETE', cookie: krokomCaseworker })).status).toBe(403);
    expect((await call(api('krokom', path), { method: 'DELETE', headers: { origin: 'https://evil.example', cookie: krokomAdmin } })).status).toBe(403);
    expect((await call(api('ostersund', path), { method: 'DELETE', headers: { origin: server.url, cookie: krokomAdmin } })).status).toBe(404);
    expect((await call(api('krokom', `/services/${FAULT}`))).status).toBe(200);
  });
});

describe('theme of an adoption', () => {
  it('when a logo is PNG under 200 KB, then it is kept and named by its sha256; SVG is 415, too large 413, empty 400, not adopted 404', async () => {
    const saved = await putLogo(PNG);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), type: 'image/png', size: PNG.length });
    const logged = await asKrokom('/audit?kind=adoption-logo-uploaded');
    expect(logged.body.entries[0]).toMatchObject({ target: `${REGION}/${FAULT}`, detail: { sha256: saved.body.sha256, type: 'image/png', size: PNG.length } });
    expect((await putLogo(SVG, FAULT, { 'content-type': 'image/svg+xml' })).status).toBe(415);
    const big = new Uint8Array(200 * 1024 + 1);
    big.set(PNG);
    expect((await putLogo(big)).status).toBe(413);
    expect((await putLogo(new Uint8Array(0))).status).toBe(400);
    expect((await putLogo(PNG, 'nope')).status).toBe(404);
    const asCaseworker = await fetch(api('krokom', `/adoptions/${REGION}/${FAULT}/logo`), { method: 'PUT', headers: { origin: server.url, cookie: krokomCaseworker }, body: PNG });
    expect(asCaseworker.status).toBe(403);
  });

  it('when the colour fails the contrast check, then 422 points at /overrides/theme/primaryColor with the ratio in Swedish and English', async () => {
    const bad = await asKrokom(`/adoptions/${REGION}/${FAULT}`, { method: 'PUT', body: { overrides: { theme: { primaryColor: '#ffcc00' } } } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: '/overrides/theme/primaryColor', messages: { sv: expect.stringContaining('1,51:1'), en: expect.stringContaining('1.51:1') } }),
    ]);
    const unknownLogo = await asKrokom(`/adoptions/${REGION}/${FAULT}`, {
      method: 'PUT',
      body: { overrides: { theme: { primaryColor: '#1d5c2e', logo: { sha256: 'f'.repeat(64), alt: { sv: 'Krokoms kommun', en: 'Krokom municipality' } } } } },
    });
    expect(unknownLogo.status).toBe(422);
    expect(unknownLogo.body.errors).toEqual([expect.objectContaining({ path: '/overrides/theme/logo/sha256' })]);
  });

  it('when the theme is saved, then the citizen pages link its stylesheet and logo, served CSP-safe and cacheable by name', async () => {
    const { body: logo } = await putLogo(PNG);
    const theme = { primaryColor: '#1d5c2e', logo: { sha256: logo.sha256, alt: { sv: 'Krokoms kommun', en: 'Krokom municipality' } } };
    expect((await asKrokom(`/adoptions/${REGION}/${FAULT}`, { method: 'PUT', body: { overrides: { theme } } })).status).toBe(200);

    const page = await fetch(`${server.url}/t/krokom/e/${FAULT}`);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<style|style="/);
    const href = /<link rel="stylesheet" href="(\/t\/krokom\/e\/felanmalan\/tema\/[0-9a-f]{16}\.css)">/.exec(html)?.[1];
    expect(href).toBeDefined();
    expect(html).toContain(`<img src="/t/krokom/e/felanmalan/logotyp/${logo.sha256}" alt="Krokoms kommun">`);
    expect(await (await fetch(`${server.url}/t/krokom/e/${FAULT}?lang=en`)).text()).toContain('alt="Krokom municipality"');

    const css = await fetch(`${server.url}${href!}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(await css.text()).toContain('--sf-brand: #1d5c2e;');
    const stale = await fetch(`${server.url}/t/krokom/e/${FAULT}/tema/0000000000000000.css`);
    expect(stale.headers.get('cache-control')).toBe('no-cache');

    const image = await fetch(`${server.url}/t/krokom/e/${FAULT}/logotyp/${logo.sha256}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    expect((await fetch(`${server.url}/t/krokom/e/${FAULT}/logotyp/${'0'.repeat(64)}`)).status).toBe(404);

    // Another municipality's page of the same e-service has no theme.
    const other = await (await fetch(`${server.url}/t/are/e/${FAULT}`)).text();
    expect(other).not.toContain('/tema/');
    expect((await fetch(`${server.url}/t/are/e/${FAULT}/tema/${href!.split('/').pop()!}`)).status).toBe(404);
  });
});

describe('impact and retention', () => {
  it('when citizens have drafts on the current version, then the owner sees how many in the impact', async () => {
    const before = await call(api(REGION, `/admin/services/${FAULT}/impact`), { headers: { cookie: regionDesigner } });
    expect(before.status).toBe(200);
    expect(before.body.drafts).toEqual({ currentVersion: 1, onCurrent: 0, byVersion: [] });
    // Two residents start the fault report in two municipalities (the first step, saved as a draft).
    for (const tenant of ['krokom', 'are']) {
      const form = await (await fetch(`${server.url}/t/${tenant}/e/${FAULT}`)).text();
      const step = /name="_step" value="([^"]+)"/.exec(form)?.[1] ?? '';
      const response = await fetch(`${server.url}/t/${tenant}/e/${FAULT}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _step: step, _action: 'back' }).toString(),
      });
      expect(response.status).toBe(303);
    }
    const after = await call(api(REGION, `/admin/services/${FAULT}/impact`), { headers: { cookie: regionDesigner } });
    expect(after.body.drafts).toEqual({ currentVersion: 1, onCurrent: 2, byVersion: [{ version: 1, drafts: 2 }] });
  });

  it('records at receipt when a case may be weeded, and the sweep weeds only delivered ones past it', async () => {
    const now = new Date();
    expect((await asKrokom(`/adoptions/${REGION}/${FAULT}`, { method: 'PUT', body: { overrides: { retentionDays: 30 } } })).status).toBe(200);
    const data = exampleAnswers(REGION, FAULT, now);
    const krokom = await call(api('krokom', `/services/${FAULT}/submissions`), { body: { data } });
    const are = await call(api('are', `/services/${FAULT}/submissions`), { body: { data } });
    const waiting = await call(api('krokom', `/services/${FAULT}/submissions`), { body: { data } });
    const stored = async (tenant: string, id: string) => server.store.getSubmission(tenant, id);
    const kept = (await stored('krokom', krokom.body.id))!;
    expect(Date.parse(kept.retainUntil!) - Date.parse(kept.receivedAt)).toBe(30 * DAY);
    const areKept = (await stored('are', are.body.id))!;
    expect(Date.parse(areKept.retainUntil!) - Date.parse(areKept.receivedAt)).toBe(DEFAULT_RETENTION_DAYS * DAY);

    // Deliver Krokom's first case and Åre's; Krokom's second stays in its queue.
    expect(await leaseAndAck('krokom', krokom.body.queue)).toBe(krokom.body.id);
    expect(await leaseAndAck('are', are.body.queue)).toBe(are.body.id);
    const deps = (at: number) => ({ store: server.store, validators: server.running.validators, clock: () => new Date(at), log: silentLog });
    expect(await sweepExpiredSubmissions(deps(now.getTime() + 29 * DAY))).toEqual({});
    // Delivered but still open in the inbox: kept until a case worker closes it (issue 7).
    expect(await sweepExpiredSubmissions(deps(now.getTime() + 31 * DAY))).toEqual({});
    await closeCase('krokom', krokom.body.id);
    await closeCase('are', are.body.id);
    expect(await sweepExpiredSubmissions(deps(now.getTime() + 31 * DAY))).toEqual({ krokom: 1 });
    expect(await stored('krokom', krokom.body.id)).toBeNull();
    expect(await stored('krokom', waiting.body.id)).not.toBeNull();
    expect(await stored('are', are.body.id)).not.toBeNull();
    expect(await sweepExpiredSubmissions(deps(now.getTime() + 400 * DAY))).toMatchObject({ are: expect.any(Number) });
    expect(await stored('are', are.body.id)).toBeNull();
    expect(await stored('krokom', waiting.body.id)).not.toBeNull();
  });
});

async function closeCase(tenant: string, id: string): Promise<void> {
  const open = (await server.store.getCase(tenant, id))!;
  const final = open.case.status === 'closed' ? 'decided' : 'closed';
  await server.store.recordCaseEvent(tenant, id, { kind: 'status', from: open.case.status, to: final, final: true, at: new Date().toISOString(), by: 'case-worker' });
}

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined } as never;
