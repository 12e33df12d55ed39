import { call } from '../staff-api.ts';

/** A tenant as the platform administrators see it: a municipality lists the collaborations it belongs to. */
export interface PlatformTenant {
  id: string;
  name: string;
  kind: 'municipality' | 'collaboration';
  memberOf: string[];
}

/** What appointing an administrator answers; `initialPassword` only for a new account, shown once. */
export interface Appointment {
  id: string;
  username: string;
  created: boolean;
  initialPassword?: string;
}

/** The platform administrators' API (/api/platform). */
export const platformApi = {
  tenants: () => call<PlatformTenant[]>('GET', '/api/platform/tenants'),
  createTenant: (body: { id: string; name: string; kind: string; memberOf?: string[] }) => call<PlatformTenant>('POST', '/api/platform/tenants', body),
  appointAdmin: (tenant: string, body: { username: string; displayName?: string }) =>
    call<Appointment>('POST', `/api/platform/tenants/${encodeURIComponent(tenant)}/admins`, body),
};
