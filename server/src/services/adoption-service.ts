import { AppError, ConflictError, NotFoundError, UnprocessableError, effectiveDefinition, overrideProblems } from '@samform/model';
import type { AdoptionOverrides, JsonValue, LocalText, OverrideProblem, ServiceVersion } from '@samform/model';
import type { Adoption, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { authorizeStaff } from '../auth/permissions.ts';
import type { StaffActor } from './authorize-design.ts';
import { canonicalJson } from './canonical-json.ts';
import { markVariant } from './validator-cache.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Where an adoption stands: on the latest version, on a pinned one, or held back for review. */
export type AdoptionState = 'following' | 'pinned' | 'needs-review';

/** An adoption with the version it serves. */
export interface ServedAdoption {
  adoption: Adoption;
  /** The effective version (base + overrides) the municipality serves; null when none can be. */
  served: ServiceVersion | null;
  latestVersion: number | null;
  state: AdoptionState;
  /** Why the latest version cannot be followed (needs-review only), pointed into the overrides. */
  problems: OverrideProblem[];
}

/** An adoption as the staff API shows it. */
export interface AdoptionView {
  service: string;
  owner: string;
  serviceId: string;
  track: 'latest' | number;
  overrides: { [key: string]: JsonValue };
  adoptedAt: string;
  state: AdoptionState;
  servedVersion: number | null;
  latestVersion: number | null;
  /** For needs-review: what no longer applies to the latest version. */
  problems: OverrideProblem[];
}

/** One shared e-service a municipality may adopt. */
export interface CatalogueEntry {
  service: string;
  owner: string;
  id: string;
  title: LocalText;
  description?: LocalText;
  category?: string;
  latestVersion: number;
  versions: number[];
  /** This municipality's adoption of it, or null. */
  adoption: AdoptionView | null;
  /** The other member municipalities that adopted it. */
  usedBy: string[];
  /** The municipality has an e-service of its own with this id, so it cannot adopt this one. */
  idTaken: boolean;
}

// Whether overrides apply to a version is a pure function of two immutable values: remembered.
const MAX_REMEMBERED = 10_000;
const applies = new Map<string, boolean>();

function isEmpty(overrides: Adoption['overrides']): boolean {
  return Object.keys(overrides).length === 0;
}

function appliesTo(base: ServiceVersion, overrides: Adoption['overrides']): boolean {
  if (isEmpty(overrides)) return true;
  const key = `${base.owner}/${base.serviceId}@${base.version}\n${canonicalJson(overrides)}`;
  let result = applies.get(key);
  if (result === undefined) {
    result = overrideProblems(base.definition, overrides).length === 0;
    if (applies.size >= MAX_REMEMBERED) applies.clear();
    applies.set(key, result);
  }
  return result;
}

/** The base version with the adoption's overrides applied: what the municipality serves. */
export function effectiveVersion(base: ServiceVersion, overrides: Adoption['overrides']): ServiceVersion {
  if (isEmpty(overrides)) return base;
  const definition = effectiveDefinition(base.definition, overrides as AdoptionOverrides);
  markVariant(definition, overrides);
  return { ...base, definition };
}

/**
 * The version an adoption serves. A pinned one serves its version; one that follows serves the
 * newest version its overrides still apply to, so when the owner publishes a version that an
 * override no longer fits (a removed field, a renamed option) it keeps serving the one before
 * and needs review. Computed from the immutable versions, so the service list, the citizen
 * pages and submissions all agree without anything stored at publish time.
 */
export async function servedAdoption(deps: ServiceDeps, adoption: Adoption): Promise<ServedAdoption> {
  const numbers = await deps.store.listServiceVersionNumbers(adoption.owner, adoption.serviceId);
  const latestVersion = numbers.at(-1) ?? null;
  if (adoption.track !== 'latest') {
    const base = await deps.store.getServiceVersion(adoption.owner, adoption.serviceId, adoption.track);
    return { adoption, served: base === null ? null : effectiveVersion(base, adoption.overrides), latestVersion, state: 'pinned', problems: [] };
  }
  let problems: OverrideProblem[] = [];
  for (const number of [...numbers].reverse()) {
    const base = await deps.store.getServiceVersion(adoption.owner, adoption.serviceId, number);
    if (base === null) continue;
    if (appliesTo(base, adoption.overrides)) {
      return { adoption, served: effectiveVersion(base, adoption.overrides), latestVersion, state: number === latestVersion ? 'following' : 'needs-review', problems };
    }
    if (number === latestVersion) problems = overrideProblems(base.definition, adoption.overrides);
  }
  return { adoption, served: null, latestVersion, state: 'needs-review', problems };
}

function viewOf(served: ServedAdoption): AdoptionView {
  const { adoption } = served;
  return {
    service: `${adoption.owner}/${adoption.serviceId}`,
    owner: adoption.owner,
    serviceId: adoption.serviceId,
    track: adoption.track,
    overrides: adoption.overrides,
    adoptedAt: adoption.adoptedAt,
    state: served.state,
    servedVersion: served.served?.version ?? null,
    latestVersion: served.latestVersion,
    problems: served.problems,
  };
}

/**
 * May the actor manage the tenant's adoptions? Only the municipality's administrators, signed
 * in: no credentials 401; staff or a key of another tenant 404; the tenant's own key or staff
 * without the admin role 403. A collaboration adopts nothing: 404.
 */
export function authorizeAdopt(actor: Actor, tenant: Tenant): StaffActor {
  // Checked before the roles, so a collaboration's own staff are told the same as everyone.
  if (tenant.kind !== 'municipality' && actor.kind === 'staff' && (actor.tenantRoles[tenant.id] ?? []).length > 0) {
    throw new NotFoundError('not-found', 'No such API endpoint.');
  }
  return authorizeStaff(actor, tenant.id, 'adoptions:manage');
}

/** The tenant's adoptions with the version each serves and its state. */
export async function listAdoptions(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant }): Promise<AdoptionView[]> {
  authorizeAdopt(actor, input.tenant);
  const adoptions = await deps.store.listAdoptions(input.tenant.id);
  const views = await Promise.all(adoptions.map(async (adoption) => viewOf(await servedAdoption(deps, adoption))));
  return views.sort((a, b) => a.service.localeCompare(b.service));
}

