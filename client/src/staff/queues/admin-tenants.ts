/** The tenants whose queues this person administers (the server decides; this only shapes the menus). */
export function adminTenants(tenantRoles: { [tenant: string]: string[] }): string[] {
  return Object.entries(tenantRoles)
    .filter(([, roles]) => roles.includes('admin'))
    .map(([tenant]) => tenant);
}
