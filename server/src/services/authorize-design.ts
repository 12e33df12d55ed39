import { AppError, NotFoundError } from '@samform/model';
import type { StaffRole } from '@samform/store';
import type { Actor } from '../auth/actor.ts';

/** The roles that may edit, publish and retire a tenant's e-services. */
export const DESIGN_ROLES: readonly StaffRole[] = ['designer', 'admin'];

/** A signed-in staff member. */
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/**
 * May the actor use the tenant's admin API? No credentials: 401. Staff of another tenant, or an
 * API key of another tenant: 404, so another tenant's e-services cannot even be probed. The
 * tenant's own API key: 403, because publishing is a person's act and is logged as one. Own
 * staff without the designer or admin role (a case worker): 403.
 */
export function authorizeDesign(actor: Actor, tenant: string): StaffActor {
  switch (actor.kind) {
    case 'anonymous':
      throw new AppError('unauthenticated', 401, 'Sign in as a designer or an administrator.');
    case 'api-key':
      if (actor.tenant !== tenant) throw new NotFoundError('not-found', 'No such API endpoint.');
      throw new AppError('staff-only', 403, 'The admin API needs a staff sign-in; API keys cannot use it.');
    case 'staff': {
      const roles = actor.tenantRoles[tenant] ?? [];
      if (roles.length === 0) throw new NotFoundError('not-found', 'No such API endpoint.');
      if (!roles.some((role) => DESIGN_ROLES.includes(role))) {
        throw new AppError('forbidden', 403, 'Only designers and administrators may edit e-services.');
      }
      return actor;
    }
  }
}
