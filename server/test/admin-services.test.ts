import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMS_DIR } from '@samform/forms';
import { compileService, issuesOfValidate } from '@samform/model';
import type { ServiceDefinition, ValidatorModuleExports } from '@samform/model';
import { createDraftValidatorModules } from '../src/services/draft-validator-module.ts';
import { call, logIn, startTestServer, tempDir } from './harness.ts';
import type { TestServer } from './harness.ts';

const REGION = 'region-jamtland-harjedalen';

let server: TestServer;
let staff: { designer: string; admin: string; caseworker: string; krokom: string; region: string };
beforeAll(async () => {
  server = await startTestServer();
  staff = {
    designer: await logIn(server.url, 'ostersund.designer', 'demo-ostersund'),
    admin: await logIn(server.url, 'ostersund.admin', 'demo-ostersund'),
    caseworker: await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund'),
    krokom: await logIn(server.url, 'krokom.designer', 'demo-krokom'),
    region: await logIn(server.url, `${REGION}.designer`, `demo-${REGION}`),
  };
}, 60_000);
afterAll(() => server.close());

/** A small e-service of Östersund's own, valid and publishable. */
function digging(id: string, title = 'Ansök om grävtillstånd'): ServiceDefinition {
  return {
    id,
    title: { sv: title, en: 'Apply for a digging permit' },
    category: 'gata',
    identification: 'anonymous',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['plats', 'beskrivning'],
      properties: {
        plats: { type: 'string', minLength: 2, maxLength: 200 },
        beskrivning: { type: 'string', maxLength: 2000 },
      },
    },
    uiSchema: { plats: { 'ui:kind': 'short-text' }, beskrivning: { 'ui:kind': 'long-text', 'ui:widget': 'textarea' } },
    texts: {
      plats: { label: { sv: 'Var ska ni gräva?', en: 'Where will you dig?' }, help: { sv: 'Gatuadress eller fastighet', en: 'Street address or property' } },
      beskrivning: { label: { sv: 'Beskriv arbetet', en: 'Describe the work' }, help: { sv: 'Vad, hur djupt och hur länge', en: 'What, how deep and how long' } },
    },
    routing: { queue: 'gata' },
  };
}

type Who = keyof typeof staff | 'nobody';

