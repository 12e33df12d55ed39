import type { DefinitionChange, PublishProblem, ServiceDefinition, ServiceVersion } from '@samform/model';

/** Who is signed in, as GET /api/auth/me tells it. */
export interface StaffUser {
  username: string;
  displayName: string;
  tenantRoles: { [tenant: string]: string[] };
  /** The account's id (to tell "me" apart in the staff list). */
  id?: string;
  /** Manages tenants themselves. */
  platformAdmin?: boolean;
}

/** A municipality or collaboration, as GET /api/tenants lists it. */
export interface TenantSummary {
  id: string;
  name: string;
  kind: 'municipality' | 'collaboration';
}

/** One of the tenant's own e-services, as the admin list gives it. */
export interface AdminServiceSummary {
  id: string;
  title: ServiceDefinition['title'];
  draft: { updatedAt: string } | null;
  latestVersion: number | null;
  retired: boolean;
}

/** One published version in the versions list. */
export interface VersionSummary {
  version: number;
  publishedAt: string;
  note?: string;
}

/** A draft as saved: the server's copy with the publish checks' problems of it. */
export interface SavedDraft {
  definition: ServiceDefinition;
  updatedAt: string;
  problems: PublishProblem[];
}

/** Where the server serves the saved draft's validator module; `revision` (the draft's `updatedAt`) names one, so a browser imports each draft anew. */
export function draftValidatorUrl(tenant: string, service: string, revision: string): string {
  return `/api/t/${encodeURIComponent(tenant)}/admin/services/${encodeURIComponent(service)}/draft/validator.js?revision=${encodeURIComponent(revision)}`;
}

/** A problem the server points at: a JSON Pointer and a message (a 422's errors). */
export interface PointedError {
  path: string;
  message: string | PublishProblem['message'];
  /** The message in Swedish and English, where the server has both (adoptions). */
  messages?: PublishProblem['message'];
  field?: string;
  severity?: 'error' | 'warning';
  keyword?: string;
}

/** A failed API call: its HTTP status (0 when the server could not be reached), code and pointed errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: PointedError[] = [],
  ) {
    super(message);
  }
}

/** One JSON call to the API; a failure is an ApiError with the server's code and pointed errors. */
export async function call<T>(method: string, path: string, body?: unknown, options: { keepalive?: boolean } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = (parsed ?? {}) as { code?: string; message?: string; errors?: PointedError[] };
    throw new ApiError(response.status, error.code ?? 'error', error.message ?? `${method} ${path}: ${response.status}`, Array.isArray(error.errors) ? error.errors : []);
  }
  return parsed as T;
}

/** A pointed problem of an adoption's overrides (the model's OverrideProblem). */
export interface OverrideProblemView {
  path: string;
  message: { sv: string; en?: string };
}

/** A municipality's adoption of a shared e-service, as GET /adoptions gives it. */
export interface AdoptionView {
  service: string;
  owner: string;
  serviceId: string;
  track: 'latest' | number;
  overrides: { [key: string]: unknown };
  adoptedAt: string;
  state: 'following' | 'pinned' | 'needs-review';
  servedVersion: number | null;
  latestVersion: number | null;
  problems: OverrideProblemView[];
}

/** One shared e-service in the catalogue a municipality may adopt from. */
export interface CatalogueEntry {
  service: string;
  owner: string;
  id: string;
  title: ServiceDefinition['title'];
  description?: ServiceDefinition['title'];
  latestVersion: number;
  versions: number[];
  adoption: AdoptionView | null;
  usedBy: string[];
  idTaken: boolean;
}

/** One of the tenant's queues. */
export interface QueueSummary {
  id: string;
  name: string;
}

/** What publishing the draft would do to the municipalities that adopted the e-service. */
export interface PublishImpact {
  follow: string[];
  needsReview: { tenant: string; problems: OverrideProblemView[] }[];
  pinned: { tenant: string; version: number }[];
  /** Citizen drafts in flight: on the latest published version, and per version. */
  drafts: { currentVersion: number | null; onCurrent: number; byVersion: { version: number; drafts: number }[] };
}

const tenantPath = (tenant: string, rest: string): string => `/api/t/${encodeURIComponent(tenant)}${rest}`;

const admin = (tenant: string, rest = ''): string => `/api/t/${encodeURIComponent(tenant)}/admin/services${rest}`;
const one = (tenant: string, service: string, rest = ''): string => admin(tenant, `/${encodeURIComponent(service)}${rest}`);

