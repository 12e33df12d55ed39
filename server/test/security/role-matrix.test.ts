/**
 * Security suite, item 11: every staff endpoint × every role × own and other tenant → the
 * expected status, generated from one table. The endpoints and the permission each needs come
 * from API_ENDPOINTS; who holds a permission comes from PERMISSIONS; the expected refusal (or
 * none) is derived here from both. A second test checks the app serves exactly the endpoints of
 * the table, so a new endpoint cannot go untested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@samform/store';
import { createApp } from '../../src/app.ts';
import { hashApiKey } from '../../src/auth/hash-api-key.ts';
import { hashPassword } from '../../src/auth/password-hash.ts';
import { PERMISSIONS } from '../../src/auth/permissions.ts';
import type { Permission } from '../../src/auth/permissions.ts';
import { API_ENDPOINTS } from '../../src/routes/endpoint-registry.ts';
import type { EndpointSpec } from '../../src/routes/endpoint-registry.ts';
import { CHEAP_COST, call, logIn, startTestServer } from '../harness.ts';
import type { TestServer } from '../harness.ts';

const OWN = 'ostersund';
const OTHER = 'are';
const QUEUE = 'va';
const NO_ID = '00000000-0000-4000-8000-000000000000';

/** Who asks: their credentials and what they hold in the own tenant. */
interface Caller {
  name: string;
  kind: 'staff' | 'api-key' | 'anonymous';
  /** Roles in the own tenant (staff). */
  roles: StaffRole[];
  /** For queue-bound permissions: the queues they reach; null for all. */
  queues: string[] | null;
  platformAdmin: boolean;
  headers: Record<string, string>;
}

let server: TestServer;
let callers: Caller[];

beforeAll(async () => {
  server = await startTestServer();
  const { store } = server;
  // A case worker of Östersund who works only the waste queue, and a key limited to it.
  await store.putStaffUser({
    id: 'matrix-caseworker-avfall',
    username: 'ostersund.avfall',
    displayName: 'Handläggare avfall',
    passwordHash: await hashPassword('avfall-handlaggare-1', CHEAP_COST),
    tenantRoles: { [OWN]: ['caseworker'] },
    queues: { [OWN]: ['avfall'] },
    disabled: false,
    demo: false,
  });
  await store.putApiKey(OWN, { id: 'matrix-avfall', label: 'Avfallssystemet', hash: hashApiKey('matrix-key-avfall'), createdAt: new Date().toISOString(), demo: false, queues: ['avfall'] });
  const staff = async (name: string, username: string, password: string, roles: StaffRole[], queues: string[] | null, platformAdmin = false): Promise<Caller> => ({
    name,
    kind: 'staff',
    roles,
    queues,
    platformAdmin,
    headers: { cookie: await logIn(server.url, username, password), origin: server.url },
  });
  callers = [
    await staff('admin', 'ostersund.admin', 'demo-ostersund', ['admin'], null),
    await staff('designer', 'ostersund.designer', 'demo-ostersund', ['designer'], null),
    await staff('case worker with the queue', 'ostersund.handlaggare', 'demo-ostersund', ['caseworker'], ['va', 'avfall', 'gata', 'ideer']),
    await staff('case worker without the queue', 'ostersund.avfall', 'avfall-handlaggare-1', ['caseworker'], ['avfall']),
    await staff('auditor', 'ostersund.granskare', 'demo-ostersund', ['auditor'], null),
    await staff('platform admin', 'plattform.admin', 'demo-plattform', [], null, true),
    { name: 'API key', kind: 'api-key', roles: [], queues: null, platformAdmin: false, headers: { authorization: 'Bearer demo-key-ostersund' } },
    { name: 'API key without the queue', kind: 'api-key', roles: [], queues: ['avfall'], platformAdmin: false, headers: { authorization: 'Bearer matrix-key-avfall' } },
    { name: 'anonymous', kind: 'anonymous', roles: [], queues: null, platformAdmin: false, headers: {} },
  ];
}, 120_000);
afterAll(() => server.close());

/** What a refused request answers. */
type Expected = { refused: true; status: 401 | 403 | 404; codes: string[] } | { refused: false };

const NOT_FOUND_CODES = ['not-found', 'queue-not-found'];