/** A request to Östersund's (or another tenant's) admin API, from our own pages unless told otherwise. */
function admin(
  who: Who,
  route: string,
  init: { method?: string; body?: unknown; tenant?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { origin: server.url, ...(who === 'nobody' ? {} : { cookie: staff[who] }), ...init.headers };
  return call(`${server.url}/api/t/${init.tenant ?? 'ostersund'}/admin/services${route}`, {
    ...(init.method === undefined ? {} : { method: init.method }),
    ...(init.body === undefined ? {} : { body: init.body }),
    headers,
  });
}

const create = (who: Who, definition: unknown, tenant = 'ostersund') => admin(who, '', { method: 'POST', body: { definition }, tenant });
const save = (who: Who, id: string, definition: unknown, tenant = 'ostersund') => admin(who, `/${id}/draft`, { method: 'PUT', body: { definition }, tenant });
const publish = (who: Who, id: string, note: unknown = 'Ny version', tenant = 'ostersund') => admin(who, `/${id}/publish`, { method: 'POST', body: { note }, tenant });

describe('who may use the admin API', () => {
  it('when nobody is signed in, then 401, for reads and writes alike', async () => {
    expect((await admin('nobody', '')).status).toBe(401);
    const created = await create('nobody', digging('gravning-anonym'));
    expect(created.status).toBe(401);
    expect(created.body.code).toBe('unauthenticated');
  });

  it('when a case worker of the tenant asks, then 403 forbidden', async () => {
    const list = await admin('caseworker', '');
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('forbidden');
    expect((await create('caseworker', digging('gravning-handlaggare'))).status).toBe(403);
  });

  it('when a Krokom designer asks for Östersund\'s admin API, then 404 everywhere, and nothing is created', async () => {
    expect((await admin('krokom', '')).status).toBe(404);
    expect((await admin('krokom', '/lamna-din-ide/draft')).status).toBe(404);
    expect((await admin('krokom', '/lamna-din-ide/versions/1')).status).toBe(404);
    expect((await publish('krokom', 'lamna-din-ide')).status).toBe(404);
    expect((await create('krokom', digging('gravning-krokom'))).status).toBe(404);
    expect((await admin('designer', '/gravning-krokom/draft')).status).toBe(404);
  });

  it('when an API key is used, then its own tenant answers 403 staff-only and another tenant 404', async () => {
    const own = await admin('nobody', '', { headers: { authorization: 'Bearer demo-key-ostersund' } });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('staff-only');
    const other = await admin('nobody', '', { headers: { authorization: 'Bearer demo-key-krokom' } });
    expect(other.status).toBe(404);
  });

  it('when a write comes without proof of our own origin, or from another site, then 403 cross-origin and nothing is created', async () => {
    const bare = await call(`${server.url}/api/t/ostersund/admin/services`, { body: { definition: digging('gravning-csrf') }, headers: { cookie: staff.designer } });
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('cross-origin');
    const evil = await admin('designer', '', { method: 'POST', body: { definition: digging('gravning-csrf') }, headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect((await admin('designer', '/gravning-csrf/draft')).status).toBe(404);
  });

  it('when a member municipality\'s designer reaches for the collaboration\'s shared e-service, then 404, and its own list holds only its own', async () => {
    expect((await admin('designer', '', { tenant: REGION })).status).toBe(404);
    expect((await admin('designer', '/felanmalan/draft', { tenant: REGION })).status).toBe(404);
    expect((await save('designer', 'felanmalan', { id: 'felanmalan' }, REGION)).status).toBe(404);
    expect((await publish('designer', 'felanmalan', 'Kapad', REGION)).status).toBe(404);
    // Adopted e-services are not Östersund's to edit, even under its own address.
    expect((await admin('designer', '/felanmalan/draft')).status).toBe(404);
    const own = await admin('designer', '');
    expect(own.status).toBe(200);
    expect(own.body.map((s: { id: string }) => s.id)).not.toContain('felanmalan');
    expect(own.body).toContainEqual({ id: 'lamna-din-ide', title: { sv: 'Lämna din idé', en: 'Share your idea' }, draft: null, latestVersion: 1, retired: false, retiredAt: null });
  });

  it('when the collaboration\'s designer lists, then the shared e-services are there to edit', async () => {
    const { status, body } = await admin('region', '', { tenant: REGION });
    expect(status).toBe(200);
    expect(body).toContainEqual(expect.objectContaining({ id: 'felanmalan', latestVersion: 1, draft: null, retired: false }));
    const draft = await admin('region', '/felanmalan/draft', { tenant: REGION });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ definition: { id: 'felanmalan' }, stored: false });
  });
});

describe('POST /admin/services (create and import)', () => {
  it('when a designer sends a valid definition, then 201 with the draft, listed with no version yet', async () => {
    const { status, body, headers } = await create('designer', digging('gravning-ny'));
    expect(status).toBe(201);
    expect(headers.get('location')).toBe('/api/t/ostersund/admin/services/gravning-ny/draft');
    expect(body).toEqual({ id: 'gravning-ny', draft: { definition: digging('gravning-ny'), updatedAt: expect.any(String), updatedBy: expect.any(String), stored: true } });
    const list = await admin('admin', '');
    expect(list.body).toContainEqual({
      id: 'gravning-ny',
      title: digging('gravning-ny').title,
      draft: { updatedAt: body.draft.updatedAt, updatedBy: body.draft.updatedBy },
      latestVersion: null,
      retired: false,
      retiredAt: null,
    });
    // Not offered to citizens before it is published.
    expect((await call(`${server.url}/api/t/ostersund/services/gravning-ny`)).status).toBe(404);
  });

  it('when the definition is invalid, then 422 invalid-definition with errors pointing into it, and nothing is stored', async () => {
    const broken = { ...digging('gravning-trasig'), texts: { plats: digging('x').texts.plats } } as Partial<ServiceDefinition>;
    delete broken.routing;
    const { status, body } = await create('designer', broken);
    expect(status).toBe(422);
    expect(body.code).toBe('invalid-definition');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: '/routing', keyword: 'definition', message: 'is required' },
        { path: '/texts/beskrivning', keyword: 'definition', message: expect.stringContaining('label') },
      ]),
    );
    expect((await admin('designer', '/gravning-trasig/draft')).status).toBe(404);
  });

  it('when the body holds no definition, or is no JSON object, then 422 or 400', async () => {
    const missing = await admin('designer', '', { method: 'POST', body: { title: 'x' } });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('invalid-definition');
    expect((await admin('designer', '', { method: 'POST', body: ['x'] })).status).toBe(400);
  });

  it('when the id is taken by a draft, a published e-service or an adopted one, then 409 service-exists', async () => {
    expect((await create('designer', digging('gravning-dubbel'))).status).toBe(201);
    for (const id of ['gravning-dubbel', 'lamna-din-ide', 'felanmalan']) {
      const { status, body } = await create('admin', digging(id));
      expect(status).toBe(409);
      expect(body.code).toBe('service-exists');
    }
    // Another tenant may use the same id.
    expect((await create('krokom', digging('gravning-dubbel'), 'krokom')).status).toBe(201);
  });
});