/** The shared e-services of every collaboration the municipality belongs to. */
export async function listCatalogue(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant }): Promise<CatalogueEntry[]> {
  const { tenant } = input;
  authorizeAdopt(actor, tenant);
  const tenants = await deps.store.listTenants();
  const ownIds = new Set((await deps.store.listServiceStatuses(tenant.id)).map((s) => s.serviceId));
  const entries: CatalogueEntry[] = [];
  for (const owner of tenant.memberOf) {
    const members = tenants.filter((t) => t.kind === 'municipality' && t.memberOf.includes(owner));
    const adoptionsOf = new Map(await Promise.all(members.map(async (m) => [m.id, await deps.store.listAdoptions(m.id)] as const)));
    const retired = new Set((await deps.store.listServiceStatuses(owner)).filter((s) => s.retired).map((s) => s.serviceId));
    for (const latest of await deps.store.listLatestServiceVersions(owner)) {
      if (retired.has(latest.serviceId)) continue;
      const adopts = (m: string): Adoption | undefined => adoptionsOf.get(m)?.find((a) => a.owner === owner && a.serviceId === latest.serviceId);
      const own = adopts(tenant.id);
      const { definition } = latest;
      entries.push({
        service: `${owner}/${latest.serviceId}`,
        owner,
        id: latest.serviceId,
        title: definition.title,
        ...(definition.description === undefined ? {} : { description: definition.description }),
        ...(definition.category === undefined ? {} : { category: definition.category }),
        latestVersion: latest.version,
        versions: await deps.store.listServiceVersionNumbers(owner, latest.serviceId),
        adoption: own === undefined ? null : viewOf(await servedAdoption(deps, own)),
        usedBy: members.filter((m) => m.id !== tenant.id && adopts(m.id) !== undefined).map((m) => m.id),
        idTaken: ownIds.has(latest.serviceId),
      });
    }
  }
  return entries.sort((a, b) => a.service.localeCompare(b.service));
}

