import { NotFoundError, workflowOf } from '@samform/model';
import type { CitizenCaseEvent, CitizenCaseStatus, CitizenStop } from '@samform/model';
import type { WorkflowStatus } from '@samform/model';
import type { CaseEvent, CaseRecord, Tenant } from '@samform/store';
import { versionAsServed } from './catalog-service.ts';
import type { ServiceDeps } from './service-deps.ts';

/** The citizen's status link of a case: no language, no login; the token is the key. */
export function statusPath(tenant: string, token: string): string {
  return `/t/${tenant}/status/${token}`;
}

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

/** The case as its citizen follows it: the current stop, the journey, and only the events meant for them (never notes). */
export async function citizenCaseStatus(deps: ServiceDeps, tenant: Tenant, found: CaseRecord): Promise<CitizenCaseStatus> {
  const [version, events] = await Promise.all([
    versionAsServed(deps, tenant, found.serviceOwner, found.serviceId, found.version),
    deps.store.listCaseEvents(tenant.id, found.id),
  ]);
  const workflow = workflowOf(version?.definition ?? {});
  const titleOf = (id: string) => workflow.find((s) => s.id === id)?.title ?? { sv: id };
  const current = { id: found.case.status, title: titleOf(found.case.status), final: found.case.closed };
  const stops = journeyStops(workflow, current.id, events);
  const first = workflow[0];
  const history: CitizenCaseEvent[] = [{ kind: 'status', at: found.receivedAt, title: first?.title ?? titleOf(found.case.status) }];
  for (const event of events) {
    if (event.kind === 'status') history.push({ kind: 'status', at: event.at, title: titleOf(event.to), ...(event.message === undefined ? {} : { message: event.message }) });
    else if (event.kind === 'message') history.push({ kind: 'message', at: event.at, text: event.text });
  }
  return { reference: found.reference, receivedAt: found.receivedAt, current, stops, history, statusPath: statusPath(tenant.id, found.case.statusToken) };
}

/** The case behind a status link with the definition to title it; 404 for an unknown token. */
export async function caseByStatusToken(deps: ServiceDeps, tenant: Tenant, token: string) {
  const found = TOKEN.test(token) ? await deps.store.findCaseByStatusToken(tenant.id, token) : null;
  const version = found ? await versionAsServed(deps, tenant, found.serviceOwner, found.serviceId, found.version) : null;
  if (!found || !version) throw new NotFoundError('case-not-found', 'There is no case behind this link.');
  return { found, version, status: await citizenCaseStatus(deps, tenant, found) };
}

/**
 * The journey as the citizen sees it: the stops up to the first final one (the idea journey's
 * "a simpler everyday life", the default workflow's "closed"). A case that left the journey at
 * another final stop ("the idea does not go ahead") shows the stops it passed, then that exit.
 */
function journeyStops(workflow: readonly WorkflowStatus[], currentId: string, events: readonly CaseEvent[]): CitizenStop[] {
  const end = workflow.findIndex((stop) => stop.final === true);
  const main = end < 0 ? [...workflow] : workflow.slice(0, end + 1);
  const at = main.findIndex((stop) => stop.id === currentId);
  if (at >= 0) return main.map((stop, index) => ({ id: stop.id, title: stop.title, state: index < at ? 'passed' : index === at ? 'current' : 'ahead' }));
  const visited = new Set([workflow[0]?.id, ...events.flatMap((e) => (e.kind === 'status' ? [e.to] : []))]);
  const exit = workflow.find((stop) => stop.id === currentId);
  return [
    ...main.filter((stop) => visited.has(stop.id)).map((stop): CitizenStop => ({ id: stop.id, title: stop.title, state: 'passed' })),
    { id: currentId, title: exit?.title ?? { sv: currentId }, state: 'current' },
  ];
}