describe('GET and PUT /admin/services/{service}/draft', () => {
  it('when the draft is saved, then 200 and the next read gives the new definition', async () => {
    await create('designer', digging('gravning-redigera'));
    const edited = digging('gravning-redigera', 'Grävtillstånd');
    const saved = await save('admin', 'gravning-redigera', edited);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ definition: edited, stored: true });
    const read = await admin('designer', '/gravning-redigera/draft');
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ definition: edited, updatedAt: saved.body.updatedAt, updatedBy: saved.body.updatedBy, stored: true });
  });

  it('when the saved definition is invalid, then 422 with pointed errors and the draft stays as it was', async () => {
    await create('designer', digging('gravning-fel'));
    const bad = digging('gravning-fel');
    bad.schema = { ...bad.schema, properties: { plats: { type: 'sträng' }, beskrivning: { type: 'string' } } };
    const { status, body } = await save('designer', 'gravning-fel', bad);
    expect(status).toBe(422);
    expect(body.code).toBe('invalid-definition');
    expect(body.errors.some((e: { path: string }) => e.path.startsWith('/schema'))).toBe(true);
    expect((await admin('designer', '/gravning-fel/draft')).body.definition).toEqual(digging('gravning-fel'));
  });

  it('when the id in the body differs from the address, then 422 pointing at /id', async () => {
    await create('designer', digging('gravning-id'));
    const { status, body } = await save('designer', 'gravning-id', digging('gravning-annan'));
    expect(status).toBe(422);
    expect(body.errors).toEqual([{ path: '/id', keyword: 'const', message: expect.stringContaining('gravning-id') }]);
  });

  it('when the e-service does not exist, then 404 for reading and saving', async () => {
    expect((await admin('designer', '/finns-inte/draft')).status).toBe(404);
    expect((await save('designer', 'finns-inte', digging('finns-inte'))).status).toBe(404);
  });

  it('when a published e-service has no draft yet, then its latest version is offered as the start of one', async () => {
    const { status, body } = await admin('designer', '/lamna-din-ide/draft');
    expect(status).toBe(200);
    expect(body).toMatchObject({ definition: { id: 'lamna-din-ide' }, stored: false, updatedBy: null });
  });
});

