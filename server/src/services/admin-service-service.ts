import { ConflictError, NotFoundError, UnprocessableError, checkDefinition, diffDefinitions, overrideProblems } from '@samform/model';
import type { DefinitionChange, LocalText, OverrideProblem, PublishProblem, ServiceDefinition } from '@samform/model';
import type { DraftCount, PublishedServiceVersion, ServiceDraft, ServiceStatus, ServiceVersionInfo, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { authorizeDesign } from './authorize-design.ts';
import type { DraftValidatorModules } from './draft-validator-module.ts';
import { publishProblems } from './publish-service.ts';
import type { ServiceDeps } from './service-deps.ts';
import type { ValidatorModule } from './validator-module.ts';

/** One row of the tenant's own e-services in the admin list. */
export interface AdminServiceSummary {
  id: string;
  /** The draft's title, else the latest version's. */
  title: LocalText;
  draft: { updatedAt: string; updatedBy: string } | null;
  latestVersion: number | null;
  retired: boolean;
  retiredAt: string | null;
}

/** A draft as the admin API shows it; `stored: false` is the latest version offered as a start. */
export interface DraftView {
  definition: ServiceDefinition;
  updatedAt: string;
  updatedBy: string | null;
  stored: boolean;
}

/** A saved draft with the publish checks' problems, so the designer shows them after every autosave. */
export type SavedDraftView = DraftView & { problems: PublishProblem[] };

/** A published version, or the draft. */
export type VersionRef = number | 'draft';

/** The retirement state after a change. */
export interface RetirementView {
  id: string;
  retired: boolean;
  retiredAt: string | null;
}

const SERVICE_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Draft saves by one person closer together than this make one audit entry. */
export const DRAFT_AUDIT_GAP_MS = 15 * 60 * 1000;

function serviceNotFound(serviceId: string): NotFoundError {
  return new NotFoundError('service-not-found', `The tenant has no e-service "${serviceId.slice(0, 64)}".`);
}

function draftView(draft: ServiceDraft): DraftView {
  return { definition: draft.definition, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy, stored: true };
}

/**
 * The candidate as a definition, or UnprocessableError `invalid-definition` with every problem
 * as `{ path, keyword, message }` (a JSON Pointer into the definition); with `serviceId`, its id
 * must be that one.
 */
export function checkedDefinition(candidate: unknown, serviceId?: string): ServiceDefinition {
  const problems = checkDefinition(candidate).map((p) => ({ path: p.path, keyword: 'definition', message: p.message }));
  const id = (candidate as { id?: unknown } | null)?.id;
  if (serviceId !== undefined && typeof id === 'string' && id !== serviceId) {
    problems.push({ path: '/id', keyword: 'const', message: `must be "${serviceId}", the e-service in the address` });
  }
  if (problems.length > 0) {
    const first = problems.slice(0, 3).map((p) => `${p.path || '/'} ${p.message}`).join('; ');
    throw new UnprocessableError('invalid-definition', `The e-service definition has ${problems.length} problem(s): ${first}`, problems);
  }
  return candidate as ServiceDefinition;
}

/** The tenant's own e-service's draft and status; NotFoundError when it has neither (adopted ones are not its own). */
async function requireOwnService(deps: ServiceDeps, tenant: Tenant, serviceId: string): Promise<{ draft: ServiceDraft | null; status: ServiceStatus | null }> {
  if (!SERVICE_ID.test(serviceId)) throw serviceNotFound(serviceId);
  const [draft, status] = await Promise.all([deps.store.getServiceDraft(tenant.id, serviceId), deps.store.getServiceStatus(tenant.id, serviceId)]);
  if (draft === null && status === null) throw serviceNotFound(serviceId);
  return { draft, status };
}

/** The tenant's own e-services (drafts and published ones, not adopted ones), sorted by id. */
export async function listAdminServices(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant }): Promise<AdminServiceSummary[]> {
  authorizeDesign(actor, input.tenant.id);
  const [drafts, latest, statuses] = await Promise.all([
    deps.store.listServiceDrafts(input.tenant.id),
    deps.store.listLatestServiceVersions(input.tenant.id),
    deps.store.listServiceStatuses(input.tenant.id),
  ]);
  const draftOf = new Map(drafts.map((d) => [d.serviceId, d]));
  const latestOf = new Map(latest.map((v) => [v.serviceId, v]));
  const statusOf = new Map(statuses.map((s) => [s.serviceId, s]));
  const ids = [...new Set([...draftOf.keys(), ...latestOf.keys()])].sort();
  return ids.map((id): AdminServiceSummary => {
    const draft = draftOf.get(id);
    const status = statusOf.get(id);
    return {
      id,
      title: (draft?.definition ?? latestOf.get(id)!.definition).title,
      draft: draft === undefined ? null : { updatedAt: draft.updatedAt, updatedBy: draft.updatedBy },
      latestVersion: latestOf.get(id)?.version ?? null,
      retired: status?.retired ?? false,
      retiredAt: status?.retiredAt ?? null,
    };
  });
}