/** The expected answer, derived from the permission table alone. */
function expected(caller: Caller, tenant: string | null, endpoint: EndpointSpec & { permission: Permission }): Expected {
  const rule = PERMISSIONS[endpoint.permission];
  // Queue-bound rights bite where a queue is named; a list of queues shows only one's own.
  const namesQueue = rule.perQueue && endpoint.path.includes('/:queue');
  // Platform endpoints take sessions only: a key alone is no one there.
  if (caller.kind === 'anonymous' || (rule.platform && caller.kind === 'api-key')) return { refused: true, status: 401, codes: ['unauthenticated'] };
  if (rule.platform) return caller.platformAdmin ? { refused: false } : { refused: true, status: 403, codes: ['forbidden'] };
  const ownTenant = caller.kind === 'api-key' ? OWN : caller.roles.length > 0 ? OWN : null;
  if (tenant !== ownTenant) return { refused: true, status: 404, codes: NOT_FOUND_CODES };
  if (caller.kind === 'api-key') {
    if (!rule.apiKey) return { refused: true, status: 403, codes: ['staff-only'] };
  } else {
    const granting = caller.roles.filter((role) => rule.roles.includes(role));
    if (granting.length === 0) return { refused: true, status: 403, codes: ['forbidden'] };
    if (namesQueue && granting.every((role) => role === 'caseworker') && caller.queues !== null && !caller.queues.includes(QUEUE)) {
      return { refused: true, status: 403, codes: ['queue-not-assigned'] };
    }
  }
  if (namesQueue && caller.kind === 'api-key' && caller.queues !== null && !caller.queues.includes(QUEUE)) {
    return { refused: true, status: 403, codes: ['queue-not-assigned'] };
  }
  return { refused: false };
}

// What each endpoint is called with: real queues, ids that do not exist and bodies that fail
// validation, so a request that passes the rights check changes nothing in the demo data.
const SAMPLES: Record<string, { path?: Record<string, string>; query?: string; body?: unknown }> = {
  'GET /api/platform/tenants': {},
  'POST /api/platform/tenants': { body: {} },
  'POST /api/platform/tenants/:tenant/admins': { path: { tenant: 'no-such-tenant' }, body: {} },
  'GET /api/t/:tenant/queues': {},
  'GET /api/t/:tenant/queues/:queue/items': {},
  'GET /api/t/:tenant/queues/:queue/items/:item': {},
  'GET /api/t/:tenant/queues/:queue/items/:item/attachments/:attachment': {},
  'POST /api/t/:tenant/queues/:queue/lease': { body: { leaseSeconds: 1 } },
  'POST /api/t/:tenant/queues/:queue/items/:item/ack': { body: { leaseId: 'x' } },
  'POST /api/t/:tenant/queues/:queue/items/:item/nack': { body: { leaseId: 'x' } },
  'GET /api/t/:tenant/queues/:queue': {},
  // Not a valid queue: the body fails validation, so nothing of the demo changes.
  'PUT /api/t/:tenant/queues/:queue': { body: {} },
  'POST /api/t/:tenant/queues/:queue/items/:item/redrive': {},
  'POST /api/t/:tenant/queues/:queue/redrive': {},
  'GET /api/t/:tenant/inbox': {},
  'GET /api/t/:tenant/inbox/:queue/cases': {},
  'GET /api/t/:tenant/cases/:case': {},
  'GET /api/t/:tenant/cases/:case/events': {},
  'POST /api/t/:tenant/cases/:case/claim': {},
  'POST /api/t/:tenant/cases/:case/unclaim': {},
  'POST /api/t/:tenant/cases/:case/status': { body: { to: 'x' } },
  'POST /api/t/:tenant/cases/:case/notes': { body: { text: 'x' } },
  'POST /api/t/:tenant/cases/:case/messages': { body: { text: 'x' } },
  'GET /api/t/:tenant/admin/services': {},
  'POST /api/t/:tenant/admin/services': { body: { definition: {} } },
  'GET /api/t/:tenant/admin/services/:service/draft': {},
  'PUT /api/t/:tenant/admin/services/:service/draft': { body: { definition: {} } },
  'GET /api/t/:tenant/admin/services/:service/draft/check': {},
  'GET /api/t/:tenant/admin/services/:service/draft/validator.js': {},
  'POST /api/t/:tenant/admin/services/:service/publish': { body: { note: 'x' } },
  'GET /api/t/:tenant/admin/services/:service/versions': {},
  'GET /api/t/:tenant/admin/services/:service/versions/:version': { path: { version: '1' } },
  'GET /api/t/:tenant/admin/services/:service/impact': {},
  'GET /api/t/:tenant/admin/services/:service/diff': { query: '?from=1&to=draft' },
  'GET /api/t/:tenant/admin/services/:service/export': {},
  'POST /api/t/:tenant/admin/services/:service/retire': {},
  'GET /api/t/:tenant/catalogue': {},
  'GET /api/t/:tenant/adoptions': {},
  'POST /api/t/:tenant/adoptions': { body: {} },
  'PUT /api/t/:tenant/adoptions/:owner/:service': { path: { owner: 'no-such-owner' }, body: {} },
  'DELETE /api/t/:tenant/adoptions/:owner/:service': { path: { owner: 'no-such-owner' } },
  'PUT /api/t/:tenant/adoptions/:owner/:service/logo': { path: { owner: 'no-such-owner' } },
  'GET /api/t/:tenant/staff': {},
  'POST /api/t/:tenant/staff': { body: {} },
  'PATCH /api/t/:tenant/staff/:id': { body: { disabled: true } },
  'POST /api/t/:tenant/staff/:id/password': {},
  'GET /api/t/:tenant/api-keys': {},
  'POST /api/t/:tenant/api-keys': { body: {} },
  'POST /api/t/:tenant/api-keys/:id/rotate': {},
  'DELETE /api/t/:tenant/api-keys/:id': {},
  'GET /api/t/:tenant/audit': {},
};

