import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import { call, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const REGION = 'region-jamtland-harjedalen';
const submitUrl = (tenant: string, service: string, query = ''): string => `${server.url}/api/t/${tenant}/services/${service}/submissions${query}`;
const fault = () => exampleAnswers(REGION, 'felanmalan', new Date());

async function itemsOf(tenant: string, queue: string): Promise<{ id: string; reference: string; service: string; data: Record<string, unknown> }[]> {
  const { status, body } = await call(`${server.url}/api/t/${tenant}/queues/${queue}/items`, { headers: { authorization: `Bearer demo-key-${tenant}` } });
  expect(status).toBe(200);
  return body;
}

describe('POST /api/t/{tenant}/services/{service}/submissions', () => {
  it('when valid answers to an adopted shared e-service are sent, then 201 with a receipt and the case is in the routed queue', async () => {
    const before = Date.now();
    const { status, body } = await call(submitUrl('ostersund', 'felanmalan'), { body: { data: fault() } });
    expect(status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(['id', 'queue', 'receivedAt', 'reference', 'version']);
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.reference).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(Date.parse(body.receivedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(body.receivedAt)).toBeLessThanOrEqual(Date.now());
    expect(body.version).toBe(1);
    // Routing: a water leak goes to VA, not to the default street queue.
    expect(body.queue).toBe('va');
    const items = await itemsOf('ostersund', 'va');
    expect(items.find((item) => item.id === body.id)).toMatchObject({ reference: body.reference, service: `${REGION}/felanmalan`, data: fault() });
  });

  it("when answers to a municipality's own e-service are sent, then they land in its own queue", async () => {
    const { status, body } = await call(submitUrl('ostersund', 'lamna-din-ide'), { body: { data: exampleAnswers('ostersund', 'lamna-din-ide', new Date()) } });
    expect(status).toBe(201);
    expect(body.queue).toBe('ideer');
    expect((await itemsOf('ostersund', 'ideer')).map((item) => item.id)).toContain(body.id);
  });

  it('when required answers are missing, then 422 with JSON pointers and Swedish messages by default', async () => {
    const { status, body } = await call(submitUrl('ostersund', 'felanmalan'), { body: { data: {} } });
    expect(status).toBe(422);
    expect(body.code).toBe('invalid-submission');
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['/description', '/kind', '/place']);
    const kind = body.errors.find((e: { path: string }) => e.path === '/kind');
    expect(kind.keyword).toBe('required');
    expect(kind.message).toContain('Vad är det för fel?');
  });

  it('when ?lang=en is given, then the messages are English', async () => {
    const { status, body } = await call(submitUrl('ostersund', 'felanmalan', '?lang=en'), { body: { data: {} } });
    expect(status).toBe(422);
    expect(body.errors.find((e: { path: string }) => e.path === '/kind').message).toContain('What kind of fault is it?');
  });

  it('when Accept-Language prefers English, then the messages are English', async () => {
    const sv = await call(submitUrl('ostersund', 'felanmalan'), { body: { data: {} }, headers: { 'accept-language': 'sv' } });
    const en = await call(submitUrl('ostersund', 'felanmalan'), { body: { data: {} }, headers: { 'accept-language': 'fr;q=0.9, en-GB;q=0.8, sv;q=0.1' } });
    const message = (r: { body: { errors: { path: string; message: string }[] } }) => r.body.errors.find((e) => e.path === '/kind')!.message;
    expect(message(en)).toContain('What kind of fault');
    expect(message(sv)).not.toBe(message(en));
  });

  it('when a nested answer is malformed, then the pointer names the nested field', async () => {
    const data = { ...fault(), contact: { email: 'inte-en-adress' } };
    const { status, body } = await call(submitUrl('ostersund', 'felanmalan'), { body: { data } });
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ path: '/contact/email', keyword: 'format' })]);
  });

  it.each([
    ['no data', {}],
    ['data not an object', { data: [1, 2] }],
    ['an array body', [{ data: {} }]],
  ])('when the body has %s, then 422 invalid-submission at /data', async (_case, body) => {
    const answer = await call(submitUrl('ostersund', 'felanmalan'), { body });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('invalid-submission');
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: '/data' })]);
  });

  it('when the JSON is malformed, then 400 malformed-json', async () => {
    const { status, body } = await call(submitUrl('ostersund', 'felanmalan'), { raw: '{"data": {', headers: { 'content-type': 'application/json' } });
    expect(status).toBe(400);
    expect(body.code).toBe('malformed-json');
  });

  it('when the body is not JSON, then 415 unsupported-media-type', async () => {
    const form = await call(submitUrl('ostersund', 'felanmalan'), { raw: 'kind=water-leak', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(form.body.code).toBe('unsupported-media-type');
    const none = await call(submitUrl('ostersund', 'felanmalan'), { method: 'POST' });
    expect(none.status).toBe(415);
  });

  it('when the body is over 1 MB, then 413 payload-too-large', async () => {
    const raw = JSON.stringify({ data: { ...fault(), description: 'x'.repeat(1024 * 1024) } });
    const { status, body } = await call(submitUrl('ostersund', 'felanmalan'), { raw, headers: { 'content-type': 'application/json' } });
    expect(status).toBe(413);
    expect(body.code).toBe('payload-too-large');
  });

  it('when the tenant is unknown, then 404 tenant-not-found', async () => {
    const { status, body } = await call(submitUrl('atlantis', 'felanmalan'), { body: { data: fault() } });
    expect(status).toBe(404);
    expect(body.code).toBe('tenant-not-found');
  });

  it('when the e-service is unknown, or not offered by that municipality, then 404 service-not-found', async () => {
    const unknown = await call(submitUrl('ostersund', 'finns-inte'), { body: { data: {} } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('service-not-found');
    // Östersund's idea e-service is its own; Krokom does not offer it.
    const other = await call(submitUrl('krokom', 'lamna-din-ide'), { body: { data: exampleAnswers('ostersund', 'lamna-din-ide', new Date()) } });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('service-not-found');
  });

  it('when answers are sent to a collaboration, then 404 service-not-found (only municipalities receive cases)', async () => {
    const { status, body } = await call(submitUrl(REGION, 'felanmalan'), { body: { data: fault() } });
    expect(status).toBe(404);
    expect(body.code).toBe('service-not-found');
  });

  it('when the same Idempotency-Key and body come again, then the first 201 answer is repeated and one case is stored', async () => {
    const key = `retry-${Date.now()}`;
    const data = { ...fault(), description: `Läckan vid ${key}` };
    const first = await call(submitUrl('ostersund', 'felanmalan'), { body: { data }, headers: { 'idempotency-key': key } });
    const second = await call(submitUrl('ostersund', 'felanmalan'), { body: { data }, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const matching = (await itemsOf('ostersund', 'va')).filter((item) => item.data.description === data.description);
    expect(matching).toHaveLength(1);
  });

  it('when an Idempotency-Key comes again with another body, then 422 idempotency-key-reused', async () => {
    const key = `reuse-${Date.now()}`;
    const first = await call(submitUrl('ostersund', 'felanmalan'), { body: { data: fault() }, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const other = await call(submitUrl('ostersund', 'felanmalan'), { body: { data: { ...fault(), place: 'Rådhusgatan 1' } }, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency-key-reused', errors: [] });
  });

  it('when the Idempotency-Key is too long or not printable ASCII, then 400', async () => {
    const long = await call(submitUrl('ostersund', 'felanmalan'), { body: { data: fault() }, headers: { 'idempotency-key': 'k'.repeat(201) } });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('invalid-idempotency-key');
  });

  it('when the body carries __proto__ keys, then they are dropped and no prototype is polluted', async () => {
    const raw = JSON.stringify({ data: fault() }).replace('{"kind"', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"kind"');
    expect(raw).toContain('__proto__');
    const { status, body } = await call(submitUrl('ostersund', 'felanmalan'), { raw, headers: { 'content-type': 'application/json' } });
    expect(status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stored = (await itemsOf('ostersund', 'va')).find((item) => item.id === body.id)!;
    expect(Object.keys(stored.data)).not.toContain('__proto__');
    expect(Object.keys(stored.data)).not.toContain('constructor');
  });
});

describe('validators', () => {
  it('when the server has started and taken submissions, then each served version was compiled exactly once, at start-up', async () => {
    // Served versions: Östersund's and Sundsvall's own e-services, and each collaboration's shared ones.
    const forms = (await import('@samform/forms')).loadForms();
    const distinct = (await forms).services.length;
    expect(server.running.validators.size).toBe(distinct);
    await call(submitUrl('krokom', 'felanmalan'), { body: { data: fault() } });
    await call(submitUrl('sundsvall', 'felanmalan'), { body: { data: exampleAnswers('esamverkan-vasternorrland', 'felanmalan', new Date()) } });
    expect(server.running.validators.size).toBe(distinct);
  });
});
