import type { JsonValue, LocalText, ServiceDefinition, WorkflowStatus } from '@samform/model';
import { call } from '../staff-api.ts';

/** A queue in the inbox with its open cases. */
export interface InboxQueue {
  id: string;
  name: LocalText;
  open: number;
  unassigned: number;
  mine: number;
}

/** A case in a queue's list. */
export interface CaseListItem {
  id: string;
  reference: string;
  service: { owner: string; id: string; version: number; title: LocalText };
  receivedAt: string;
  status: { id: string; title: LocalText; final: boolean };
  closed: boolean;
  assignee: { id: string; name: string } | null;
  updatedAt: string;
}

/** A recorded event on a case. */
export type CaseEventView = { seq: number; at: string; by: string; byName: string } & (
  | { kind: 'status'; from: string; to: string; final: boolean; message?: string }
  | { kind: 'note'; text: string }
  | { kind: 'message'; text: string }
  | { kind: 'claim' }
  | { kind: 'unclaim' }
);

/** One case with its answers, the version the citizen used, the allowed moves and the history. */
export interface CaseView extends CaseListItem {
  queue: string;
  locale: string;
  data: { [key: string]: JsonValue };
  definition: ServiceDefinition;
  workflow: WorkflowStatus[];
  moves: string[];
  /** True when the signed-in case worker holds the case. */
  yours: boolean;
  events: CaseEventView[];
}

/** Filters of a queue's list. */
export interface CaseFilter {
  open?: 'true' | 'false';
  assignee?: 'me' | 'none';
  page: number;
}

const base = (tenant: string): string => `/api/t/${encodeURIComponent(tenant)}`;

/** Cases per page in a queue's list. */
export const PAGE_SIZE = 25;

/** The inbox part of the staff API. */
export const inboxApi = {
  queues: (tenant: string) => call<{ queues: InboxQueue[] }>('GET', `${base(tenant)}/inbox`).then((r) => r.queues),
  cases: (tenant: string, queue: string, filter: CaseFilter) => {
    const query = new URLSearchParams({ page: String(filter.page), limit: String(PAGE_SIZE) });
    if (filter.open) query.set('open', filter.open);
    if (filter.assignee) query.set('assignee', filter.assignee);
    return call<{ total: number; page: number; limit: number; cases: CaseListItem[] }>('GET', `${base(tenant)}/inbox/${encodeURIComponent(queue)}/cases?${query}`);
  },
  case: (tenant: string, id: string) => call<CaseView>('GET', `${base(tenant)}/cases/${encodeURIComponent(id)}`),
  claim: (tenant: string, id: string) => call<CaseView>('POST', `${base(tenant)}/cases/${encodeURIComponent(id)}/claim`),
  unclaim: (tenant: string, id: string) => call<CaseView>('POST', `${base(tenant)}/cases/${encodeURIComponent(id)}/unclaim`),
  move: (tenant: string, id: string, body: { to: string; from: string; message?: string }) => call<CaseView>('POST', `${base(tenant)}/cases/${encodeURIComponent(id)}/status`, body),
  note: (tenant: string, id: string, text: string) => call<CaseView>('POST', `${base(tenant)}/cases/${encodeURIComponent(id)}/notes`, { text }),
  message: (tenant: string, id: string, text: string) => call<CaseView>('POST', `${base(tenant)}/cases/${encodeURIComponent(id)}/messages`, { text }),
};
