import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileService } from '@samform/model';
import type { ServiceDefinition, ServiceVersion, ValidatorModuleExports } from '@samform/model';
import { issuesOfValidate } from '@samform/model';
import { createApp } from '../src/app.ts';
import { bundleValidatorModule, createValidatorModuleCache } from '../src/services/validator-module.ts';
import type { ValidatorModule } from '../src/services/validator-module.ts';
import { call, listen, LogCapture, startTestServer, tempDir } from './harness.ts';
import type { TestServer } from './harness.ts';

const REGION = 'region-jamtland-harjedalen';
const now = new Date('2026-05-08T10:00:00Z');

function form(file: string): ServiceDefinition {
  return JSON.parse(readFileSync(new URL(`../../forms/${file}.json`, import.meta.url), 'utf8')) as ServiceDefinition;
}

function versionOf(definition: ServiceDefinition, version = 1): ServiceVersion {
  return { owner: REGION, serviceId: definition.id, version, definition, publishedAt: '2026-05-01T00:00:00Z' };
}

const temp = tempDir();
let imported = 0;
/** The module as a browser gets it: written to a file and imported, with nothing else to resolve. */
async function importModule(source: string): Promise<ValidatorModuleExports> {
  const file = path.join(temp.dir, `validator-${(imported += 1)}.mjs`);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as ValidatorModuleExports;
}
afterAll(() => temp.cleanup());

