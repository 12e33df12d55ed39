import { NotFoundError } from '@samform/model';
import type { Tenant } from '@samform/store';
import type { ServiceDeps } from './service-deps.ts';

const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** All tenants, for the public tenant list. */
export async function listTenants(deps: ServiceDeps): Promise<Tenant[]> {
  const tenants = await deps.store.listTenants();
  return tenants.map(({ id, name, kind, memberOf }) => ({ id, name, kind, memberOf }));
}

/** The tenant with this id; NotFoundError `tenant-not-found` otherwise. */
export async function requireTenant(deps: ServiceDeps, id: string): Promise<Tenant> {
  const tenant = TENANT_ID.test(id) ? await deps.store.getTenant(id) : null;
  if (tenant === null) throw new NotFoundError('tenant-not-found', `There is no tenant "${id.slice(0, 64)}".`);
  return tenant;
}
