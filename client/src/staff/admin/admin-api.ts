import { call } from '../staff-api.ts';

/** A staff account as a tenant's administrators see it. */
export interface StaffAccount {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  queues: string[];
  disabled: boolean;
  demo: boolean;
}

/** An API key as listed: never its secret. */
export interface ApiKeyInfo {
  id: string;
  label: string;
  prefix: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  queues: string[] | null;
  demo: boolean;
}

/** One audit entry. */
export interface AuditEntryView {
  id: string;
  at: string;
  kind: string;
  actor: { kind: 'staff'; username: string } | { kind: 'api-key'; keyId: string; tenant: string } | { kind: 'anonymous'; username?: string };
  target?: string;
  detail?: { [key: string]: unknown };
  ip?: string;
}

/** A queue of the tenant, with its localised name. */
export interface QueueOption {
  id: string;
  name: { sv: string; en?: string };
}

const t = (tenant: string, rest: string): string => `/api/t/${encodeURIComponent(tenant)}${rest}`;

/** The tenant administration API as the staff pages use it. */
export const adminApi = {
  staff: (tenant: string) => call<StaffAccount[]>('GET', t(tenant, '/staff')),
  createStaff: (tenant: string, body: { username: string; displayName: string; roles: string[]; queues: string[]; password?: string }) =>
    call<{ staff: StaffAccount; initialPassword?: string }>('POST', t(tenant, '/staff'), body),
  updateStaff: (tenant: string, id: string, body: Partial<Pick<StaffAccount, 'displayName' | 'roles' | 'queues' | 'disabled'>>) =>
    call<StaffAccount>('PATCH', t(tenant, `/staff/${encodeURIComponent(id)}`), body),
  resetPassword: (tenant: string, id: string) => call<{ initialPassword?: string }>('POST', t(tenant, `/staff/${encodeURIComponent(id)}/password`)),
  keys: (tenant: string) => call<ApiKeyInfo[]>('GET', t(tenant, '/api-keys')),
  createKey: (tenant: string, body: { label: string; queues?: string[] }) => call<{ key: ApiKeyInfo; secret: string }>('POST', t(tenant, '/api-keys'), body),
  rotateKey: (tenant: string, id: string) => call<{ key: ApiKeyInfo; secret: string }>('POST', t(tenant, `/api-keys/${encodeURIComponent(id)}/rotate`)),
  revokeKey: (tenant: string, id: string) => call<undefined>('DELETE', t(tenant, `/api-keys/${encodeURIComponent(id)}`)),
  audit: (tenant: string, query: { kind?: string; before?: string }) => {
    const search = new URLSearchParams({ limit: '50', ...(query.kind ? { kind: query.kind } : {}), ...(query.before ? { before: query.before } : {}) });
    return call<{ entries: AuditEntryView[]; next: string | null }>('GET', t(tenant, `/audit?${search.toString()}`));
  },
  queues: (tenant: string) => call<QueueOption[]>('GET', t(tenant, '/queues')),
};