/**
 * Start a new e-service (or import an exported one) as a draft. ConflictError `service-exists`
 * when the id is taken among the tenant's drafts, versions or adopted e-services.
 */
export async function createService(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; definition: unknown }): Promise<DraftView & { id: string }> {
  const staff = authorizeDesign(actor, input.tenant.id);
  const definition = checkedDefinition(input.definition);
  const { id } = definition;
  const taken = (): ConflictError => new ConflictError('service-exists', `The tenant has an e-service "${id}" already; pick another id.`);
  const [status, adoptions] = await Promise.all([
    deps.store.getServiceStatus(input.tenant.id, id),
    input.tenant.kind === 'municipality' ? deps.store.listAdoptions(input.tenant.id) : Promise.resolve([]),
  ]);
  if (status !== null || adoptions.some((a) => a.serviceId === id)) throw taken();
  const draft = { definition, updatedAt: deps.clock().toISOString(), updatedBy: staff.userId };
  try {
    await deps.store.putServiceDraft(input.tenant.id, id, draft, { onlyIfAbsent: true });
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'draft-exists') throw taken();
    throw error;
  }
  deps.log.info({ audit: 'service-draft-created', tenant: input.tenant.id, serviceId: id, by: staff.userId }, 'e-service draft created');
  await deps.audit(input.tenant.id, staff, { kind: 'service-created', target: id });
  return { id, ...draft, stored: true };
}

/** The draft, or the latest version as the start of one when nothing is being edited. */
export async function getDraft(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; serviceId: string }): Promise<DraftView> {
  authorizeDesign(actor, input.tenant.id);
  const { draft } = await requireOwnService(deps, input.tenant, input.serviceId);
  if (draft !== null) return draftView(draft);
  const latest = (await deps.store.getServiceVersion(input.tenant.id, input.serviceId))!;
  return { definition: latest.definition, updatedAt: latest.publishedAt, updatedBy: latest.publishedBy ?? null, stored: false };
}

/**
 * Save the draft of one of the tenant's own e-services (the autosave), answered with the
 * publish checks' problems of what was saved (the staff pages cannot run them: no eval).
 */
export async function saveDraft(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; serviceId: string; definition: unknown }): Promise<SavedDraftView> {
  const staff = authorizeDesign(actor, input.tenant.id);
  const before = (await requireOwnService(deps, input.tenant, input.serviceId)).draft;
  const definition = checkedDefinition(input.definition, input.serviceId);
  const draft = { definition, updatedAt: deps.clock().toISOString(), updatedBy: staff.userId };
  await deps.store.putServiceDraft(input.tenant.id, input.serviceId, draft);
  // Autosave writes every few seconds: one entry per person and editing session is what an
  // auditor needs, so saves by the same person within DRAFT_AUDIT_GAP_MS are coalesced.
  const sameSession = before !== null && before.updatedBy === staff.userId && Date.parse(draft.updatedAt) - Date.parse(before.updatedAt) < DRAFT_AUDIT_GAP_MS;
  if (!sameSession) await deps.audit(input.tenant.id, staff, { kind: 'service-draft-saved', target: input.serviceId });
  return { ...draft, stored: true, problems: await publishProblems(deps, input.tenant, definition) };
}

/** The publish checks' problems of the draft (or of the latest version when nothing is being edited). */
export async function checkDraft(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; serviceId: string }): Promise<{ problems: PublishProblem[] }> {
  const { definition } = await getDraft(deps, actor, input);
  return { problems: await publishProblems(deps, input.tenant, definition) };
}

/**
 * The draft's (or latest version's) validator as a standalone ES module, for the designer's
 * preview, which may not compile one itself (no eval); rejects when it cannot be built.
 */
export async function draftValidatorModule(
  deps: ServiceDeps & { draftModules: DraftValidatorModules },
  actor: Actor,
  input: { tenant: Tenant; serviceId: string },
): Promise<ValidatorModule> {
  const { definition } = await getDraft(deps, actor, input);
  return deps.draftModules.get(input.tenant.id, input.serviceId, definition);
}

/** The published versions of one of the tenant's own e-services, oldest first. */
export async function listVersions(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; serviceId: string }): Promise<ServiceVersionInfo[]> {
  authorizeDesign(actor, input.tenant.id);
  await requireOwnService(deps, input.tenant, input.serviceId);
  return deps.store.listServiceVersions(input.tenant.id, input.serviceId);
}

/** One published version. */
export async function getVersion(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; serviceId: string; version: number }): Promise<PublishedServiceVersion> {
  authorizeDesign(actor, input.tenant.id);
  await requireOwnService(deps, input.tenant, input.serviceId);
  return versionOf(deps, input.tenant, input.serviceId, input.version);
}

async function versionOf(deps: ServiceDeps, tenant: Tenant, serviceId: string, version: number): Promise<PublishedServiceVersion> {
  const found = await deps.store.getServiceVersion(tenant.id, serviceId, version);
  if (found === null) throw new NotFoundError('version-not-found', `The e-service "${serviceId}" has no version ${version}.`);
  return found;
}

