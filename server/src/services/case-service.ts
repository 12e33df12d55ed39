import { allowedMoves, NotFoundError, refusedMove, UnprocessableError, workflowOf } from '@samform/model';
import type { JsonValue, LocalText, ServiceDefinition, ServiceVersion, WorkflowStatus } from '@samform/model';
import type { CaseEvent, CaseEventInput, CaseRecord, CaseState, CaseSummary, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import type { AuditEvent } from './audit-service.ts';
import { authorizeCaseWork, caseQueueScope } from './authorize-case-work.ts';
import { caseMessageOutbox } from './case-message-outbox.ts';
import { versionAsServed } from './catalog-service.ts';
import type { ServiceDeps } from './service-deps.ts';

/** A queue in the inbox with its open cases. */
export interface InboxQueue {
  id: string;
  name: LocalText;
  open: number;
  unassigned: number;
  mine: number;
}

/** A staff member as a case shows them. */
export interface StaffRef {
  id: string;
  name: string;
}

/** A case in a queue's list. */
export interface CaseListItem {
  id: string;
  reference: string;
  service: { owner: string; id: string; version: number; title: LocalText };
  receivedAt: string;
  status: { id: string; title: LocalText; final: boolean };
  closed: boolean;
  assignee: StaffRef | null;
  updatedAt: string;
}

/** A recorded event with the name of who recorded it. */
export type StaffCaseEvent = CaseEvent & { byName: string };

/** One case as the case page shows it: answers with the version the citizen used, and its history. */
export interface CaseView extends CaseListItem {
  queue: string;
  locale: string;
  data: { [key: string]: JsonValue };
  /** The definition as the citizen was served it (the version used, with the municipality's overrides). */
  definition: ServiceDefinition;
  workflow: WorkflowStatus[];
  /** Stop ids the case may move to now. */
  moves: string[];
  /** True when the asking case worker holds the case. */
  yours: boolean;
  events: StaffCaseEvent[];
}

/** Filters of a queue's case list; `assignee` is `me`, `none` or a staff user id. */
export interface CaseListQuery {
  status?: string;
  assignee?: string;
  open?: boolean;
  page: number;
  limit: number;
}

const TEXT_LIMIT = 4000;

function caseNotFound(): NotFoundError {
  return new NotFoundError('case-not-found', 'There is no such case.');
}

/** Definitions of the versions cases were filled against, each read once per use case. */
function versionReader(deps: ServiceDeps, tenant: Tenant) {
  const cache = new Map<string, Promise<ServiceVersion | null>>();
  return (owner: string, serviceId: string, version: number): Promise<ServiceVersion | null> => {
    const key = `${owner}/${serviceId}/${version}`;
    let found = cache.get(key);
    if (found === undefined) {
      found = versionAsServed(deps, tenant, owner, serviceId, version);
      cache.set(key, found);
    }
    return found;
  };
}

function staffNames(deps: ServiceDeps) {
  const cache = new Map<string, Promise<string>>();
  return (id: string): Promise<string> => {
    let name = cache.get(id);
    if (name === undefined) {
      name = deps.store.getStaffUser(id).then((user) => user?.displayName ?? id);
      cache.set(id, name);
    }
    return name;
  };
}

function stopOf(workflow: readonly WorkflowStatus[], id: string): { id: string; title: LocalText; final: boolean } {
  const stop = workflow.find((s) => s.id === id);
  // A stop a later version dropped still shows, under its id.
  return { id, title: stop?.title ?? { sv: id }, final: stop?.final === true };
}

async function listItem(
  summary: CaseSummary,
  version: ServiceVersion | null,
  nameOf: (id: string) => Promise<string>,
): Promise<CaseListItem> {
  const definition: Pick<ServiceDefinition, 'workflow' | 'title'> = version?.definition ?? { title: { sv: summary.serviceId } };
  const state: CaseState = summary.case;
  return {
    id: summary.id,
    reference: summary.reference,
    service: { owner: summary.serviceOwner, id: summary.serviceId, version: summary.version, title: definition.title },
    receivedAt: summary.receivedAt,
    status: stopOf(workflowOf(definition), state.status),
    closed: state.closed,
    assignee: state.assignee === null ? null : { id: state.assignee, name: await nameOf(state.assignee) },
    updatedAt: state.updatedAt,
  };
}

/**
 * The queues whose cases the actor works, with their open cases: all, unclaimed, and the asking
 * case worker's. A case worker sees and counts only the queues given to them.
 */
export async function listInbox(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant }): Promise<InboxQueue[]> {
  const staff = authorizeCaseWork(actor, input.tenant.id, 'read');
  const scope = caseQueueScope(staff, input.tenant.id);
  const [queues, counts] = await Promise.all([deps.store.listQueues(input.tenant.id), deps.store.countOpenCases(input.tenant.id, staff.userId)]);
  return queues.filter(({ id }) => scope === null || scope.includes(id)).map(({ id, name }) => {
    const count = counts.find((c) => c.queue === id);
    return { id, name, open: count?.open ?? 0, unassigned: count?.unassigned ?? 0, mine: count?.mine ?? 0 };
  });
}