describe('the bundled validator module', () => {
  const pause = form(`${REGION}/uppehall-i-hamtning`);
  const emptying = form(`${REGION}/bestall-slamtomning`);
  let pauseModule: ValidatorModuleExports;
  let emptyingModule: ValidatorModuleExports;
  let pauseSource: ValidatorModule;
  beforeAll(async () => {
    pauseSource = await bundleValidatorModule(versionOf(pause));
    pauseModule = await importModule(pauseSource.source);
    emptyingModule = await importModule((await bundleValidatorModule(versionOf(emptying))).source);
  });

  it('when bundled, then it is one module that requires and imports nothing and compiles nothing', () => {
    expect(pauseSource.source).not.toMatch(/\brequire\s*\(\s*"(?!ajv\/dist\/runtime)/);
    expect(pauseSource.source).not.toMatch(/^\s*import\b|[;}]\s*import\s*[{*\w]/m);
    expect(pauseSource.source).not.toMatch(/new Function|\bFunction\(/);
    expect(pauseSource.etag).toMatch(/^"[\w-]{43}"$/);
  });

  it('when the pause form’s answers are valid or not, then it finds exactly what compileService finds', () => {
    const compiled = compileService(pause);
    const cases: unknown[] = [
      {
        personnummer: '19121212-1212',
        property: 'Östersund Arvesgården 4:12',
        role: 'owner',
        from: '2026-07-01',
        to: '2026-12-01',
        contact: { email: 'tolvan@exempel.se', phone: '070-174 06 50' },
      },
      {},
      {
        property: 'Arvesgården',
        role: 'tenant',
        from: '2026-05-20',
        to: '2026-05-01',
        contact: { email: 'inte en adress' },
        extra: true,
      },
      { property: 'Östersund Arvesgården 4:12', role: 'owner', from: '2026-07-01', to: '2027-12-01', contact: {} },
    ];
    const [valid, ...invalid] = cases;
    expect(issuesOfValidate(pauseModule.validate, valid, now)).toEqual([]);
    expect(compiled.validate(valid, { now })).toEqual([]);
    for (const answers of invalid) {
      const expected = compiled.validate(answers, { now });
      expect(expected.length).toBeGreaterThan(0);
      expect(issuesOfValidate(pauseModule.validate, answers, now)).toEqual(expected);
    }
    const keywords = compiled.validate(invalid[1], { now }).map((issue) => issue.keyword);
    expect(keywords).toEqual(expect.arrayContaining(['additionalProperties', 'format', 'enum', 'dateRule', 'dateRange']));
  });

  it('when "now" moves, then the module’s date rule moves with it, as the server’s does', () => {
    const answers = { personnummer: '19121212-1212', property: 'Östersund Arvesgården 4:12', role: 'owner', from: '2026-07-01', to: '2026-12-01', contact: { email: 'a@b.se' } };
    const later = new Date('2026-06-15T10:00:00Z');
    expect(issuesOfValidate(pauseModule.validate, answers, later)).toEqual(compileService(pause).validate(answers, { now: later }));
    expect(issuesOfValidate(pauseModule.validate, answers, later).map((issue) => issue.path)).toEqual(['/from']);
  });

  it('when the emptying form asks for a set day, then the if/then rule holds in the module as in compileService', () => {
    const compiled = compileService(emptying);
    const base = { customerNumber: '104527', facilityNumber: '40213', ordinaryRound: true, contact: { name: 'Tolvan Tolvansson', phone: '070-174 06 50' } };
    const cases = [
      { ...base, kind: 'urgent' },
      { ...base, kind: 'set-day' },
      { ...base, kind: 'set-day', day: '2026-05-11' },
      { ...base, kind: 'set-day', day: '2026-05-29' },
      { kind: 'set-day', customerNumber: '12' },
    ];
    const results = cases.map((answers) => issuesOfValidate(emptyingModule.validate, answers, now));
    expect(results).toEqual(cases.map((answers) => compiled.validate(answers, { now })));
    expect(results[0]).toEqual([]);
    expect(results[1]).toEqual([{ path: '/day', keyword: 'required', params: { missingProperty: 'day' } }]);
    expect(results[2]?.map((issue) => issue.keyword)).toEqual(['dateRule']);
    expect(results[3]).toEqual([]);
  });

  it('when a module is built, then it exports the validator alone: the page resolves conditions without it (ADR 0018)', () => {
    expect(Object.keys(emptyingModule)).toEqual(['validate']);
  });

  it('when the schema carries texts, then the module still checks exactly as compileService does', async () => {
    const titled = { ...pause, schema: { ...pause.schema, title: 'Uppehåll' } };
    const module = await importModule((await bundleValidatorModule(versionOf(titled, 2))).source);
    expect(issuesOfValidate(module.validate, {}, now)).toEqual(compileService(titled).validate({}, { now }));
  });

  it('when a version is warmed twice, then it is bundled once', async () => {
    let bundled = 0;
    const cache = createValidatorModuleCache(async (version) => {
      bundled += 1;
      return bundleValidatorModule(version);
    });
    const version = versionOf(pause);
    expect(cache.get(version)).toEqual({ state: 'absent' });
    const [first, second] = await Promise.all([cache.warm(version), cache.warm(version)]);
    expect(second).toBe(first);
    expect(cache.get(version)).toEqual({ state: 'ready', module: first });
    expect([bundled, cache.size]).toEqual([1, 1]);
  });

  it('when versions of other services have the same schema, then one module is bundled and served for both', async () => {
    let bundled = 0;
    const cache = createValidatorModuleCache(async (version) => {
      bundled += 1;
      return bundleValidatorModule(version);
    });
    const copy = { ...versionOf(pause), owner: 'jamtland', serviceId: 'kopia', definition: { ...pause, id: 'kopia', title: { sv: 'Kopia' } } };
    const [first, second] = await Promise.all([cache.warm(versionOf(pause)), cache.warm(copy)]);
    expect(second).toBe(first);
    expect(cache.get(copy)).toEqual({ state: 'ready', module: first });
    expect([bundled, cache.size]).toEqual([1, 2]);
  });
});

describe('GET /api/t/{tenant}/services/{service}/versions/{version}/validator.js', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(() => server?.close());

  const urlOf = (tenant: string, service: string, version: number | string): string =>
    `${server.url}/api/t/${tenant}/services/${service}/versions/${version}/validator.js`;

  it('when a municipality asks for its own e-service’s version, then it gets an immutable, cached JavaScript module', async () => {
    const response = await fetch(urlOf('ostersund', 'lamna-din-ide', 1));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{43}"$/);
    expect(response.headers.get('set-cookie')).toBeNull();
    const module = await importModule(await response.text());
    const idea = (await call(`${server.url}/api/t/ostersund/services/lamna-din-ide`)).body as ServiceDefinition;
    expect(issuesOfValidate(module.validate, {}, now)).toEqual(compileService(idea).validate({}, { now }));
    expect(issuesOfValidate(module.validate, {}, now).length).toBeGreaterThan(0);
  });

  it('when the browser asks again with its ETag, then 304 without a body', async () => {
    const first = await fetch(urlOf('ostersund', 'lamna-din-ide', 1));
    await first.arrayBuffer();
    // As a browser revalidates; fetch would otherwise add `Cache-Control: no-cache`, which forbids a 304.
    const headers = { 'if-none-match': first.headers.get('etag')!, 'cache-control': 'max-age=0' };
    const again = await fetch(urlOf('ostersund', 'lamna-din-ide', 1), { headers });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('when a member asks for an adopted shared e-service, then it gets the owner’s module of that version', async () => {
    const member = await fetch(urlOf('ostersund', 'bestall-slamtomning', 1));
    const owner = await fetch(urlOf(REGION, 'bestall-slamtomning', 1));
    expect([member.status, owner.status]).toEqual([200, 200]);
    expect(member.headers.get('etag')).toBe(owner.headers.get('etag'));
    expect(await member.text()).toBe(await owner.text());
    // The member's overrides may change under the same version number: revalidate, never keep blindly.
    expect(member.headers.get('cache-control')).toBe('no-cache');
    // (As a browser revalidates: fetch alone would add `Cache-Control: no-cache`, which forbids a 304.)
    const again = await fetch(urlOf('ostersund', 'bestall-slamtomning', 1), { headers: { 'if-none-match': member.headers.get('etag') ?? '', 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
  });

  it('when the tenant, service or version is unknown, then 404', async () => {
    const unknownTenant = await call(urlOf('atlantis', 'lamna-din-ide', 1));
    expect([unknownTenant.status, unknownTenant.body.code]).toEqual([404, 'tenant-not-found']);
    const unknownService = await call(urlOf('ostersund', 'finns-inte', 1));
    expect([unknownService.status, unknownService.body.code]).toEqual([404, 'service-not-found']);
    const unknownVersion = await call(urlOf('ostersund', 'lamna-din-ide', 2));
    expect([unknownVersion.status, unknownVersion.body.code]).toEqual([404, 'version-not-found']);
    for (const version of ['0', '01', 'latest', '1.0']) {
      expect((await call(urlOf('ostersund', 'lamna-din-ide', version))).status).toBe(404);
    }
  });

  it('when a tenant does not serve the e-service, then 404 even though another tenant does', async () => {
    expect((await call(urlOf('krokom', 'lamna-din-ide', 1))).status).toBe(404);
    expect((await call(urlOf('sundsvall', 'vattenmatarstallning', 1))).status).toBe(404);
    expect((await call(urlOf('ostersund', 'medborgarforslag', 1))).status).toBe(404);
    expect((await call(urlOf('sundsvall', 'medborgarforslag', 1))).status).toBe(200);
  });

  it('when a version’s module is not built yet, then 503 at once, and the module once the background build is done', async () => {
    const modules = createValidatorModuleCache();
    const cold = await listen(createApp({ store: server.store, validatorModules: modules, logDestination: new LogCapture() }));
    try {
      const first = await call(`${cold.url}/api/t/ostersund/services/lamna-din-ide/versions/1/validator.js`);
      expect([first.status, first.body.code, first.headers.get('retry-after')]).toEqual([503, 'validator-not-ready', '5']);
      expect(first.headers.get('cache-control')).toBe('no-store');
      const version = await server.store.getServiceVersion('ostersund', 'lamna-din-ide', 1);
      await modules.warm(version!);
      expect((await fetch(`${cold.url}/api/t/ostersund/services/lamna-din-ide/versions/1/validator.js`)).status).toBe(200);
    } finally {
      await cold.close();
    }
  });
});