describe('publishing', () => {
  it('when an Östersund designer creates, edits and publishes v1 then v2, then the citizen API serves v2 at once and a submission records v2', async () => {
    const id = 'gravtillstand';
    expect((await create('designer', digging(id))).status).toBe(201);
    expect((await save('designer', id, digging(id, 'Ansök om grävtillstånd i gatan'))).status).toBe(200);

    const first = await publish('designer', id, 'Första versionen');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, publishedAt: expect.any(String) });
    const v1 = await call(`${server.url}/api/t/ostersund/services/${id}`);
    expect(v1.body).toMatchObject({ id, version: 1, owner: 'ostersund', shared: false, title: { sv: 'Ansök om grävtillstånd i gatan' } });

    // The draft stays, equal to the published version, so editing goes on from there.
    const draft = await admin('designer', `/${id}/draft`);
    expect(draft.body).toMatchObject({ definition: digging(id, 'Ansök om grävtillstånd i gatan'), stored: true });
    const unchanged = await publish('designer', id, 'Samma igen');
    expect(unchanged.status).toBe(409);
    expect(unchanged.body.code).toBe('no-changes');

    const v2Definition = digging(id, 'Grävtillstånd');
    v2Definition.schema.properties = { ...(v2Definition.schema.properties as object), beskrivning: { type: 'string', maxLength: 500 } };
    expect((await save('designer', id, v2Definition)).status).toBe(200);
    const second = await publish('admin', id, 'Kortare beskrivning');
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);

    const served = await call(`${server.url}/api/t/ostersund/services/${id}`);
    expect(served.body).toMatchObject({ version: 2, title: { sv: 'Grävtillstånd' } });
    // The new version's validator module was built before the 201: no 503 "building".
    const module = await fetch(`${server.url}/api/t/ostersund/services/${id}/versions/2/validator.js`);
    expect(module.status).toBe(200);

    const tooLong = await call(`${server.url}/api/t/ostersund/services/${id}/submissions`, { body: { data: { plats: 'Storgatan 1', beskrivning: 'x'.repeat(501) } } });
    expect(tooLong.status).toBe(422);
    const sent = await call(`${server.url}/api/t/ostersund/services/${id}/submissions`, { body: { data: { plats: 'Storgatan 1', beskrivning: 'Fiber till huset' } } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ version: 2, queue: 'gata' });
    expect(await server.store.getSubmission('ostersund', sent.body.id)).toMatchObject({ serviceId: id, serviceOwner: 'ostersund', version: 2 });

    const versions = await admin('designer', `/${id}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body).toEqual([
      { version: 1, publishedAt: first.body.publishedAt, note: 'Första versionen', publishedBy: expect.any(String) },
      { version: 2, publishedAt: second.body.publishedAt, note: 'Kortare beskrivning', publishedBy: expect.any(String) },
    ]);
    // Two different people published the two versions.
    expect(versions.body[0].publishedBy).not.toBe(versions.body[1].publishedBy);

    const one = await admin('designer', `/${id}/versions/1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ owner: 'ostersund', serviceId: id, version: 1, note: 'Första versionen', definition: { title: { sv: 'Ansök om grävtillstånd i gatan' } } });
    expect((await admin('designer', `/${id}/versions/3`)).status).toBe(404);
    expect((await admin('designer', `/${id}/versions/senaste`)).status).toBe(404);

    // The audit line names who published which version, and never the note.
    const published = server.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.audit === 'service-published' && l.serviceId === id);
    expect(published.map((l) => [l.version, l.tenant, typeof l.by])).toEqual([
      [1, 'ostersund', 'string'],
      [2, 'ostersund', 'string'],
    ]);
    expect(server.logs.text).not.toContain('Kortare beskrivning');
  });

  it('when the note is missing, empty or longer than 500 characters, then 422 invalid-note and nothing is published', async () => {
    await create('designer', digging('gravning-notis'));
    for (const body of [{}, { note: '   ' }, { note: 'x'.repeat(501) }, { note: 42 }]) {
      const answer = await admin('designer', '/gravning-notis/publish', { method: 'POST', body });
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('invalid-note');
      expect(answer.body.errors[0].path).toBe('/note');
    }
    expect((await admin('designer', '/gravning-notis/versions')).body).toEqual([]);
    expect((await publish('designer', 'gravning-notis', 'x'.repeat(500))).status).toBe(201);
  });

  it('when the draft routes to a queue Östersund does not have, then 422 publish-checks-failed pointing at the routing', async () => {
    const definition = { ...digging('gravning-ko'), routing: { queue: 'finns-inte' } };
    await create('designer', definition);
    const { status, body } = await publish('designer', 'gravning-ko');
    expect(status).toBe(422);
    expect(body.code).toBe('publish-checks-failed');
    expect(body.errors).toContainEqual(expect.objectContaining({ path: '/routing/queue', severity: 'error' }));
    expect((await admin('designer', '/gravning-ko/versions')).body).toEqual([]);
  });

  it('when the draft holds a catastrophic pattern, a label with HTML and a 300 KB schema, then 422 with problems pointing at each, and nothing is published', async () => {
    const definition = digging('gravning-farlig');
    const options = Array.from({ length: 25_000 }, (_, i) => `val-${String(i).padStart(6, '0')}`);
    definition.schema = {
      ...definition.schema,
      properties: {
        plats: { type: 'string', maxLength: 200, pattern: '^(a|a)*$' },
        beskrivning: { type: 'string', maxLength: 2000 },
        lista: { type: 'string', enum: options },
      },
    };
    definition.texts = {
      ...definition.texts,
      beskrivning: { label: { sv: '<img src=x onerror=alert(1)>', en: 'Describe the work' } },
      lista: { label: { sv: 'Välj', en: 'Choose' } },
    };
    expect(JSON.stringify(definition.schema).length).toBeGreaterThan(300_000);
    expect((await create('designer', definition)).status).toBe(201);

    const { status, body } = await publish('designer', 'gravning-farlig');
    expect(status).toBe(422);
    expect(body.code).toBe('publish-checks-failed');
    const errors = body.errors.filter((p: { severity: string }) => p.severity === 'error');
    const at = (fragment: string) => errors.some((p: { path: string }) => p.path.includes(fragment));
    expect(at('/plats')).toBe(true);
    expect(at('/texts/beskrivning')).toBe(true);
    expect(errors.some((p: { path: string }) => p.path.startsWith('/schema'))).toBe(true);
    expect((await admin('designer', '/gravning-farlig/versions')).body).toEqual([]);
    expect((await call(`${server.url}/api/t/ostersund/services/gravning-farlig`)).status).toBe(404);
  });

  it('when there is no draft to publish, or no such e-service, then 404', async () => {
    const noDraft = await publish('designer', 'lamna-din-ide');
    expect(noDraft.status).toBe(404);
    expect(noDraft.body.code).toBe('draft-not-found');
    expect((await publish('designer', 'finns-inte')).body.code).toBe('service-not-found');
  });
});