/** A page of a queue's cases, oldest first. */
export async function listQueueCases(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; queueId: string; query: CaseListQuery },
): Promise<{ total: number; page: number; limit: number; cases: CaseListItem[] }> {
  const staff = authorizeCaseWork(actor, input.tenant.id, 'read', input.queueId);
  if ((await deps.store.getQueue(input.tenant.id, input.queueId)) === null) throw new NotFoundError('queue-not-found', 'There is no such queue.');
  const { status, assignee, open, page, limit } = input.query;
  const { total, cases } = await deps.store.listCases(input.tenant.id, input.queueId, {
    ...(status === undefined ? {} : { status }),
    ...(assignee === undefined ? {} : { assignee: assignee === 'me' ? staff.userId : assignee === 'none' ? null : assignee }),
    ...(open === undefined ? {} : { open }),
    limit,
    offset: (page - 1) * limit,
  });
  const versionOf = versionReader(deps, input.tenant);
  const nameOf = staffNames(deps);
  return { total, page, limit, cases: await Promise.all(cases.map(async (c) => listItem(c, await versionOf(c.serviceOwner, c.serviceId, c.version), nameOf))) };
}

async function requireCase(deps: ServiceDeps, actor: Actor, tenant: Tenant, caseId: string, access: 'read' | 'work') {
  // Authorised for the tenant first, so another tenant's staff learn nothing from the id.
  authorizeCaseWork(actor, tenant.id, access);
  const found = await deps.store.getCase(tenant.id, caseId);
  if (found === null) throw caseNotFound();
  return { staff: authorizeCaseWork(actor, tenant.id, access, found.queue), found };
}

async function caseView(deps: ServiceDeps, tenant: Tenant, found: CaseRecord, userId: string): Promise<CaseView> {
  const [version, events] = await Promise.all([
    versionAsServed(deps, tenant, found.serviceOwner, found.serviceId, found.version),
    deps.store.listCaseEvents(tenant.id, found.id),
  ]);
  if (version === null) throw caseNotFound();
  const nameOf = staffNames(deps);
  const workflow = workflowOf(version.definition);
  return {
    ...(await listItem(found, version, nameOf)),
    queue: found.queue,
    locale: found.locale,
    data: found.data,
    definition: version.definition,
    workflow,
    moves: allowedMoves(workflow, found.case.status).map((s) => s.id),
    yours: found.case.assignee === userId,
    events: await Promise.all(events.map(async (e) => ({ ...e, byName: await nameOf(e.by) }))),
  };
}

/** One case with its answers, the version the citizen used, the allowed moves and the history; a view of a submission, so audited. */
export async function getCaseView(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; caseId: string }): Promise<CaseView> {
  const { staff, found } = await requireCase(deps, actor, input.tenant, input.caseId, 'read');
  const view = await caseView(deps, input.tenant, found, staff.userId);
  await deps.audit(input.tenant.id, staff, { kind: 'case-read', target: `${found.queue}/${found.id}`, detail: { reference: found.reference } });
  return view;
}

