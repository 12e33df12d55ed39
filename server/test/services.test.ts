import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const REGION = 'region-jamtland-harjedalen';

describe('GET /api/t/{tenant}/services', () => {
  it('when a member municipality lists its e-services, then it gets its own and the adopted shared ones', async () => {
    const { status, body } = await call(`${server.url}/api/t/ostersund/services`);
    expect(status).toBe(200);
    expect(body).toContainEqual({
      id: 'lamna-din-ide',
      version: 1,
      title: { sv: 'Lämna din idé', en: 'Share your idea' },
      description: expect.objectContaining({ sv: expect.stringContaining('Östersund'), en: expect.any(String) }),
      category: 'ideer',
      owner: 'ostersund',
      shared: false,
    });
    expect(body).toContainEqual(expect.objectContaining({ id: 'felanmalan', version: 1, owner: REGION, shared: true }));
    const ids = body.map((s: { id: string }) => s.id);
    expect(ids).toEqual(['agarbyte', 'andra-avfallsabonnemang', 'bestall-slamtomning', 'felanmalan', 'lamna-din-ide', 'uppehall-i-hamtning', 'vattenmatarstallning']);
  });

  it('when a municipality of the other collaboration lists, then it sees that collaboration\'s shared e-services only', async () => {
    const { body } = await call(`${server.url}/api/t/krokom/services`);
    expect(body.every((s: { owner: string; shared: boolean }) => s.owner === REGION && s.shared)).toBe(true);
    const sundsvall = await call(`${server.url}/api/t/sundsvall/services`);
    expect(sundsvall.body.map((s: { owner: string }) => s.owner)).not.toContain(REGION);
    expect(sundsvall.body).toContainEqual(expect.objectContaining({ id: 'medborgarforslag', owner: 'sundsvall', shared: false }));
  });

  it('when a collaboration lists, then it gets its own e-services, not shared-flagged', async () => {
    const { status, body } = await call(`${server.url}/api/t/${REGION}/services`);
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((s: { owner: string; shared: boolean }) => s.owner === REGION && !s.shared)).toBe(true);
  });

  it('when the tenant is unknown, then 404 tenant-not-found', async () => {
    const { status, body } = await call(`${server.url}/api/t/atlantis/services`);
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'tenant-not-found', message: expect.any(String) });
  });
});

describe('GET /api/t/{tenant}/services/{service}', () => {
  it('when an adopted e-service is asked for, then its effective definition comes with version, owner and shared', async () => {
    const { status, body } = await call(`${server.url}/api/t/ostersund/services/felanmalan`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'felanmalan', version: 1, owner: REGION, shared: true, routing: { queue: 'gata' } });
    expect(body.schema.type).toBe('object');
    expect(body.uiSchema).toBeTypeOf('object');
    expect(body.title.sv).toBeTypeOf('string');
  });

  it('when an own e-service is asked for, then shared is false', async () => {
    const { body } = await call(`${server.url}/api/t/ostersund/services/lamna-din-ide`);
    expect(body).toMatchObject({ id: 'lamna-din-ide', owner: 'ostersund', shared: false, version: 1 });
  });

  it('when the e-service is unknown, then 404 service-not-found', async () => {
    const { status, body } = await call(`${server.url}/api/t/ostersund/services/finns-inte`);
    expect(status).toBe(404);
    expect(body.code).toBe('service-not-found');
  });

  it('when the collaboration publishes a new version, then followers serve it', async () => {
    const latest = (await server.store.getServiceVersion(REGION, 'vattenmatarstallning'))!;
    const changed = { ...latest.definition, title: { sv: 'Lämna mätarställning (ny)', en: 'Submit a meter reading (new)' } };
    await server.store.publishServiceVersion(REGION, { ...latest, version: latest.version + 1, definition: changed, publishedAt: new Date().toISOString() });
    const { body } = await call(`${server.url}/api/t/krokom/services/vattenmatarstallning`);
    expect(body.version).toBe(latest.version + 1);
    expect(body.title.sv).toBe('Lämna mätarställning (ny)');
  });

  it('when an adoption is pinned to a version, then that version is served and listed', async () => {
    const adoption = (await server.store.getAdoption('berg', REGION, 'vattenmatarstallning'))!;
    await server.store.putAdoption('berg', { ...adoption, track: 1 });
    const one = await call(`${server.url}/api/t/berg/services/vattenmatarstallning`);
    expect(one.body.version).toBe(1);
    const list = await call(`${server.url}/api/t/berg/services`);
    expect(list.body).toContainEqual(expect.objectContaining({ id: 'vattenmatarstallning', version: 1 }));
  });
});