describe('GET /admin/services/{service}/diff', () => {
  it('when two versions, or a version and the draft, are compared, then the readable changes come back', async () => {
    const id = 'gravning-diff';
    await create('designer', digging(id));
    await publish('designer', id, 'Ett');
    await save('designer', id, digging(id, 'Grävning'));
    await publish('designer', id, 'Två');

    const between = await admin('designer', `/${id}/diff?from=1&to=2`);
    expect(between.status).toBe(200);
    expect(between.body).toContainEqual(expect.objectContaining({ path: expect.stringContaining('/title'), kind: 'changed', summary: expect.objectContaining({ sv: expect.any(String) }) }));
    expect((await admin('designer', `/${id}/diff?from=2&to=draft`)).body).toEqual([]);
    expect((await admin('designer', `/${id}/diff?from=draft&to=1`)).body.length).toBeGreaterThan(0);
  });

  it('when from or to is missing or not a version, then 400; when the version does not exist, then 404', async () => {
    expect((await admin('designer', '/lamna-din-ide/diff?from=1')).status).toBe(400);
    expect((await admin('designer', '/lamna-din-ide/diff?from=ett&to=1')).status).toBe(400);
    expect((await admin('designer', '/lamna-din-ide/diff?from=1&to=9')).body.code).toBe('version-not-found');
    expect((await admin('designer', '/lamna-din-ide/diff?from=1&to=draft')).body.code).toBe('draft-not-found');
  });
});

