import { ConflictError, NotFoundError, checkForPublish } from '@samform/model';
import type { PublishProblem, ServiceDefinition } from '@samform/model';
import type { PublishedServiceVersion, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { authorizeDesign } from './authorize-design.ts';
import { canonicalJson } from './canonical-json.ts';
import type { ServiceDeps } from './service-deps.ts';
import type { ValidatorModuleCache } from './validator-module.ts';

/** What publishing needs besides the common deps: the citizen pages' validator modules, to warm. */
export interface PublishDeps extends ServiceDeps {
  modules: ValidatorModuleCache;
}

/** Published (with the warnings the author may still act on), or refused by the checks. */
export type PublishResult =
  | { published: true; version: PublishedServiceVersion; warnings: PublishProblem[] }
  | { published: false; problems: PublishProblem[] };

/** The longest change note, in characters. */
export const MAX_NOTE_LENGTH = 500;

/**
 * Queues the definition routes to that a receiving municipality lacks: the tenant itself, or
 * every member of a collaboration. A submission routed to a missing queue could not be accepted.
 */
async function routingProblems(deps: ServiceDeps, tenant: Tenant, definition: ServiceDefinition): Promise<PublishProblem[]> {
  const receivers =
    tenant.kind === 'municipality' ? [tenant] : (await deps.store.listTenants()).filter((t) => t.kind === 'municipality' && t.memberOf.includes(tenant.id));
  const queuesOf = await Promise.all(receivers.map(async (r) => ({ id: r.id, queues: new Set((await deps.store.listQueues(r.id)).map((q) => q.id)) })));
  const targets: [string, string][] = [['/routing/queue', definition.routing.queue]];
  (definition.routing.rules ?? []).forEach((rule, i) => targets.push([`/routing/rules/${i}/queue`, rule.queue]));
  const problems: PublishProblem[] = [];
  for (const [path, queue] of targets) {
    const lacking = queuesOf.filter((r) => !r.queues.has(queue)).map((r) => r.id);
    if (lacking.length === 0) continue;
    const who = lacking.slice(0, 5).join(', ');
    problems.push({
      path,
      severity: 'error',
      message: { sv: `Kön "${queue}" finns inte hos ${who}.`, en: `The queue "${queue}" does not exist at ${who}.` },
    });
  }
  return problems;
}

/**
 * Everything that stops a definition from being published, and the warnings: the model's
 * publish checks and the queues its routing needs at the municipalities that would receive it.
 */
export async function publishProblems(deps: ServiceDeps, tenant: Tenant, definition: ServiceDefinition): Promise<PublishProblem[]> {
  return [...checkForPublish(definition), ...(await routingProblems(deps, tenant, definition))];
}

/**
 * Publish the draft as version N+1 with a change note, after the publish checks. The new
 * version's validator and validator module are built before this resolves, so the citizen API
 * and pages serve it at once. The draft stays, equal to the new version, so editing goes on.
 * NotFoundError `draft-not-found` without a draft; ConflictError `no-changes` when the draft
 * equals the latest version; `version-exists` when another publish won the race.
 */
export async function publishService(deps: PublishDeps, actor: Actor, input: { tenant: Tenant; serviceId: string; note: string }): Promise<PublishResult> {
  const staff = authorizeDesign(actor, input.tenant.id);
  const draft = await deps.store.getServiceDraft(input.tenant.id, input.serviceId);
  if (draft === null) {
    const exists = (await deps.store.getServiceStatus(input.tenant.id, input.serviceId)) !== null;
    throw exists
      ? new NotFoundError('draft-not-found', `The e-service "${input.serviceId}" has no draft to publish.`)
      : new NotFoundError('service-not-found', `The tenant has no e-service "${input.serviceId.slice(0, 64)}".`);
  }
  const { definition } = draft;
  const problems = await publishProblems(deps, input.tenant, definition);
  if (problems.some((p) => p.severity === 'error')) return { published: false, problems };

  const latest = await deps.store.getServiceVersion(input.tenant.id, input.serviceId);
  if (latest !== null && canonicalJson(latest.definition) === canonicalJson(definition)) {
    throw new ConflictError('no-changes', `The draft is the same as version ${latest.version}; there is nothing to publish.`);
  }
  const version: PublishedServiceVersion = {
    owner: input.tenant.id,
    serviceId: input.serviceId,
    version: (latest?.version ?? 0) + 1,
    definition,
    publishedAt: deps.clock().toISOString(),
    note: input.note,
    publishedBy: staff.userId,
  };
  await deps.store.publishServiceVersion(input.tenant.id, version);
  // Who published what is an audit fact; the note may hold anything, so it is not logged.
  deps.log.info({ audit: 'service-published', tenant: version.owner, serviceId: version.serviceId, version: version.version, by: staff.userId }, 'e-service version published');
  await deps.audit(version.owner, staff, { kind: 'service-published', target: version.serviceId, detail: { version: version.version } });

  // Warmed only now: the caches key on (owner, service, version), which a lost race would reuse.
  deps.validators.get(version);
  await deps.modules.warm(version).catch((error: unknown) => {
    // The version is published; without a module the citizen page validates on the server.
    deps.log.warn({ err: error, owner: version.owner, serviceId: version.serviceId, version: version.version }, 'validator module could not be built');
  });
  return { published: true, version, warnings: problems };
}
