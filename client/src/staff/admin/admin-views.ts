import type { StaffUser } from '../staff-api.ts';

/** A tenant view in the staff area's tenant navigation. */
export type AdminView = 'services' | 'people' | 'keys' | 'audit';

/** The tenant views this person may open, from their roles there (the server checks again). */
export function adminViews(user: StaffUser, tenant: string): AdminView[] {
  const roles = user.tenantRoles[tenant] ?? [];
  const views: AdminView[] = [];
  if (roles.includes('admin') || roles.includes('designer')) views.push('services');
  if (roles.includes('admin')) views.push('people', 'keys');
  if (roles.includes('admin') || roles.includes('auditor')) views.push('audit');
  return views;
}