describe('export and import', () => {
  it('when a published e-service is exported, then it is a download in the forms/ format, equal to its file', async () => {
    const { status, headers, body } = await admin('designer', '/lamna-din-ide/export');
    expect(status).toBe(200);
    expect(headers.get('content-disposition')).toBe('attachment; filename="lamna-din-ide.json"');
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    const file = JSON.parse(await readFile(path.join(FORMS_DIR, 'ostersund', 'lamna-din-ide.json'), 'utf8'));
    expect(body).toEqual(file);
  });

  it('when an export is imported into another tenant and published there, then the same e-service comes back out', async () => {
    const id = 'gravning-export';
    await create('designer', digging(id));
    await publish('designer', id, 'Att exportera');
    const exported = await fetch(`${server.url}/api/t/ostersund/admin/services/${id}/export`, { headers: { cookie: staff.designer } });
    const text = await exported.text();
    expect(text.endsWith('}\n')).toBe(true);

    // Importing is creating from the file's content; the id is Östersund's already.
    const again = await create('designer', JSON.parse(text));
    expect(again.status).toBe(409);
    const imported = await create('krokom', JSON.parse(text), 'krokom');
    expect(imported.status).toBe(201);
    expect(imported.body.draft.definition).toEqual(digging(id));
    expect((await publish('krokom', id, 'Importerad från Östersund', 'krokom')).status).toBe(201);
    const back = await fetch(`${server.url}/api/t/krokom/admin/services/${id}/export`, { headers: { cookie: staff.krokom } });
    expect(await back.text()).toBe(text);
    expect((await call(`${server.url}/api/t/krokom/services/${id}`)).body).toMatchObject({ id, version: 1, owner: 'krokom' });
  });

  it('when the draft or a version is asked for, then that one is exported', async () => {
    const id = 'gravning-utkast';
    await create('designer', digging(id, 'Bara ett utkast'));
    const draft = await admin('designer', `/${id}/export`);
    expect(draft.body.title.sv).toBe('Bara ett utkast');
    expect((await admin('designer', `/${id}/export?version=draft`)).body).toEqual(draft.body);
    expect((await admin('designer', `/${id}/export?version=1`)).status).toBe(404);
  });
});