/** The case's events, oldest first; they carry the messages to the citizen, so the reading is audited. */
export async function listCaseHistory(deps: ServiceDeps, actor: Actor, input: { tenant: Tenant; caseId: string }): Promise<StaffCaseEvent[]> {
  const { staff, found } = await requireCase(deps, actor, input.tenant, input.caseId, 'read');
  await deps.audit(input.tenant.id, staff, { kind: 'case-history-read', target: `${found.queue}/${found.id}`, detail: { reference: found.reference } });
  const nameOf = staffNames(deps);
  return Promise.all((await deps.store.listCaseEvents(input.tenant.id, found.id)).map(async (e) => ({ ...e, byName: await nameOf(e.by) })));
}

/** A change a case worker makes to a case. */
export type CaseChange =
  | { kind: 'claim' }
  | { kind: 'unclaim' }
  | { kind: 'status'; to: string; from?: string; message?: string }
  | { kind: 'note'; text: string }
  | { kind: 'message'; text: string };

function checkText(value: string | undefined, path: string): void {
  if (value === undefined) return;
  if (value.trim() === '' || value.length > TEXT_LIMIT) {
    throw new UnprocessableError('invalid-text', `${path} must be 1 to ${TEXT_LIMIT} characters.`, [{ path: `/${path}`, keyword: 'maxLength', message: `1 to ${TEXT_LIMIT} characters` }]);
  }
}

/** Record a change on a case (claim, release, move along the workflow, note, message) and return the case. */
export async function changeCase(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; caseId: string; change: CaseChange; /** Where citizens reach Samform, for the status link in a message e-mail. */ origin: string },
): Promise<CaseView> {
  const { staff, found } = await requireCase(deps, actor, input.tenant, input.caseId, 'work');
  const { change } = input;
  let event: CaseEventInput;
  if (change.kind === 'status') {
    checkText(change.message, 'message');
    const version = await versionAsServed(deps, input.tenant, found.serviceOwner, found.serviceId, found.version);
    const workflow = workflowOf(version?.definition ?? {});
    const from = change.from ?? found.case.status;
    const refused = refusedMove(workflow, from, change.to);
    if (refused !== null) {
      const reason = refused === 'unknown-stop' ? 'is not a stop of this e-service' : refused === 'same-stop' ? 'is the stop the case is at' : 'is final, as is the current stop';
      throw new UnprocessableError('invalid-status', `"${change.to.slice(0, 64)}" ${reason}.`, [{ path: '/to', keyword: 'enum', message: reason }]);
    }
    const final = workflow.find((s) => s.id === change.to)?.final === true;
    event = { kind: 'status', from, to: change.to, final, ...(change.message === undefined ? {} : { message: change.message.trim() }) };
  } else if (change.kind === 'note' || change.kind === 'message') {
    checkText(change.text, 'text');
    event = { kind: change.kind, text: change.text.trim() };
  } else {
    event = change;
  }
  const at = deps.clock().toISOString();
  // A message to the citizen is e-mailed to them in the same atomic write as the event (issue 7).
  const outbox = await caseMessageOutbox(deps, input.tenant, found, event, at, input.origin);
  const recorded = await deps.store.recordCaseEvent(input.tenant.id, found.id, { ...event, at, by: staff.userId }, outbox.length > 0 ? { outbox } : {});
  deps.log.info({ caseId: found.id, event: event.kind, seq: recorded.event?.seq }, 'case changed');
  if (recorded.event !== null) await deps.audit(input.tenant.id, staff, caseAuditEvent(found, recorded.event));
  return caseView(deps, input.tenant, recorded.case, staff.userId);
}

const CASE_AUDIT_KINDS: Record<CaseEvent['kind'], string> = {
  claim: 'case-claimed',
  unclaim: 'case-released',
  status: 'case-status-changed',
  note: 'case-note-added',
  message: 'case-message-sent',
};

/** The audit entry of a recorded case event: what was done, never the text of a note or message. */
function caseAuditEvent(found: CaseRecord, event: CaseEvent): AuditEvent {
  const detail: { [key: string]: JsonValue } = { reference: found.reference, seq: event.seq };
  if (event.kind === 'status') Object.assign(detail, { from: event.from, to: event.to, final: event.final, message: event.message !== undefined });
  return { kind: CASE_AUDIT_KINDS[event.kind], target: `${found.queue}/${found.id}`, detail };
}
