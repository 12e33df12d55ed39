import type { StaffRole } from '@samform/store';

/**
 * Who is asking, as the services see it. Built from the session or the API key in src/auth;
 * nothing outside src/auth knows how.
 */
export type Actor =
  | { kind: 'staff'; userId: string; tenantRoles: { [tenant: string]: StaffRole[] } }
  | { kind: 'api-key'; tenant: string; keyId: string }
  | { kind: 'anonymous' };

/** The actor of a request without credentials. */
export const ANONYMOUS: Actor = { kind: 'anonymous' };