const SERVICE = /^([a-z0-9][a-z0-9-]{0,62})\/([a-z0-9][a-z0-9-]{1,62})$/;

/** A pointed problem; `messages` holds it in Swedish and English where the model wrote both. */
type Pointed = { path: string; message: string; messages?: LocalText };

function invalid(errors: Pointed[]): UnprocessableError {
  return new UnprocessableError(
    'invalid-adoption',
    `The adoption has ${errors.length} problem(s): ${errors.slice(0, 3).map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`,
    errors.map((e) => ({ ...e, keyword: 'adoption' })),
  );
}

function trackOf(value: unknown): 'latest' | number {
  if (value === undefined || value === 'latest') return 'latest';
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  throw invalid([{ path: '/track', message: 'track must be "latest" or a version number' }]);
}

function overridesOf(value: unknown): { [key: string]: JsonValue } {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid([{ path: '/overrides', message: 'overrides must be an object' }]);
  return value as { [key: string]: JsonValue };
}

/** 422 unless the overrides apply to the version the track would serve and route to the tenant's own queues. */
async function checkAdoption(deps: ServiceDeps, tenant: Tenant, adoption: Adoption): Promise<void> {
  const numbers = await deps.store.listServiceVersionNumbers(adoption.owner, adoption.serviceId);
  const target = adoption.track === 'latest' ? numbers.at(-1) : adoption.track;
  const base = target === undefined || !numbers.includes(target) ? null : await deps.store.getServiceVersion(adoption.owner, adoption.serviceId, target);
  if (base === null) throw invalid([{ path: '/track', message: `the e-service has no version ${String(adoption.track)}` }]);
  const problems: Pointed[] = overrideProblems(base.definition, adoption.overrides).map((p) => ({ path: `/overrides${p.path}`, message: p.message.en ?? p.message.sv, messages: p.message }));
  if (problems.length === 0) {
    const routing = effectiveDefinition(base.definition, adoption.overrides as AdoptionOverrides).routing;
    const queues = [{ queue: routing.queue, path: '/overrides/routing/queue' }, ...(routing.rules ?? []).map((r, i) => ({ queue: r.queue, path: `/overrides/routing/rules/${i}/queue` }))];
    for (const { queue, path } of queues) {
      if ((await deps.store.getQueue(tenant.id, queue)) === null) {
        problems.push({ path: adoption.overrides.routing === undefined ? '/overrides' : path, message: `${tenant.id} has no queue "${queue.slice(0, 64)}"` });
      }
    }
  }
  const logo = (adoption.overrides as AdoptionOverrides).theme?.logo;
  if (problems.length === 0 && logo !== undefined) {
    const stored = await deps.store.getAdoptionLogo(tenant.id, adoption.owner, adoption.serviceId);
    if (stored?.sha256 !== logo.sha256) problems.push({ path: '/overrides/theme/logo/sha256', message: 'no logo with this sha256 was uploaded for this adoption; upload it first' });
  }
  if (problems.length > 0) throw invalid(problems);
}

/** Adopt a shared e-service of one of the municipality's collaborations. */
export async function adoptService(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; body: { [key: string]: unknown } }): Promise<AdoptionView> {
  const { tenant, body } = input;
  const staff = authorizeAdopt(actor, tenant);
  const match = typeof body.service === 'string' ? SERVICE.exec(body.service) : null;
  if (match === null) throw invalid([{ path: '/service', message: 'service must be "{owner}/{id}" of a shared e-service' }]);
  const [, owner = '', serviceId = ''] = match;
  const adoption: Adoption = { owner, serviceId, track: trackOf(body.track), overrides: overridesOf(body.overrides), adoptedAt: deps.clock().toISOString() };
  const status = tenant.memberOf.includes(owner) ? await deps.store.getServiceStatus(owner, serviceId) : null;
  if (status === null || status.retired) throw new NotFoundError('service-not-found', `There is no shared e-service "${body.service as string}" to adopt.`);
  const existing = await deps.store.listAdoptions(tenant.id);
  if (existing.some((a) => a.owner === owner && a.serviceId === serviceId)) throw new ConflictError('already-adopted', `${tenant.id} has adopted ${owner}/${serviceId} already; change it with PUT.`);
  if (existing.some((a) => a.serviceId === serviceId) || (await deps.store.getServiceStatus(tenant.id, serviceId)) !== null || (await deps.store.getServiceDraft(tenant.id, serviceId)) !== null) {
    throw new ConflictError('service-id-taken', `${tenant.id} already has an e-service "${serviceId}".`);
  }
  await checkAdoption(deps, tenant, adoption);
  await deps.store.putAdoption(tenant.id, adoption);
  deps.log.info({ audit: 'service-adopted', tenant: tenant.id, owner, serviceId, track: adoption.track, by: staff.userId }, 'shared e-service adopted');
  await deps.audit(tenant.id, staff, { kind: 'adoption-created', target: `${owner}/${serviceId}`, detail: { track: adoption.track } });
  return viewOf(await servedAdoption(deps, adoption));
}

