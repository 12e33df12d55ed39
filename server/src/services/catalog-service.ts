import { NotFoundError } from '@samform/model';
import type { EffectiveService, LocalText, ServiceVersion } from '@samform/model';
import type { Adoption, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { effectiveVersion, servedAdoption } from './adoption-service.ts';
import type { ServiceDeps } from './service-deps.ts';

/** An e-service as the tenant offers it: the version served and whether it is adopted. */
export interface OfferedService {
  version: ServiceVersion;
  shared: boolean;
}

/** One row of a tenant's e-service list. */
export interface ServiceSummary {
  id: string;
  version: number;
  title: LocalText;
  /** For the list page; absent when the definition has none. */
  description?: LocalText;
  /** Grouping on the list page ("va", "avfall", "ideer", …). */
  category?: string;
  owner: string;
  shared: boolean;
}

// A shared e-service its collaboration retired is no longer offered by any member either.
async function isRetired(deps: ServiceDeps, owner: string, serviceId: string): Promise<boolean> {
  return (await deps.store.getServiceStatus(owner, serviceId))?.retired === true;
}

// The effective version (base + overrides) the adoption serves: see servedAdoption.
async function adoptedVersion(deps: ServiceDeps, adoption: Adoption): Promise<ServiceVersion | null> {
  return (await servedAdoption(deps, adoption)).served;
}

/**
 * What a tenant offers: its own e-services (latest versions) and, for a municipality, the
 * shared ones it adopted at the version its adoption tracks. An own e-service hides an adopted
 * one of the same id. A retired e-service is offered by no one, as if it were not there.
 */
export async function offeredServices(deps: ServiceDeps, tenant: Tenant): Promise<OfferedService[]> {
  const [latest, statuses] = await Promise.all([deps.store.listLatestServiceVersions(tenant.id), deps.store.listServiceStatuses(tenant.id)]);
  const retired = new Set(statuses.filter((s) => s.retired).map((s) => s.serviceId));
  const own = latest.filter((version) => !retired.has(version.serviceId));
  const offered: OfferedService[] = own.map((version) => ({ version, shared: false }));
  if (tenant.kind !== 'municipality') return offered;
  const ownIds = new Set(own.map((version) => version.serviceId));
  for (const adoption of await deps.store.listAdoptions(tenant.id)) {
    if (ownIds.has(adoption.serviceId) || (await isRetired(deps, adoption.owner, adoption.serviceId))) continue;
    const version = await adoptedVersion(deps, adoption);
    if (version === null) {
      deps.log.warn({ tenant: tenant.id, owner: adoption.owner, serviceId: adoption.serviceId, track: adoption.track }, 'adoption names a version that does not exist');
      continue;
    }
    offered.push({ version, shared: true });
  }
  return offered.sort((a, b) => a.version.serviceId.localeCompare(b.version.serviceId));
}

/** The tenant's e-service list. */
export async function listServices(deps: ServiceDeps, _actor: Actor, input: { tenant: Tenant }): Promise<ServiceSummary[]> {
  const offered = await offeredServices(deps, input.tenant);
  return offered.map(({ version, shared }) => ({
    id: version.serviceId,
    version: version.version,
    title: version.definition.title,
    ...(version.definition.description === undefined ? {} : { description: version.definition.description }),
    ...(version.definition.category === undefined ? {} : { category: version.definition.category }),
    owner: version.owner,
    shared,
  }));
}

/** The version a tenant serves for a service id (own first, then adopted); NotFoundError otherwise. */
export async function resolveService(deps: ServiceDeps, tenant: Tenant, serviceId: string): Promise<OfferedService> {
  const [own, status] = await Promise.all([deps.store.getServiceVersion(tenant.id, serviceId), deps.store.getServiceStatus(tenant.id, serviceId)]);
  if (own !== null && status?.retired !== true) return { version: own, shared: false };
  if (tenant.kind === 'municipality') {
    const adoption = (await deps.store.listAdoptions(tenant.id)).find((a) => a.serviceId === serviceId);
    const version = adoption === undefined || (await isRetired(deps, adoption.owner, serviceId)) ? null : await adoptedVersion(deps, adoption);
    if (version !== null) return { version, shared: true };
  }
  throw new NotFoundError('service-not-found', `The e-service "${serviceId.slice(0, 64)}" does not exist here.`);
}

/**
 * Version `number` of an e-service as the tenant serves it: its own as stored, an adopted one with
 * the tenant's overrides applied. For drafts and receipts, which stay on the version they began on.
 */
export async function versionAsServed(deps: ServiceDeps, tenant: Tenant, owner: string, serviceId: string, number: number): Promise<ServiceVersion | null> {
  const base = await deps.store.getServiceVersion(owner, serviceId, number);
  if (base === null || owner === tenant.id) return base;
  const adoption = await deps.store.getAdoption(tenant.id, owner, serviceId);
  return adoption === null ? base : effectiveVersion(base, adoption.overrides);
}

/** The definition the citizen pages and the validator use, with its version and owner. */
export function effectiveService(offered: OfferedService): EffectiveService {
  const { version } = offered;
  return { ...version.definition, version: version.version, owner: version.owner, shared: offered.shared };
}

/** One e-service's effective definition. */
export async function getService(deps: ServiceDeps, _actor: Actor, input: { tenant: Tenant; serviceId: string }): Promise<EffectiveService> {
  return effectiveService(await resolveService(deps, input.tenant, input.serviceId));
}

/** Compile the validator of every version any tenant serves, so no request waits for ajv. */
export async function warmValidators(deps: ServiceDeps): Promise<number> {
  for (const tenant of await deps.store.listTenants()) {
    for (const offered of await offeredServices(deps, tenant)) deps.validators.get(offered.version);
  }
  return deps.validators.size;
}
