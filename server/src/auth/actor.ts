import type { StaffRole } from '@samform/store';

/**
 * Who is asking, as the services see it. Built from the session or the API key in src/auth;
 * nothing outside src/auth knows how.
 */
export type Actor =
  | {
      kind: 'staff';
      userId: string;
      username: string;
      tenantRoles: { [tenant: string]: StaffRole[] };
      /** The queues the caseworker role reaches, per tenant. */
      queues: { [tenant: string]: string[] };
      /** Manages tenants; no right inside one by itself. */
      platformAdmin: boolean;
    }
  | {
      kind: 'api-key';
      tenant: string;
      keyId: string;
      /** The queues the key may reach; absent: all of the tenant's. */
      queues?: string[];
    }
  | { kind: 'anonymous' };

/** The actor of a request without credentials. */
export const ANONYMOUS: Actor = { kind: 'anonymous' };