const keyOf = (e: EndpointSpec): string => `${e.method} ${e.path}`;
const guarded = API_ENDPOINTS.filter((e): e is EndpointSpec & { permission: Permission } => e.permission !== 'public');

function urlOf(endpoint: EndpointSpec, tenant: string): string {
  const sample = SAMPLES[keyOf(endpoint)] ?? {};
  const values: Record<string, string> = { tenant, queue: QUEUE, item: NO_ID, attachment: NO_ID, case: NO_ID, service: 'no-such-service', id: NO_ID, ...sample.path };
  return `${server.url}${endpoint.path.replace(/:([a-z]+)/g, (_, name: string) => values[name] ?? name)}${sample.query ?? ''}`;
}

describe('the role matrix', () => {
  it('has a sample request for every guarded endpoint of the table', () => {
    expect(guarded.map(keyOf).filter((key) => SAMPLES[key] === undefined)).toEqual([]);
  });

  it('answers every guarded endpoint × caller × own and other tenant as the permission table says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const endpoint of guarded) {
      const platform = PERMISSIONS[endpoint.permission].platform;
      for (const caller of callers) {
        for (const tenant of platform ? [null] : [OWN, OTHER]) {
          const sample = SAMPLES[keyOf(endpoint)] ?? {};
          const { status, body } = await call(urlOf(endpoint, tenant ?? OWN), {
            method: endpoint.method,
            headers: caller.headers,
            ...(sample.body === undefined ? {} : { body: sample.body }),
          });
          const want = expected(caller, tenant, endpoint);
          const code = typeof body === 'object' && body !== null ? (body as { code?: string }).code : undefined;
          const refusedByRights = status === 401 || status === 403 || (status === 404 && NOT_FOUND_CODES.includes(code ?? ''));
          const ok = want.refused ? status === want.status && want.codes.includes(code ?? '') : !refusedByRights && status < 500;
          checked++;
          if (!ok) {
            mismatches.push(`${keyOf(endpoint)} as ${caller.name} in ${tenant ?? 'platform'}: got ${status} ${code ?? ''}, want ${want.refused ? `${want.status} ${want.codes.join('|')}` : 'served'}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  }, 120_000);
});

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string | string[];
}

/** Every route the app serves under /api, as `METHOD /path`, from Express's own router stack. */
function servedRoutes(stack: Layer[], prefix: string): string[] {
  const routes: string[] = [];
  for (const layer of stack) {
    if (layer.route !== undefined) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths) {
        for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${prefix}${path}`);
      }
    } else if (layer.handle.stack !== undefined) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      routes.push(...servedRoutes(layer.handle.stack, `${prefix}${mount}`));
    }
  }
  return routes;
}

describe('the endpoint table', () => {
  it('lists exactly the /api endpoints the app serves, so none goes untested', () => {
    const app = createApp({ store: server.store }) as unknown as { router: { stack: Layer[] } };
    const served = servedRoutes(app.router.stack, '').filter((route) => route.split(' ')[1]!.startsWith('/api/'));
    expect([...new Set(served)].sort()).toEqual(API_ENDPOINTS.map(keyOf).sort());
  });
});