async function definitionAt(deps: ServiceDeps, tenant: Tenant, serviceId: string, draft: ServiceDraft | null, ref: VersionRef): Promise<ServiceDefinition> {
  if (ref !== 'draft') return (await versionOf(deps, tenant, serviceId, ref)).definition;
  if (draft === null) throw new NotFoundError('draft-not-found', `The e-service "${serviceId}" has no draft.`);
  return draft.definition;
}

/** What changed from one version (or the draft) to another, readable. */
export async function diffService(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; serviceId: string; from: VersionRef; to: VersionRef },
): Promise<DefinitionChange[]> {
  authorizeDesign(actor, input.tenant.id);
  const { draft } = await requireOwnService(deps, input.tenant, input.serviceId);
  const [before, after] = await Promise.all([
    definitionAt(deps, input.tenant, input.serviceId, draft, input.from),
    definitionAt(deps, input.tenant, input.serviceId, draft, input.to),
  ]);
  return diffDefinitions(before, after);
}

/**
 * The definition to export: the version asked for, the draft, or by default the latest version
 * (the draft when nothing is published yet).
 */
export async function exportService(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; serviceId: string; version?: VersionRef }): Promise<ServiceDefinition> {
  authorizeDesign(actor, input.tenant.id);
  const { draft, status } = await requireOwnService(deps, input.tenant, input.serviceId);
  const ref = input.version ?? status?.latestVersion ?? 'draft';
  return definitionAt(deps, input.tenant, input.serviceId, draft, ref);
}

/**
 * Retire one of the tenant's published e-services (citizens are no longer offered it; its
 * versions and cases stay), or offer it again. NotFoundError when it was never published.
 */
export async function setRetired(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; serviceId: string; retired: boolean }): Promise<RetirementView> {
  const staff = authorizeDesign(actor, input.tenant.id);
  const { status } = await requireOwnService(deps, input.tenant, input.serviceId);
  if (status === null) throw new ConflictError('service-not-published', `The e-service "${input.serviceId}" has no published version to retire.`);
  await deps.store.setServiceRetired(input.tenant.id, input.serviceId, input.retired, deps.clock().toISOString());
  const after = (await deps.store.getServiceStatus(input.tenant.id, input.serviceId))!;
  deps.log.info(
    { audit: input.retired ? 'service-retired' : 'service-offered-again', tenant: input.tenant.id, serviceId: input.serviceId, by: staff.userId },
    input.retired ? 'e-service retired' : 'e-service offered again',
  );
  await deps.audit(input.tenant.id, staff, { kind: input.retired ? 'service-retired' : 'service-offered-again', target: input.serviceId });
  return { id: input.serviceId, retired: after.retired, retiredAt: after.retiredAt };
}

/** What publishing the current draft would do to the member municipalities that adopted it. */
export interface PublishImpact {
  /** Follow the latest version and their overrides fit the draft: they would serve it at once. */
  follow: string[];
  /** Follow, but their overrides no longer fit the draft: they would keep the old version and need review. */
  needsReview: { tenant: string; problems: OverrideProblem[] }[];
  /** Pinned to a version: they stay there. */
  pinned: { tenant: string; version: number }[];
  /**
   * Citizen drafts in flight, in every municipality: on the latest published version (they
   * finish on it, as drafts stay on the version they began on) and per version.
   */
  drafts: { currentVersion: number | null; onCurrent: number; byVersion: DraftCount[] };
}

/** The impact of publishing the draft (or the latest version when nothing is being edited) on its adopters. */
export async function publishImpact(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; serviceId: string }): Promise<PublishImpact> {
  const { definition } = await getDraft(deps, actor, input);
  const [numbers, byVersion] = await Promise.all([
    deps.store.listServiceVersionNumbers(input.tenant.id, input.serviceId),
    deps.store.countCitizenDrafts(input.tenant.id, input.serviceId, deps.clock()),
  ]);
  const currentVersion = numbers.at(-1) ?? null;
  const onCurrent = byVersion.find((d) => d.version === currentVersion)?.drafts ?? 0;
  const impact: PublishImpact = { follow: [], needsReview: [], pinned: [], drafts: { currentVersion, onCurrent, byVersion } };
  if (input.tenant.kind !== 'collaboration') return impact;
  const members = (await deps.store.listTenants()).filter((t) => t.kind === 'municipality' && t.memberOf.includes(input.tenant.id));
  for (const member of members.sort((a, b) => a.id.localeCompare(b.id))) {
    const adoption = (await deps.store.listAdoptions(member.id)).find((a) => a.owner === input.tenant.id && a.serviceId === input.serviceId);
    if (adoption === undefined) continue;
    if (adoption.track !== 'latest') {
      impact.pinned.push({ tenant: member.id, version: adoption.track });
      continue;
    }
    const problems = Object.keys(adoption.overrides).length === 0 ? [] : overrideProblems(definition, adoption.overrides);
    if (problems.length === 0) impact.follow.push(member.id);
    else impact.needsReview.push({ tenant: member.id, problems });
  }
  return impact;
}