/** The staff API as the staff pages use it. */
export const staffApi = {
  logIn: (username: string, password: string) => call<{ user: StaffUser }>('POST', '/api/auth/login', { username, password }),
  /** The tenants whose staff can log in with the municipality's own account (SSO). */
  ssoTenants: () => call<{ tenants: { id: string; name: string }[] }>('GET', '/api/auth/sso'),
  logOut: () => call<{ user: null }>('POST', '/api/auth/logout'),
  me: () => call<{ user: StaffUser }>('GET', '/api/auth/me'),
  /** When the session ends if idle (asking does not extend it). */
  session: () => call<{ signedIn: boolean; expiresAt: string | null }>('GET', '/api/auth/session'),
  extendSession: () => call<{ expiresAt: string }>('POST', '/api/auth/session/extend'),
  tenants: () => call<TenantSummary[]>('GET', '/api/tenants'),
  services: (tenant: string) => call<AdminServiceSummary[]>('GET', admin(tenant)),
  create: (tenant: string, definition: unknown) => call<{ id: string }>('POST', admin(tenant), { definition }),
  draft: (tenant: string, service: string) => call<{ definition: ServiceDefinition; updatedAt: string }>('GET', one(tenant, service, '/draft')),
  saveDraft: (tenant: string, service: string, definition: ServiceDefinition, keepalive = false) =>
    call<SavedDraft>('PUT', one(tenant, service, '/draft'), { definition }, { keepalive }),
  checkDraft: (tenant: string, service: string) => call<{ problems: PublishProblem[] }>('GET', one(tenant, service, '/draft/check')),
  publish: (tenant: string, service: string, note: string) => call<{ version: number }>('POST', one(tenant, service, '/publish'), { note }),
  versions: (tenant: string, service: string) => call<VersionSummary[]>('GET', one(tenant, service, '/versions')),
  version: (tenant: string, service: string, version: number) => call<ServiceVersion>('GET', one(tenant, service, `/versions/${version}`)),
  diff: (tenant: string, service: string, from: number | 'draft', to: number | 'draft') =>
    call<DefinitionChange[]>('GET', one(tenant, service, `/diff?from=${from}&to=${to}`)),
  retire: (tenant: string, service: string) => call<unknown>('POST', one(tenant, service, '/retire')),
  catalogue: (tenant: string) => call<CatalogueEntry[]>('GET', tenantPath(tenant, '/catalogue')),
  adopt: (tenant: string, body: { service: string; track: 'latest' | number; overrides: unknown }) => call<AdoptionView>('POST', tenantPath(tenant, '/adoptions'), body),
  changeAdoption: (tenant: string, service: string, body: { track: 'latest' | number; overrides: unknown }) =>
    call<AdoptionView>('PUT', tenantPath(tenant, `/adoptions/${service.split('/').map(encodeURIComponent).join('/')}`), body),
  leaveAdoption: (tenant: string, service: string) => call<undefined>('DELETE', tenantPath(tenant, `/adoptions/${service.split('/').map(encodeURIComponent).join('/')}`)),
  /** Upload an adoption's logo as raw bytes; answers its sha256. */
  uploadLogo: async (tenant: string, service: string, file: Blob): Promise<{ sha256: string; type: string; size: number }> => {
    const response = await fetch(tenantPath(tenant, `/adoptions/${service.split('/').map(encodeURIComponent).join('/')}/logo`), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
      body: file,
    }).catch(() => {
      throw new ApiError(0, 'network', 'The server could not be reached.');
    });
    const parsed = (await response.json().catch(() => ({}))) as { code?: string; message?: string; sha256?: string; type?: string; size?: number };
    if (!response.ok) throw new ApiError(response.status, parsed.code ?? 'error', parsed.message ?? `logo: ${response.status}`);
    return parsed as { sha256: string; type: string; size: number };
  },
  queues: (tenant: string) => call<QueueSummary[]>('GET', tenantPath(tenant, '/queues')),
  /** The e-service as residents get it (for an adopted one: the effective definition). */
  publicService: (tenant: string, service: string) => call<ServiceDefinition & { version: number }>('GET', tenantPath(tenant, `/services/${encodeURIComponent(service)}`)),
  impact: (tenant: string, service: string) => call<PublishImpact>('GET', one(tenant, service, '/impact')),
};
