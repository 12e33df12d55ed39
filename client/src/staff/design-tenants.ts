import type { StaffUser } from './staff-api.ts';

/** The roles that may build and publish a tenant's e-services. */
const DESIGN_ROLES = new Set(['designer', 'admin']);

/** The tenants whose e-services this person may design, in the order the session lists them. */
export function designTenants(user: StaffUser): string[] {
  return Object.entries(user.tenantRoles)
    .filter(([, roles]) => roles.some((role) => DESIGN_ROLES.has(role)))
    .map(([tenant]) => tenant);
}
