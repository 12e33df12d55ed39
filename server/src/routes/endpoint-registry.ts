import type { Permission } from '../auth/permissions.ts';

/** One endpoint of /api and what it needs: a permission of the table, or nothing (`public`). */
export interface EndpointSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The Express path under the app, e.g. `/api/t/:tenant/queues/:queue/lease`. */
  path: string;
  permission: Permission | 'public';
}

const T = '/api/t/:tenant';

/**
 * Every /api endpoint. The role-matrix test checks that the app serves exactly these and
 * derives each one's expected answers from its permission, so an endpoint added without an
 * entry here, or an entry whose rights the code does not keep, fails the build.
 */
export const API_ENDPOINTS: readonly EndpointSpec[] = [
  { method: 'GET', path: '/api/health', permission: 'public' },
  { method: 'GET', path: '/api/tenants', permission: 'public' },
  { method: 'POST', path: '/api/auth/login', permission: 'public' },
  { method: 'POST', path: '/api/auth/logout', permission: 'public' },
  { method: 'GET', path: '/api/auth/me', permission: 'public' },
  // The session's time left and its extension answer only for the caller's own session.
  { method: 'GET', path: '/api/auth/session', permission: 'public' },
  { method: 'POST', path: '/api/auth/session/extend', permission: 'public' },
  { method: 'GET', path: '/api/citizen/session', permission: 'public' },
  { method: 'POST', path: '/api/citizen/session/extend', permission: 'public' },
  { method: 'GET', path: '/api/citizen/e-id/session', permission: 'public' },
  { method: 'POST', path: '/api/citizen/e-id/session/extend', permission: 'public' },
  // Staff SSO: a login maps to an existing account of the tenant, or is refused (and audited).
  { method: 'GET', path: '/api/auth/sso', permission: 'public' },
  { method: 'GET', path: '/api/auth/sso/:tenant/login', permission: 'public' },
  { method: 'GET', path: '/api/auth/sso/callback', permission: 'public' },
  { method: 'GET', path: '/api/platform/tenants', permission: 'tenants:manage' },
  { method: 'POST', path: '/api/platform/tenants', permission: 'tenants:manage' },
  { method: 'POST', path: '/api/platform/tenants/:tenant/admins', permission: 'tenants:manage' },

  { method: 'GET', path: `${T}/services`, permission: 'public' },
  { method: 'GET', path: `${T}/services/:service`, permission: 'public' },
  { method: 'GET', path: `${T}/services/:service/versions/:version/validator.js`, permission: 'public' },
  { method: 'POST', path: `${T}/services/:service/submissions`, permission: 'public' },
  { method: 'POST', path: `${T}/attachments/:service`, permission: 'public' },

  { method: 'GET', path: `${T}/queues`, permission: 'queues:read' },
  { method: 'GET', path: `${T}/queues/:queue/items`, permission: 'queues:read' },
  { method: 'GET', path: `${T}/queues/:queue/items/:item`, permission: 'queues:read' },
  { method: 'GET', path: `${T}/queues/:queue/items/:item/attachments/:attachment`, permission: 'queues:read' },
  { method: 'POST', path: `${T}/queues/:queue/lease`, permission: 'queues:work' },
  { method: 'POST', path: `${T}/queues/:queue/items/:item/ack`, permission: 'queues:work' },
  { method: 'POST', path: `${T}/queues/:queue/items/:item/nack`, permission: 'queues:work' },
  { method: 'GET', path: `${T}/queues/:queue`, permission: 'queues:configure' },
  { method: 'PUT', path: `${T}/queues/:queue`, permission: 'queues:configure' },
  { method: 'POST', path: `${T}/queues/:queue/items/:item/redrive`, permission: 'queues:configure' },
  { method: 'POST', path: `${T}/queues/:queue/redrive`, permission: 'queues:configure' },

  { method: 'GET', path: `${T}/inbox`, permission: 'cases:read' },
  { method: 'GET', path: `${T}/inbox/:queue/cases`, permission: 'cases:read' },
  { method: 'GET', path: `${T}/cases/:case`, permission: 'cases:read' },
  { method: 'GET', path: `${T}/cases/:case/events`, permission: 'cases:read' },
  { method: 'POST', path: `${T}/cases/:case/claim`, permission: 'cases:work' },
  { method: 'POST', path: `${T}/cases/:case/unclaim`, permission: 'cases:work' },
  { method: 'POST', path: `${T}/cases/:case/status`, permission: 'cases:work' },
  { method: 'POST', path: `${T}/cases/:case/notes`, permission: 'cases:work' },
  { method: 'POST', path: `${T}/cases/:case/messages`, permission: 'cases:work' },

  { method: 'GET', path: `${T}/admin/services`, permission: 'services:design' },
  { method: 'POST', path: `${T}/admin/services`, permission: 'services:design' },
  { method: 'GET', path: `${T}/admin/services/:service/draft`, permission: 'services:design' },
  { method: 'PUT', path: `${T}/admin/services/:service/draft`, permission: 'services:design' },
  { method: 'GET', path: `${T}/admin/services/:service/draft/check`, permission: 'services:design' },
  { method: 'GET', path: `${T}/admin/services/:service/draft/validator.js`, permission: 'services:design' },
  { method: 'POST', path: `${T}/admin/services/:service/publish`, permission: 'services:design' },
  { method: 'GET', path: `${T}/admin/services/:service/versions`, permission: 'services:design' },
  { method: 'GET', path: `${T}/admin/services/:service/versions/:version`, permission: 'services:design' },
  { method: 'GET', path: `${T}/admin/services/:service/impact`, permission: 'services:design' },
  { method: 'GET', path: `${T}/admin/services/:service/diff`, permission: 'services:design' },
  { method: 'GET', path: `${T}/admin/services/:service/export`, permission: 'services:design' },
  { method: 'POST', path: `${T}/admin/services/:service/retire`, permission: 'services:design' },

  { method: 'GET', path: `${T}/catalogue`, permission: 'adoptions:manage' },
  { method: 'GET', path: `${T}/adoptions`, permission: 'adoptions:manage' },
  { method: 'POST', path: `${T}/adoptions`, permission: 'adoptions:manage' },
  { method: 'PUT', path: `${T}/adoptions/:owner/:service`, permission: 'adoptions:manage' },
  { method: 'DELETE', path: `${T}/adoptions/:owner/:service`, permission: 'adoptions:manage' },
  { method: 'PUT', path: `${T}/adoptions/:owner/:service/logo`, permission: 'adoptions:manage' },

  { method: 'GET', path: `${T}/staff`, permission: 'staff:manage' },
  { method: 'POST', path: `${T}/staff`, permission: 'staff:manage' },
  { method: 'PATCH', path: `${T}/staff/:id`, permission: 'staff:manage' },
  { method: 'POST', path: `${T}/staff/:id/password`, permission: 'staff:manage' },
  { method: 'GET', path: `${T}/api-keys`, permission: 'api-keys:manage' },
  { method: 'POST', path: `${T}/api-keys`, permission: 'api-keys:manage' },
  { method: 'POST', path: `${T}/api-keys/:id/rotate`, permission: 'api-keys:manage' },
  { method: 'DELETE', path: `${T}/api-keys/:id`, permission: 'api-keys:manage' },
  { method: 'GET', path: `${T}/audit`, permission: 'audit:read' },
];
