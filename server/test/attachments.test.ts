import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '@samform/forms';
import type { ServiceVersion } from '@samform/model';
import { sanitizeFileName } from '../src/services/attachment-service.ts';
import { sniffContentType } from '../src/services/sniff-content-type.ts';
import { call, logIn, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

const REGION = 'region-jamtland-harjedalen';
const bytes = (...parts: (string | number[])[]): Uint8Array<ArrayBuffer> =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

// Real file openings: PNG signature + IHDR, JPEG SOI + APP0 (JFIF), GIF89a, RIFF/WEBP, %PDF-.
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const GIF = bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]);
const WEBP = bytes('RIFF', [0x1a, 0, 0, 0], 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const HTML = bytes('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

/** A ZIP of stored (uncompressed) entries with a central directory, as office suites write them. */
function zipOf(entries: [string, string][]): Uint8Array<ArrayBuffer> {
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const [name, content] of entries) {
    const offset = local.length;
    const n = [...Buffer.from(name)];
    const c = [...Buffer.from(content)];
    local.push(...u32(0x04034b50), ...u16(10), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(c.length), ...u32(c.length), ...u16(n.length), ...u16(0), ...n, ...c);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(10), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(c.length), ...u32(c.length), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...n);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}

describe('sniffing a file type from its bytes', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf'],
    ['a PNG', PNG, 'image/png'],
    ['a JPEG', JPEG, 'image/jpeg'],
    ['a GIF', GIF, 'image/gif'],
    ['a WebP', WEBP, 'image/webp'],
    ['UTF-8 text with å, ä, ö and Sami letters', bytes([...Buffer.from('Hej! Vattnet är brunt. Sámegiella: ŋ đ ŧ')]), 'text/plain'],
    ['a DOCX', zipOf([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>']]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an XLSX', zipOf([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>']]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an ODT', zipOf([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<office:document-content/>']]), 'application/vnd.oasis.opendocument.text'],
  ])('when it is %s, then its type is found', (_name, file, type) => {
    expect(sniffContentType(file)).toBe(type);
  });

  it.each([
    ['HTML', HTML],
    ['SVG', bytes('  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['text with a NUL byte', bytes('abc', [0], 'def')],
    ['bytes that are not UTF-8', bytes([0xc3, 0x28, 0x41])],
    ['a ZIP that is no office document', zipOf([['evil.exe', 'MZ']])],
    ['an empty file', new Uint8Array()],
  ])('when it is %s, then no accepted type is found', (_name, file) => {
    expect(sniffContentType(file)).toBeNull();
  });
});

describe('file names', () => {
  it.each([
    ['C:\\Users\\anna\\läcka.jpg', 'läcka.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['foto\u202Egpj.exe', 'fotogpj.exe'],
    ['rad1\r\nrad2.png', 'rad1rad2.png'],
    ['...', 'fil'],
    [`${'å'.repeat(300)}.pdf`, `${'å'.repeat(196)}.pdf`],
  ])('when the name is %j, then it is stored as %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });
});

let server: TestServer;
let caseworker: string;
let otherCaseworker: string;

// An Östersund e-service with a PDF-only field, to show that a renamed image is still an image.
const CERTIFICATE: ServiceVersion = {
  owner: 'ostersund',
  serviceId: 'intyg',
  version: 1,
  publishedAt: '2025-01-01T00:00:00.000Z',
  definition: {
    id: 'intyg',
    title: { sv: 'Skicka ett intyg', en: 'Send a certificate' },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        document: {
          type: 'array',
          maxItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name', 'type', 'size'],
            properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer' } },
          },
        },
      },
    },
    uiSchema: { document: { 'ui:kind': 'attachment', 'ui:options': { accept: ['application/pdf'], maxBytes: 1024 * 1024, maxFiles: 1 } } },
    texts: {
      document: { label: { sv: 'Intyget', en: 'The certificate' } },
      'document.id': { label: { sv: 'Id' } },
      'document.name': { label: { sv: 'Namn' } },
      'document.type': { label: { sv: 'Typ' } },
      'document.size': { label: { sv: 'Storlek' } },
    },
    routing: { queue: 'ideer' },
  },
};

beforeAll(async () => {
  server = await startTestServer();
  await server.store.publishServiceVersion('ostersund', CERTIFICATE);
  caseworker = await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund');
  otherCaseworker = await logIn(server.url, 'krokom.handlaggare', 'demo-krokom');
}, 60_000);
afterAll(() => server.close());

const uploadUrl = (tenant = 'ostersund', service = 'felanmalan', field = 'photo') => `${server.url}/api/t/${tenant}/attachments/${service}?field=${field}`;

async function upload(file: Uint8Array<ArrayBuffer>, name: string, url = uploadUrl(), declared = 'image/jpeg'): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([file], { type: declared }), name);
  const response = await fetch(url, { method: 'POST', body: form });
  return { status: response.status, body: await response.json() };
}

async function submit(tenant: string, photo: unknown): Promise<{ status: number; body: any }> {
  const data = { ...exampleAnswers(REGION, 'felanmalan', new Date()), kind: 'water-leak', photo };
  return call(`${server.url}/api/t/${tenant}/services/felanmalan/submissions`, { body: { data } });
}

async function leaseVa(): Promise<{ id: string; data: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/t/ostersund/queues/va/lease`, { method: 'POST', headers: { authorization: 'Bearer demo-key-ostersund' } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { item: { id: string; data: Record<string, unknown> } }).item;
}

const download = (itemId: string, attachmentId: string, headers: Record<string, string>, queue = 'va') =>
  fetch(`${server.url}/api/t/ostersund/queues/${queue}/items/${itemId}/attachments/${attachmentId}`, { headers });

describe('uploading an attachment', () => {
  it('when a PNG is uploaded as multipart for the photo field, then 201 names its sniffed type and size', async () => {
    const { status, body } = await upload(PNG, 'läckan.png');
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'läckan.png', type: 'image/png', size: PNG.length });
  });

  it('when the raw bytes come with Content-Type and X-File-Name, then they are stored the same way', async () => {
    const response = await fetch(uploadUrl(), { method: 'POST', body: JPEG, headers: { 'content-type': 'image/jpeg', 'x-file-name': encodeURIComponent('vägen.jpg') } });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: 'vägen.jpg', type: 'image/jpeg', size: JPEG.length });
  });

  it('when a PNG is renamed .pdf for a PDF-only field, then 415, while a real PDF is taken', async () => {
    const renamed = await upload(PNG, 'intyg.pdf', uploadUrl('ostersund', 'intyg', 'document'), 'application/pdf');
    expect(renamed.status).toBe(415);
    expect(renamed.body.code).toBe('attachment-type-not-accepted');
    const real = await upload(PDF, 'intyg.pdf', uploadUrl('ostersund', 'intyg', 'document'), 'application/pdf');
    expect(real.status).toBe(201);
    expect(real.body.type).toBe('application/pdf');
  });

  it('when an HTML file is named photo.jpg and declared image/jpeg, then 415', async () => {
    const multipart = await upload(HTML, 'photo.jpg');
    expect(multipart.status).toBe(415);
    const raw = await fetch(uploadUrl(), { method: 'POST', body: HTML, headers: { 'content-type': 'image/jpeg', 'x-file-name': 'photo.jpg' } });
    expect(raw.status).toBe(415);
  });

  it('when a file is larger than the field allows (5 MB), then 413, raw or multipart', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await upload(big, 'stor.png')).status).toBe(413);
    const raw = await fetch(uploadUrl(), { method: 'POST', body: big, headers: { 'content-type': 'image/png', 'x-file-name': 'stor.png' } });
    expect(raw.status).toBe(413);
  });

  it('when the field is no attachment field, or the tenant a collaboration, then 404', async () => {
    expect((await upload(PNG, 'a.png', uploadUrl('ostersund', 'felanmalan', 'description'))).status).toBe(404);
    expect((await upload(PNG, 'a.png', uploadUrl(REGION))).status).toBe(404);
  });

  it('when another site posts the upload, then 403', async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG]), 'a.png');
    const response = await fetch(uploadUrl(), { method: 'POST', body: form, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(403);
  });
});

describe('sending and reading a case with attachments', () => {
  it('when uploaded files are sent with the answers, then the leased case holds their references and staff download them safely', async () => {
    const photo = (await upload(PNG, 'läckan <b>.png')).body;
    const sent = await submit('ostersund', [photo]);
    expect(sent.status).toBe(201);
    const item = await leaseVa();
    expect(item.id).toBe(sent.body.id);
    expect(item.data.photo).toEqual([photo]);

    const response = await download(item.id, photo.id, { cookie: caseworker });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="l_ckan <b>.png"; filename*=UTF-8''${encodeURIComponent('läckan <b>.png')}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect((await download(item.id, photo.id, { authorization: 'Bearer demo-key-ostersund' })).status).toBe(200);
  });

  it('when someone else asks for the file, then no credentials 401, another tenant 404, a wrong queue or item 404', async () => {
    const photo = (await upload(PNG, 'a.png')).body;
    const sent = await submit('ostersund', [photo]);
    const id = sent.body.id as string;
    expect((await download(id, photo.id, {})).status).toBe(401);
    expect((await download(id, photo.id, { cookie: otherCaseworker })).status).toBe(404);
    expect((await download(id, photo.id, { authorization: 'Bearer demo-key-krokom' })).status).toBe(404);
    expect((await download(id, photo.id, { cookie: caseworker }, 'avfall')).status).toBe(404);
    const other = await submit('ostersund', undefined);
    expect((await download(other.body.id, photo.id, { cookie: caseworker })).status).toBe(404);
  });

  it('when a reference does not match its upload, then 422 pointing at it and nothing is filed', async () => {
    const photo = (await upload(PNG, 'a.png')).body;
    const { status, body } = await submit('ostersund', [{ ...photo, size: photo.size + 1 }]);
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ path: '/photo/0', keyword: 'attachment' })]);
    expect((await server.store.getAttachment('ostersund', photo.id))?.submissionId).toBeNull();
  });

  it('when a file is sent with a second case, or at another municipality, then 422', async () => {
    const photo = (await upload(PNG, 'a.png')).body;
    expect((await submit('ostersund', [photo])).status).toBe(201);
    const again = await submit('ostersund', [photo]);
    expect(again.status).toBe(422);
    expect(again.body.errors[0].path).toBe('/photo/0');
    const fresh = (await upload(PNG, 'b.png')).body;
    expect((await submit('krokom', [fresh])).status).toBe(422);
  });

  it('when more files than the field allows are sent, then 422 from the schema', async () => {
    const photos = [];
    for (let i = 0; i < 4; i++) photos.push((await upload(PNG, `${i}.png`)).body);
    const { status, body } = await submit('ostersund', photos);
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ path: '/photo', keyword: 'maxItems' })]);
  });

  it('when the case is deleted, then its files are gone too', async () => {
    const photo = (await upload(PNG, 'a.png')).body;
    const sent = await submit('ostersund', [photo]);
    expect((await download(sent.body.id, photo.id, { cookie: caseworker })).status).toBe(200);
    expect(await server.store.deleteSubmissionWithAttachments('ostersund', sent.body.id)).toBe(true);
    expect(await server.store.getAttachment('ostersund', photo.id)).toBeNull();
    expect((await download(sent.body.id, photo.id, { cookie: caseworker })).status).toBe(404);
  });
});

describe('a step with a file, without JavaScript', () => {
  const PAGE = '/t/ostersund/e/felanmalan';
  let cookie: string | undefined;
  async function post(path: string, form: FormData | URLSearchParams): Promise<Response> {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: server.url, ...(cookie ? { cookie } : {}) } });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('samform.citizen='));
    if (set) cookie = set.split(';')[0];
    return response;
  }
  const stepFields = (form: FormData, place = 'Badhusparken, vid lekplatsen') => {
    form.append('_step', 'form');
    form.append('kind', 'water-leak');
    form.append('place', place);
    form.append('description', 'Vatten forsar upp ur gatan.');
    return form;
  };

  it('when the step is posted as multipart with a photo, then the file is stored, the review lists it, and the sent case holds it', async () => {
    const form = stepFields(new FormData());
    form.append('photo', new Blob([JPEG], { type: 'image/jpeg' }), 'gatan.jpg');
    form.append('_action', 'continue');
    const posted = await post(PAGE, form);
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toContain('/granska');

    const review = await fetch(`${server.url}${PAGE}/granska`, { headers: { cookie: cookie! } });
    expect(await review.text()).toContain('gatan.jpg');

    const sent = await post(`${PAGE}/granska`, new URLSearchParams([['_action', 'send']]));
    expect(sent.status).toBe(303);
    const listed = await call(`${server.url}/api/t/ostersund/queues/va/items?limit=500`, { headers: { authorization: 'Bearer demo-key-ostersund' } });
    const item = (listed.body as { id: string; data: Record<string, any> }[]).find((i) => i.data.place === 'Badhusparken, vid lekplatsen')!;
    expect(item.data.photo).toEqual([{ id: expect.any(String), name: 'gatan.jpg', type: 'image/jpeg', size: JPEG.length }]);
    const [ref] = item.data.photo as { id: string }[];
    expect((await download(item.id, ref!.id, { cookie: caseworker })).status).toBe(200);
  });

  it('when the posted file is HTML named like a photo, then the step shows the refusal at the field', async () => {
    cookie = undefined;
    const form = stepFields(new FormData());
    form.append('photo', new Blob([HTML], { type: 'image/jpeg' }), 'bild.jpg');
    form.append('_action', 'continue');
    const posted = await post(PAGE, form);
    expect(posted.status).toBe(200);
    const html = await posted.text();
    expect(html).toContain('bild.jpg: Filen måste vara JPEG eller PNG.');
    expect(html).toContain('href="#f-photo"');
  });

  it('when a kept file is ticked for removal, then the step comes back without it', async () => {
    cookie = undefined;
    const first = stepFields(new FormData());
    first.append('photo', new Blob([PNG], { type: 'image/png' }), 'ett.png');
    first.append('_action', 'continue');
    expect((await post(PAGE, first)).status).toBe(303);
    const page = await (await fetch(`${server.url}${PAGE}`, { headers: { cookie: cookie! } })).text();
    const kept = [...page.matchAll(/name="(photo\.0\.[a-z]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
    expect(kept).toHaveLength(4);

    const second = stepFields(new FormData());
    for (const [name, value] of kept) second.append(name, value);
    second.append('_remove', 'photo.0');
    second.append('_action', 'continue');
    const removed = await post(PAGE, second);
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).not.toContain('/granska');
    const after = await (await fetch(`${server.url}${PAGE}`, { headers: { cookie: cookie! } })).text();
    expect(after).not.toContain('ett.png');
  });
});
