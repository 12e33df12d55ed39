/** The roles that work cases (the server decides; this only shapes the menus). */
const CASE_ROLES = new Set(['caseworker', 'admin']);

/** The tenants whose inbox this person may open. */
export function caseTenants(tenantRoles: { [tenant: string]: string[] }): string[] {
  return Object.entries(tenantRoles)
    .filter(([, roles]) => roles.some((role) => CASE_ROLES.has(role)))
    .map(([tenant]) => tenant);
}
