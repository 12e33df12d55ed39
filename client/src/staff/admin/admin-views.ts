import type { StaffUser } from '../staff-api.ts';

/** A tenant view in the staff area's tenant navigation. */
export type AdminView = 'services' | 'inbox' | 'queues' | 'people' | 'keys' | 'audit';

/** The tenant views this person may open, from their roles there (the server checks again). */
export function adminViews(user: StaffUser, tenant: string): AdminView[] {
  const roles = user.tenantRoles[tenant] ?? [];
  const views: AdminView[] = [];
  if (roles.includes('admin') || roles.includes('designer')) views.push('services');
  // Case workers and admins work cases; a case worker sees only the queues given to them.
  if (roles.includes('admin') || roles.includes('caseworker')) views.push('inbox');
  if (roles.includes('admin')) views.push('queues', 'people', 'keys');
  if (roles.includes('admin') || roles.includes('auditor')) views.push('audit');
  return views;
}