describe('retiring', () => {
  it('when an e-service is retired, then citizens are no longer offered it, its page is 404, and offering it again brings it back', async () => {
    const id = 'gravning-pensionera';
    await create('designer', digging(id));
    await publish('designer', id, 'Första');
    const listed = async () => (await call(`${server.url}/api/t/ostersund/services`)).body.map((s: { id: string }) => s.id);
    expect(await listed()).toContain(id);
    expect((await fetch(`${server.url}/t/ostersund/e/${id}`)).status).toBe(200);

    const retired = await admin('admin', `/${id}/retire`, { method: 'POST' });
    expect(retired.status).toBe(200);
    expect(retired.body).toEqual({ id, retired: true, retiredAt: expect.any(String) });
    expect(await listed()).not.toContain(id);
    expect((await call(`${server.url}/api/t/ostersund/services/${id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/t/ostersund/e/${id}`)).status).toBe(404);
    const sent = await call(`${server.url}/api/t/ostersund/services/${id}/submissions`, { body: { data: { plats: 'Storgatan 1', beskrivning: 'x' } } });
    expect(sent.status).toBe(404);
    expect((await admin('designer', '')).body).toContainEqual(expect.objectContaining({ id, retired: true, latestVersion: 1 }));

    const back = await admin('designer', `/${id}/retire`, { method: 'POST', body: { retired: false } });
    expect(back.body).toEqual({ id, retired: false, retiredAt: null });
    expect(await listed()).toContain(id);
  });

  it('when the collaboration retires a shared e-service, then its members stop offering it too', async () => {
    const memberList = async () => (await call(`${server.url}/api/t/krokom/services`)).body.map((s: { id: string }) => s.id);
    expect(await memberList()).toContain('vattenmatarstallning');
    expect((await admin('region', '/vattenmatarstallning/retire', { method: 'POST', tenant: REGION, body: { retired: true } })).status).toBe(200);
    expect(await memberList()).not.toContain('vattenmatarstallning');
    expect((await call(`${server.url}/api/t/krokom/services/vattenmatarstallning`)).status).toBe(404);
    await admin('region', '/vattenmatarstallning/retire', { method: 'POST', tenant: REGION, body: { retired: false } });
    expect(await memberList()).toContain('vattenmatarstallning');
  });

  it('when the e-service was never published, then 409; when it is not the tenant\'s, then 404; a bad body is 400', async () => {
    await create('designer', digging('gravning-opublicerad'));
    expect((await admin('designer', '/gravning-opublicerad/retire', { method: 'POST' })).status).toBe(409);
    expect((await admin('designer', '/felanmalan/retire', { method: 'POST' })).status).toBe(404);
    expect((await admin('designer', '/lamna-din-ide/retire', { method: 'POST', body: { retired: 'ja' } })).status).toBe(400);
    expect((await admin('caseworker', '/lamna-din-ide/retire', { method: 'POST' })).status).toBe(403);
  });
});

describe('the draft’s publish checks as it is saved', () => {
  it('when a label holds HTML, then the save still answers 200, with an error problem pointing at the field', async () => {
    await create('designer', digging('gravning-kontroll'));
    const clean = await save('designer', 'gravning-kontroll', digging('gravning-kontroll'));
    expect(clean.status).toBe(200);
    expect(clean.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);

    const html = digging('gravning-kontroll');
    html.texts.plats = { ...html.texts.plats!, label: { sv: '<img src=x onerror=alert(1)>', en: 'Where will you dig?' } };
    const saved = await save('designer', 'gravning-kontroll', html);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ definition: html, updatedAt: expect.any(String), stored: true });
    expect(saved.body.problems).toContainEqual({ path: '/texts/plats/label/sv', field: 'plats', severity: 'error', message: { sv: expect.any(String), en: expect.any(String) } });

    const checked = await admin('designer', '/gravning-kontroll/draft/check');
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({ problems: saved.body.problems });
  });

  it('when the draft routes to a queue the municipality lacks, then the save already says so, as publishing would', async () => {
    const lost = digging('gravning-kontroll');
    lost.routing = { queue: 'bygglov' };
    const saved = await save('designer', 'gravning-kontroll', lost);
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toContainEqual(expect.objectContaining({ path: '/routing/queue', severity: 'error' }));
    expect((await admin('designer', '/gravning-kontroll/draft/check')).body.problems).toContainEqual(expect.objectContaining({ path: '/routing/queue' }));
    expect((await save('designer', 'gravning-kontroll', digging('gravning-kontroll'))).status).toBe(200);
  });

  it('when the check is asked for by another tenant, without a session or with a query, then 404, 401 and 400', async () => {
    expect((await admin('krokom', '/gravning-kontroll/draft/check')).status).toBe(404);
    expect((await admin('nobody', '/gravning-kontroll/draft/check')).status).toBe(401);
    expect((await admin('designer', '/gravning-kontroll/draft/check?x=1')).status).toBe(400);
    expect((await admin('designer', '/finns-inte/draft/check')).status).toBe(404);
  });
});

