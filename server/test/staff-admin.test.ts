import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_LOG } from '@samform/store';
import { call, logIn, startTestServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
let admin: Record<string, string>;
const api = (path: string): string => `${server.url}/api/t/ostersund${path}`;

beforeAll(async () => {
  server = await startTestServer();
  admin = { cookie: await logIn(server.url, 'ostersund.admin', 'demo-ostersund'), origin: server.url };
}, 60_000);
afterAll(() => server.close());

async function signIn(username: string, password: string): Promise<number> {
  return (await call(`${server.url}/api/auth/login`, { body: { username, password }, headers: { origin: server.url } })).status;
}

async function auditKinds(tenant = 'ostersund'): Promise<string[]> {
  return (await server.store.listAudit(tenant, { limit: 500 })).map((e) => e.kind);
}

describe('staff accounts', () => {
  it('when an admin lists staff, then only this tenant’s accounts and roles are shown, never a hash', async () => {
    const { status, body } = await call(api('/staff'), { headers: admin });
    expect(status).toBe(200);
    const names = body.map((s: { username: string }) => s.username);
    expect(names).toEqual(expect.arrayContaining(['ostersund.admin', 'ostersund.designer', 'ostersund.granskare', 'ostersund.handlaggare']));
    expect(names.every((n: string) => n.startsWith('ostersund.'))).toBe(true);
    expect(body.find((s: { username: string }) => s.username === 'ostersund.handlaggare')).toMatchObject({ roles: ['caseworker'], queues: expect.arrayContaining(['va']) });
    expect(JSON.stringify(body)).not.toContain('scrypt');
  });

  it('when an account is created without a password, then a one-time initial password signs it in, and the list never shows it', async () => {
    const { status, body } = await call(api('/staff'), { headers: admin, body: { username: 'ostersund.ny', displayName: 'Ny Handläggare', roles: ['caseworker'], queues: ['avfall'] } });
    expect(status).toBe(201);
    expect(body.initialPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(body.staff).toMatchObject({ username: 'ostersund.ny', roles: ['caseworker'], queues: ['avfall'], disabled: false });
    expect(await signIn('ostersund.ny', body.initialPassword)).toBe(200);
    expect(JSON.stringify((await call(api('/staff'), { headers: admin })).body)).not.toContain(body.initialPassword);
    expect(await auditKinds()).toContain('staff-created');
  });

  it('when the body is bad, then 422 with a JSON pointer at each problem, and when the username is taken, 409', async () => {
    const bad = await call(api('/staff'), { headers: admin, body: { username: 'X', displayName: '', roles: ['boss'], queues: ['nope'], password: 'short' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/displayName', '/password', '/queues/0', '/roles/0', '/username']);
    const taken = await call(api('/staff'), { headers: admin, body: { username: 'are.admin', displayName: 'Dubblett', roles: ['designer'], password: 'a-long-enough-password' } });
    expect(taken.status).toBe(409);
  });

  it('when a case worker is given one queue, then they see and work only that one', async () => {
    const created = await call(api('/staff'), { headers: admin, body: { username: 'ostersund.va', displayName: 'VA', roles: ['caseworker'], queues: ['va'], password: 'vatten-och-avlopp' } });
    expect(created.status).toBe(201);
    const cookie = { cookie: await logIn(server.url, 'ostersund.va', 'vatten-och-avlopp'), origin: server.url };
    expect((await call(api('/queues'), { headers: cookie })).body.map((q: { id: string }) => q.id)).toEqual(['va']);
    expect((await call(api('/queues/va/items'), { headers: cookie })).status).toBe(200);
    expect((await call(api('/queues/avfall/items'), { headers: cookie })).status).toBe(403);
    // Rights are read per request: the new queue works without signing in again.
    const changed = await call(api(`/staff/${created.body.staff.id}`), { method: 'PATCH', headers: admin, body: { queues: ['va', 'avfall'] } });
    expect(changed.body.queues).toEqual(['va', 'avfall']);
    expect((await call(api('/queues/avfall/items'), { headers: cookie })).status).toBe(200);
  });

  it('when an account is disabled, then its open session dies at once and it cannot sign in; enabled, it can again', async () => {
    const created = await call(api('/staff'), { headers: admin, body: { username: 'ostersund.tillfallig', displayName: 'Tillfällig', roles: ['designer'], password: 'tillfalligt-losen' } });
    const cookie = await logIn(server.url, 'ostersund.tillfallig', 'tillfalligt-losen');
    expect((await call(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await call(api(`/staff/${created.body.staff.id}`), { method: 'PATCH', headers: admin, body: { disabled: true } })).status).toBe(200);
    expect((await call(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    expect((await call(api('/admin/services'), { headers: { cookie } })).status).toBe(401);
    expect(await signIn('ostersund.tillfallig', 'tillfalligt-losen')).toBe(401);
    await call(api(`/staff/${created.body.staff.id}`), { method: 'PATCH', headers: admin, body: { disabled: false } });
    expect(await signIn('ostersund.tillfallig', 'tillfalligt-losen')).toBe(200);
  });

  it('when an admin tries to drop their own admin role or disable themselves, then 409 and nothing changes', async () => {
    const me = (await call(`${server.url}/api/auth/me`, { headers: admin })).body.user;
    const demote = await call(api(`/staff/${me.id}`), { method: 'PATCH', headers: admin, body: { roles: ['designer'] } });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('own-admin-role');
    expect((await call(api(`/staff/${me.id}`), { method: 'PATCH', headers: admin, body: { disabled: true } })).status).toBe(409);
    expect((await server.store.getStaffUser(me.id))?.tenantRoles['ostersund']).toEqual(['admin']);
  });

  it('when a password is reset, then the old one fails and the new one (set or made) works; too short is 422', async () => {
    const created = await call(api('/staff'), { headers: admin, body: { username: 'ostersund.glomsk', displayName: 'Glömsk', roles: ['auditor'], password: 'forsta-losenordet' } });
    const url = api(`/staff/${created.body.staff.id}/password`);
    expect((await call(url, { headers: admin, body: { password: 'kort' } })).body.errors).toEqual([expect.objectContaining({ path: '/password' })]);
    expect((await call(url, { headers: admin, body: { password: 'andra-losenordet' } })).status).toBe(200);
    expect(await signIn('ostersund.glomsk', 'forsta-losenordet')).toBe(401);
    expect(await signIn('ostersund.glomsk', 'andra-losenordet')).toBe(200);
    const made = await call(url, { method: 'POST', headers: admin });
    expect(await signIn('ostersund.glomsk', made.body.initialPassword)).toBe(200);
  });

  it("when an admin patches another tenant's account by id, then 404", async () => {
    const are = await server.store.findStaffUserByUsername('are.admin');
    expect((await call(api(`/staff/${are!.id}`), { method: 'PATCH', headers: admin, body: { disabled: true } })).status).toBe(404);
    expect((await server.store.getStaffUser(are!.id))?.disabled).toBe(false);
  });
});

describe('API keys', () => {
  it('when a key is created, then its secret is shown once, works on the queues, and the list shows its prefix and last use', async () => {
    const { status, body } = await call(api('/api-keys'), { headers: admin, body: { label: 'Ärendesystemet' } });
    expect(status).toBe(201);
    expect(body.secret).toMatch(/^sfk_/);
    expect(body.key).toMatchObject({ label: 'Ärendesystemet', prefix: body.secret.slice(0, 10), queues: null, lastUsedAt: null });
    expect((await call(api('/queues'), { headers: { authorization: `Bearer ${body.secret}` } })).status).toBe(200);
    const listed = (await call(api('/api-keys'), { headers: admin })).body;
    const row = listed.find((k: { id: string }) => k.id === body.key.id);
    expect(row.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(body.secret);
    expect(JSON.stringify(listed)).not.toContain('hash');
  });

  it('when a key is limited to a queue, then other queues answer 403 and the list holds only its own', async () => {
    const { body } = await call(api('/api-keys'), { headers: admin, body: { label: 'VA-systemet', queues: ['va'] } });
    const key = { authorization: `Bearer ${body.secret}` };
    expect((await call(api('/queues'), { headers: key })).body.map((q: { id: string }) => q.id)).toEqual(['va']);
    expect((await call(api('/queues/avfall/lease'), { method: 'POST', headers: key })).status).toBe(403);
  });

  it('when a key is rotated, then the old secret is dead and the new one works; revoked, it is dead', async () => {
    const { body } = await call(api('/api-keys'), { headers: admin, body: { label: 'Roteras' } });
    const rotated = await call(api(`/api-keys/${body.key.id}/rotate`), { method: 'POST', headers: admin });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(body.secret);
    expect((await call(api('/queues'), { headers: { authorization: `Bearer ${body.secret}` } })).status).toBe(401);
    expect((await call(api('/queues'), { headers: { authorization: `Bearer ${rotated.body.secret}` } })).status).toBe(200);
    expect((await call(api(`/api-keys/${body.key.id}`), { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await call(api('/queues'), { headers: { authorization: `Bearer ${rotated.body.secret}` } })).status).toBe(401);
    expect((await call(api(`/api-keys/${body.key.id}`), { method: 'DELETE', headers: admin })).status).toBe(404);
    const kinds = await auditKinds();
    expect(kinds).toEqual(expect.arrayContaining(['api-key-created', 'api-key-rotated', 'api-key-revoked']));
  });
});

describe('the audit log', () => {
  it('when logins succeed and fail, then the account’s tenant log has them; an unknown username goes to the platform log, scrubbed', async () => {
    expect(await signIn('ostersund.designer', 'wrong-password')).toBe(401);
    expect(await signIn('199001011234', 'whatever')).toBe(401);
    const entries = await server.store.listAudit('ostersund', { limit: 500 });
    expect(entries.find((e) => e.kind === 'login-failed')).toMatchObject({ actor: { kind: 'staff', username: 'ostersund.designer' }, detail: { reason: 'wrong-password' }, ip: '127.0.0.0' });
    expect(entries.some((e) => e.kind === 'login' && e.actor.kind === 'staff' && e.actor.username === 'ostersund.admin')).toBe(true);
    const platform = await server.store.listAudit(PLATFORM_LOG, { kind: 'login-failed' });
    expect(platform[0]?.actor).toEqual({ kind: 'anonymous', username: '[personnummer]' });
    expect(JSON.stringify(platform)).not.toContain('199001011234');
  });

  it('when a staff member reads a queue item, then the read is logged with who and which item', async () => {
    const caseworker = { cookie: await logIn(server.url, 'ostersund.handlaggare', 'demo-ostersund') };
    const items = (await call(api('/queues/ideer/items'), { headers: caseworker })).body as { id: string }[];
    const entries = await server.store.listAudit('ostersund', { kind: 'queue-items-listed' });
    expect(entries[0]).toMatchObject({ target: 'ideer', actor: { username: 'ostersund.handlaggare' }, detail: { count: items.length } });
  });

  it('when an auditor pages through the log, then newest first, filtered by kind, with a cursor; a designer gets 403', async () => {
    const auditor = { cookie: await logIn(server.url, 'ostersund.granskare', 'demo-ostersund') };
    const first = await call(api('/audit?limit=2'), { headers: auditor });
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.entries[0].at >= first.body.entries[1].at).toBe(true);
    const second = await call(api(`/audit?limit=2&before=${encodeURIComponent(first.body.next)}`), { headers: auditor });
    expect(second.body.entries[0].id).not.toBe(first.body.entries[0].id);
    const logins = await call(api('/audit?kind=login'), { headers: auditor });
    expect(logins.body.entries.every((e: { kind: string }) => e.kind === 'login')).toBe(true);
    expect((await call(api('/audit?kind[$ne]=x'), { headers: auditor })).status).toBe(400);
    const designer = { cookie: await logIn(server.url, 'ostersund.designer', 'demo-ostersund') };
    expect((await call(api('/audit'), { headers: designer })).status).toBe(403);
  });

  it('when a designer autosaves a draft many times, then the log holds one draft entry for it', async () => {
    const designer = { cookie: await logIn(server.url, 'ostersund.designer', 'demo-ostersund'), origin: server.url };
    const { definition } = (await call(api('/admin/services/lamna-din-ide/draft'), { headers: designer })).body;
    for (let i = 0; i < 3; i++) expect((await call(api('/admin/services/lamna-din-ide/draft'), { method: 'PUT', headers: designer, body: { definition } })).status).toBe(200);
    expect((await server.store.listAudit('ostersund', { kind: 'service-draft-saved' })).filter((e) => e.target === 'lamna-din-ide')).toHaveLength(1);
  });
});

describe('the platform administrator', () => {
  it('when the platform admin creates a tenant and appoints its first admin, then that admin can manage its staff', async () => {
    const platform = { cookie: await logIn(server.url, 'plattform.admin', 'demo-plattform'), origin: server.url };
    expect((await call(`${server.url}/api/platform/tenants`, { headers: platform })).body.map((t: { id: string }) => t.id)).toContain('ostersund');
    const bad = await call(`${server.url}/api/platform/tenants`, { headers: platform, body: { id: 'X', kind: 'county' } });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/id', '/kind', '/name']);
    const created = await call(`${server.url}/api/platform/tenants`, { headers: platform, body: { id: 'ytterby', name: 'Ytterby kommun', kind: 'municipality', memberOf: ['region-jamtland-harjedalen'] } });
    expect(created.status).toBe(201);
    expect((await call(`${server.url}/api/platform/tenants`, { headers: platform, body: { id: 'ytterby', name: 'Igen', kind: 'municipality' } })).status).toBe(409);
    const appointed = await call(`${server.url}/api/platform/tenants/ytterby/admins`, { headers: platform, body: { username: 'ytterby.admin', displayName: 'Admin, Ytterby' } });
    expect(appointed.status).toBe(201);
    const ytterby = { cookie: await logIn(server.url, 'ytterby.admin', appointed.body.initialPassword), origin: server.url };
    expect((await call(`${server.url}/api/t/ytterby/staff`, { headers: ytterby })).body.map((s: { username: string }) => s.username)).toEqual(['ytterby.admin']);
    // The platform admin has no right inside a tenant, and a tenant admin none over tenants.
    expect((await call(`${server.url}/api/t/ytterby/staff`, { headers: platform })).status).toBe(404);
    expect((await call(`${server.url}/api/platform/tenants`, { headers: ytterby })).status).toBe(403);
    expect((await server.store.listAudit(PLATFORM_LOG)).map((e) => e.kind)).toEqual(expect.arrayContaining(['tenant-created', 'tenant-admin-appointed']));
  });

  it('when a municipality is created, then it has a first queue of its own, so its admin can adopt a shared e-service at once', async () => {
    const platform = { cookie: await logIn(server.url, 'plattform.admin', 'demo-plattform'), origin: server.url };
    expect((await call(`${server.url}/api/platform/tenants`, { headers: platform, body: { id: 'nyby', name: 'Nyby kommun', kind: 'municipality', memberOf: ['region-jamtland-harjedalen'] } })).status).toBe(201);
    const appointed = await call(`${server.url}/api/platform/tenants/nyby/admins`, { headers: platform, body: { username: 'nyby.admin', displayName: 'Admin, Nyby' } });
    const nyby = { cookie: await logIn(server.url, 'nyby.admin', appointed.body.initialPassword), origin: server.url };
    expect((await call(`${server.url}/api/t/nyby/queues`, { headers: nyby })).body.map((q: { id: string }) => q.id)).toEqual(['arenden']);
    const adopted = await call(`${server.url}/api/t/nyby/adoptions`, {
      headers: nyby,
      body: { service: 'region-jamtland-harjedalen/uppehall-i-hamtning', overrides: { routing: { queue: 'arenden' } } },
    });
    expect(adopted.status).toBe(201);
    // A collaboration takes no cases, so it gets no queue.
    expect((await call(`${server.url}/api/platform/tenants`, { headers: platform, body: { id: 'nysam', name: 'Nysamverkan', kind: 'collaboration' } })).status).toBe(201);
    expect(await server.store.listQueues('nysam')).toEqual([]);
  });
});
