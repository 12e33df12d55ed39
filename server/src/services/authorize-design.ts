import type { StaffRole } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { PERMISSIONS, authorizeStaff } from '../auth/permissions.ts';

/** The roles that may edit, publish and retire a tenant's e-services. */
export const DESIGN_ROLES: readonly StaffRole[] = PERMISSIONS['services:design'].roles;

/** A signed-in staff member. */
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/**
 * May the actor use the tenant's admin API (`services:design`)? No credentials: 401. Staff or a
 * key of another tenant: 404. The tenant's own API key: 403, because publishing is a person's
 * act and is logged as one. Own staff without the designer or admin role: 403.
 */
export function authorizeDesign(actor: Actor, tenant: string): StaffActor {
  return authorizeStaff(actor, tenant, 'services:design');
}