describe('GET /admin/services/{service}/draft/validator.js', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  let imported = 0;
  async function importModule(source: string): Promise<ValidatorModuleExports> {
    const file = path.join(temp.dir, `draft-validator-${(imported += 1)}.mjs`);
    writeFileSync(file, source);
    return (await import(pathToFileURL(file).href)) as ValidatorModuleExports;
  }
  const now = new Date('2026-05-08T10:00:00Z');

  it('when the designer asks, then the draft’s current validator module, uncached, that checks as compileService does', async () => {
    const draft = digging('gravning-forhand');
    await create('designer', draft);
    const first = await admin('designer', '/gravning-forhand/draft/validator.js');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const module = await importModule(first.body as string);
    const compiled = compileService(draft);
    const cases: unknown[] = [{}, { plats: 'x' }, { plats: 'Storgatan 1', beskrivning: 'Fiber' }, { plats: 'Storgatan 1', beskrivning: 'Fiber', annat: 1 }];
    for (const answers of cases) expect(issuesOfValidate(module.validate, answers, now)).toEqual(compiled.validate(answers, { now }));
    expect(issuesOfValidate(module.validate, {}, now).map((issue) => issue.path).sort()).toEqual(['/beskrivning', '/plats']);

    // After an autosave the module follows the draft.
    const edited = digging('gravning-forhand');
    edited.schema = { ...edited.schema, required: ['plats'] };
    expect((await save('designer', 'gravning-forhand', edited)).status).toBe(200);
    const after = await importModule((await admin('admin', '/gravning-forhand/draft/validator.js')).body as string);
    expect(issuesOfValidate(after.validate, {}, now).map((issue) => issue.path)).toEqual(['/plats']);
  });

  it('when another tenant, a case worker or nobody asks, then 404, 403 and 401, with no module', async () => {
    const krokom = await admin('krokom', '/gravning-forhand/draft/validator.js');
    expect(krokom.status).toBe(404);
    expect(krokom.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await admin('krokom', '/gravning-forhand/draft/validator.js', { tenant: 'krokom' })).status).toBe(404);
    expect((await admin('caseworker', '/gravning-forhand/draft/validator.js')).status).toBe(403);
    const nobody = await admin('nobody', '/gravning-forhand/draft/validator.js');
    expect(nobody.status).toBe(401);
    expect(typeof nobody.body).toBe('object');
  });
});

describe('the drafts’ validator module cache', () => {
  it('when the same draft is asked for again, even with its keys in another order, then it is bundled once; a changed draft is bundled anew', async () => {
    const bundled: string[] = [];
    const modules = createDraftValidatorModules(async (version) => {
      bundled.push(version.definition.title.sv ?? '');
      return { source: `export const n = ${bundled.length};`, etag: '"x"' };
    }, 2);
    const draft = digging('gravning-cache');
    const reordered = Object.fromEntries(Object.entries(draft).reverse()) as unknown as ServiceDefinition;
    const [a, b] = await Promise.all([modules.get('ostersund', 'gravning-cache', draft), modules.get('ostersund', 'gravning-cache', reordered)]);
    expect(b).toBe(a);
    expect(modules.builds).toBe(1);
    await modules.get('ostersund', 'gravning-cache', digging('gravning-cache', 'Ändrad'));
    await modules.get('krokom', 'gravning-cache', draft);
    expect(modules.builds).toBe(3);
    // Only two are kept: the least recently used (the first) was dropped.
    await modules.get('ostersund', 'gravning-cache', draft);
    expect(modules.builds).toBe(4);
    expect(bundled).toEqual(['Ansök om grävtillstånd', 'Ändrad', 'Ansök om grävtillstånd', 'Ansök om grävtillstånd']);
  });

  it('when a draft cannot be bundled, then the request rejects, and asking again does not bundle again', async () => {
    let builds = 0;
    const modules = createDraftValidatorModules(async () => {
      builds += 1;
      throw new Error('no');
    });
    await expect(modules.get('ostersund', 'x1', digging('x1'))).rejects.toThrow('no');
    await expect(modules.get('ostersund', 'x1', digging('x1'))).rejects.toThrow('no');
    expect(builds).toBe(1);
  });
});
