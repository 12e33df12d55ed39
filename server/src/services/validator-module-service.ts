import { NotFoundError } from '@samform/model';
import type { ServiceVersion } from '@samform/model';
import type { Tenant } from '@samform/store';
import { resolveService, versionAsServed } from './catalog-service.ts';
import type { ServiceDeps } from './service-deps.ts';
import type { ValidatorModuleCache, ValidatorModuleState } from './validator-module.ts';

/** What the use case needs besides the common deps. */
export interface ValidatorModuleDeps extends ServiceDeps {
  modules: ValidatorModuleCache;
}

/**
 * The version `version` of the e-service the tenant serves as `serviceId` (its own, else the adopted
 * one). Any published version of that service may be asked for: a draft stays on the version it
 * started on. NotFoundError for a service the tenant does not serve or a version that does not exist.
 */
async function servedVersion(deps: ServiceDeps, tenant: Tenant, serviceId: string, version: number): Promise<ServiceVersion> {
  const offered = (await resolveService(deps, tenant, serviceId)).version;
  if (offered.version === version) return offered;
  const found = await versionAsServed(deps, tenant, offered.owner, offered.serviceId, version);
  if (found === null) throw new NotFoundError('version-not-found', `The e-service "${serviceId.slice(0, 64)}" has no version ${version}.`);
  return found;
}

/**
 * The validator module of one version as a tenant serves it. A module not built yet (a version
 * published since start-up) is built in the background and answered as `building`: the request
 * never waits for the bundler.
 */
export async function getValidatorModule(
  deps: ValidatorModuleDeps,
  input: { tenant: Tenant; serviceId: string; version: number },
): Promise<ValidatorModuleState & { adopted: boolean }> {
  const version = await servedVersion(deps, input.tenant, input.serviceId, input.version);
  // An adopted e-service's module carries the municipality's overrides, which may change under
  // the same version number; the tenant's own versions never change.
  const adopted = version.owner !== input.tenant.id;
  const state = deps.modules.get(version);
  if (state.state !== 'absent') return { ...state, adopted };
  deps.modules.warm(version).catch((error: unknown) => {
    deps.log.warn({ err: error, owner: version.owner, serviceId: version.serviceId, version: version.version }, 'validator module could not be built');
  });
  return { state: 'building', adopted };
}
