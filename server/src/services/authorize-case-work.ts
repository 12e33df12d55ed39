import { AppError, NotFoundError } from '@samform/model';
import type { StaffRole } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import type { StaffActor } from './authorize-design.ts';

/** Reading cases, or changing them (claim, status, notes, messages). */
export type CaseAccess = 'read' | 'work';

/** The tenant roles that work cases today; per-queue roles (issue 8) plug in here. */
export const CASE_ROLES: readonly StaffRole[] = ['caseworker', 'admin'];

/**
 * May the actor see or work the tenant's cases, in `queue` when given? The one place this is
 * decided. No credentials: 401. Someone else's staff or key: 404, so another tenant's cases
 * cannot be probed. API keys: 403, since working a case is a person's act. Own staff without a
 * case role: 403.
 */
export function authorizeCaseWork(actor: Actor, tenant: string, _access: CaseAccess, _queue?: string): StaffActor {
  switch (actor.kind) {
    case 'anonymous':
      throw new AppError('unauthenticated', 401, 'Sign in as a case worker.');
    case 'api-key':
      if (actor.tenant !== tenant) throw new NotFoundError('not-found', 'No such API endpoint.');
      throw new AppError('staff-only', 403, 'The inbox needs a staff sign-in; API keys cannot use it.');
    case 'staff': {
      const roles = actor.tenantRoles[tenant] ?? [];
      if (roles.length === 0) throw new NotFoundError('not-found', 'No such API endpoint.');
      if (!roles.some((role) => CASE_ROLES.includes(role))) throw new AppError('forbidden', 403, 'Only case workers and administrators may work cases.');
      return actor;
    }
  }
}