/** Change an adoption's track or overrides; what is not sent stays. */
export async function changeAdoption(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; owner: string; serviceId: string; body: { [key: string]: unknown } },
): Promise<AdoptionView> {
  const { tenant, body } = input;
  const staff = authorizeAdopt(actor, tenant);
  const current = await deps.store.getAdoption(tenant.id, input.owner, input.serviceId);
  if (current === null) throw new NotFoundError('adoption-not-found', `${tenant.id} has not adopted ${input.owner.slice(0, 64)}/${input.serviceId.slice(0, 64)}.`);
  const unknown = Object.keys(body).filter((key) => key !== 'track' && key !== 'overrides');
  if (unknown.length > 0 || Object.keys(body).length === 0) throw invalid([{ path: unknown.length > 0 ? `/${unknown[0]!}` : '', message: 'send track and/or overrides' }]);
  const adoption: Adoption = {
    ...current,
    ...('track' in body ? { track: trackOf(body.track) } : {}),
    ...('overrides' in body ? { overrides: overridesOf(body.overrides) } : {}),
  };
  await checkAdoption(deps, tenant, adoption);
  await deps.store.putAdoption(tenant.id, adoption);
  deps.log.info({ audit: 'adoption-changed', tenant: tenant.id, owner: adoption.owner, serviceId: adoption.serviceId, track: adoption.track, by: staff.userId }, 'adoption changed');
  await deps.audit(tenant.id, staff, { kind: 'adoption-changed', target: `${adoption.owner}/${adoption.serviceId}`, detail: { track: adoption.track, overrides: Object.keys(adoption.overrides).sort() } });
  return viewOf(await servedAdoption(deps, adoption));
}

/**
 * Leave an adoption: the municipality stops offering the shared e-service. Refused (409
 * `cases-waiting`) while any of its cases of that e-service wait in a queue (pending, leased or
 * dead): they are read with the adoption's own texts and local questions, which leaving ends.
 * Cases already delivered stay, and so do the citizens' receipts.
 */
export async function leaveAdoption(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; owner: string; serviceId: string }): Promise<void> {
  const { tenant, owner, serviceId } = input;
  const staff = authorizeAdopt(actor, tenant);
  if ((await deps.store.getAdoption(tenant.id, owner, serviceId)) === null) {
    throw new NotFoundError('adoption-not-found', `${tenant.id} has not adopted ${owner.slice(0, 64)}/${serviceId.slice(0, 64)}.`);
  }
  const waiting = await deps.store.countWaitingSubmissions(tenant.id, owner, serviceId);
  if (waiting > 0) {
    throw new ConflictError('cases-waiting', `${waiting} case(s) of ${owner}/${serviceId} still wait in ${tenant.id}'s queues; deliver them before leaving.`);
  }
  await deps.store.deleteAdoption(tenant.id, owner, serviceId);
  deps.log.info({ audit: 'adoption-left', tenant: tenant.id, owner, serviceId, by: staff.userId }, 'adoption left');
  await deps.audit(tenant.id, staff, { kind: 'adoption-left', target: `${owner}/${serviceId}` });
}
