import type Database from 'better-sqlite3';
import type { JsonValue } from '@samform/model';
import { ConflictError, DEFAULT_WORKFLOW, NotFoundError } from '@samform/model';
import { newStatusToken } from '../new-status-token.ts';
import type { CaseEvent, CaseMethods, OutboxMessage, CaseRecord, CaseState, CaseSummary, OpenCaseCounts, Submission } from '../port.ts';

interface CaseRow {
  tenant: string; id: string; reference: string; service_owner: string; service_id: string; version: number;
  received_at: string; queue: string; locale: string; data: string;
  status: string; closed: number; assignee: string | null; status_token: string; updated_at: string; last_seq: number;
}
interface EventRow { seq: number; at: string; by: string; kind: CaseEvent['kind']; body: string }

const DEFAULT_LIMIT = 50;
const CASE_COLUMNS = `s.tenant, s.id, s.reference, s.service_owner, s.service_id, s.version, s.received_at, s.queue, s.locale, s.data,
  c.status, c.closed, c.assignee, c.status_token, c.updated_at, c.last_seq`;

/** The SQLite adapter's cases, and the step that opens a case inside `acceptSubmission`'s transaction. */
export function sqliteCases(
  db: Database.Database,
  run: <T>(work: () => T) => Promise<T>,
  commit: <T>(work: () => T) => Promise<T>,
  enqueue: (tenant: string, messages: readonly OutboxMessage[]) => void,
): { methods: CaseMethods; open(tenant: string, submission: Omit<Submission, 'tenant'>): void } {
  const sql = {
    // The first stop of the version's workflow; the default workflow's when it has none.
    open: db.prepare(
      `INSERT INTO cases (tenant, submission_id, status, status_token, updated_at)
       VALUES (@tenant, @id, COALESCE((SELECT json_extract(definition, '$.workflow[0].id') FROM service_versions
         WHERE tenant = @owner AND service_id = @service_id AND version = @version), @fallback), @token, @at)`,
    ),
    get: db.prepare(`SELECT ${CASE_COLUMNS} FROM cases c JOIN submissions s ON s.tenant = c.tenant AND s.id = c.submission_id WHERE c.tenant = ? AND c.submission_id = ?`),
    byToken: db.prepare(`SELECT ${CASE_COLUMNS} FROM cases c JOIN submissions s ON s.tenant = c.tenant AND s.id = c.submission_id WHERE c.tenant = ? AND c.status_token = ?`),
    counts: db.prepare(
      `SELECT s.queue, count(*) AS open, sum(c.assignee IS NULL) AS unassigned, sum(c.assignee IS @user) AS mine
       FROM cases c JOIN submissions s ON s.tenant = c.tenant AND s.id = c.submission_id
       WHERE c.tenant = @tenant AND c.closed = 0 GROUP BY s.queue ORDER BY s.queue`,
    ),
    update: db.prepare(
      `UPDATE cases SET status = @status, closed = @closed, assignee = @assignee, updated_at = @at, last_seq = @seq
       WHERE tenant = @tenant AND submission_id = @id`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO case_events (tenant, submission_id, seq, at, by, kind, body) VALUES (@tenant, @id, @seq, @at, @by, @kind, @body)`,
    ),
    events: db.prepare('SELECT seq, at, by, kind, body FROM case_events WHERE tenant = ? AND submission_id = ? ORDER BY seq'),
  };

  const listWhere = (options: { status?: string; assignee?: string | null; open?: boolean }): { where: string; params: Record<string, unknown> } => {
    const clauses = ['c.tenant = @tenant', 's.queue = @queue'];
    const params: Record<string, unknown> = {};
    if (options.status !== undefined) {
      clauses.push('c.status = @status');
      params.status = options.status;
    }
    if (options.assignee === null) clauses.push('c.assignee IS NULL');
    else if (options.assignee !== undefined) {
      clauses.push('c.assignee = @assignee');
      params.assignee = options.assignee;
    }
    if (options.open !== undefined) {
      clauses.push('c.closed = @closed');
      params.closed = options.open ? 0 : 1;
    }
    return { where: clauses.join(' AND '), params };
  };

  const getRow = (tenant: string, id: string) => sql.get.get(tenant, id) as CaseRow | undefined;

  const methods: CaseMethods = {
    getCase: (tenant, id) => run(() => optional(getRow(tenant, id), toCase)),
    findCaseByStatusToken: (tenant, token) => run(() => optional(sql.byToken.get(tenant, token) as CaseRow | undefined, toCase)),
    listCases: (tenant, queueId, options = {}) =>
      run(() => {
        const { where, params } = listWhere(options);
        const from = `FROM cases c JOIN submissions s ON s.tenant = c.tenant AND s.id = c.submission_id WHERE ${where}`;
        const all = { ...params, tenant, queue: queueId };
        const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(all) as { n: number }).n;
        const rows = db
          .prepare(`SELECT ${CASE_COLUMNS} ${from} ORDER BY s.received_at, s.rowid LIMIT @limit OFFSET @offset`)
          .all({ ...all, limit: options.limit ?? DEFAULT_LIMIT, offset: options.offset ?? 0 }) as CaseRow[];
        return { total, cases: rows.map(toSummary) };
      }),
    countOpenCases: (tenant, userId) =>
      run(() => (sql.counts.all({ tenant, user: userId }) as OpenCaseCounts[]).map((row) => ({ queue: row.queue, open: row.open, unassigned: row.unassigned, mine: row.mine }))),
    recordCaseEvent: (tenant, id, event, options = {}) =>
      commit(() => {
        const row = getRow(tenant, id);
        if (row === undefined) throw new NotFoundError('case-not-found', 'There is no such case.');
        const next = { status: row.status, closed: row.closed, assignee: row.assignee };
        switch (event.kind) {
          case 'status':
            if (event.from !== row.status) throw new ConflictError('case-status-changed', `The case is at "${row.status}" now, not "${event.from}".`);
            next.status = event.to;
            next.closed = event.final ? 1 : 0;
            break;
          case 'claim':
            if (row.assignee === event.by) return { case: toCase(row), event: null };
            if (row.assignee !== null) throw new ConflictError('case-claimed', 'Another case worker has claimed the case.');
            next.assignee = event.by;
            break;
          case 'unclaim':
            if (row.assignee === null) return { case: toCase(row), event: null };
            next.assignee = null;
            break;
          case 'note':
          case 'message':
            break;
        }
        const seq = row.last_seq + 1;
        const { at, by, kind, ...body } = event;
        sql.insertEvent.run({ tenant, id, seq, at, by, kind, body: JSON.stringify(body) });
        sql.update.run({ tenant, id, ...next, at, seq });
        if (options.outbox !== undefined && options.outbox.length > 0) enqueue(tenant, options.outbox);
        const updated: CaseRow = { ...row, ...next, updated_at: at, last_seq: seq };
        return { case: toCase(updated), event: toEvent({ seq, at, by, kind, body: JSON.stringify(body) }) };
      }),
    listCaseEvents: (tenant, id) => run(() => (sql.events.all(tenant, id) as EventRow[]).map(toEvent)),
  };

  const open = (tenant: string, submission: Omit<Submission, 'tenant'>): void => {
    sql.open.run({
      tenant,
      id: submission.id,
      owner: submission.serviceOwner,
      service_id: submission.serviceId,
      version: submission.version,
      fallback: DEFAULT_WORKFLOW[0]!.id,
      token: newStatusToken(),
      at: submission.receivedAt,
    });
  };
  return { methods, open };
}

function optional<R, T>(row: R | undefined, map: (row: R) => T): T | null {
  return row === undefined ? null : map(row);
}

function stateOf(row: CaseRow): CaseState {
  return { status: row.status, closed: row.closed === 1, assignee: row.assignee, statusToken: row.status_token, updatedAt: row.updated_at };
}

function toCase(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    serviceOwner: row.service_owner,
    serviceId: row.service_id,
    version: row.version,
    receivedAt: row.received_at,
    queue: row.queue,
    locale: row.locale,
    data: JSON.parse(row.data) as { [key: string]: JsonValue },
    tenant: row.tenant,
    case: stateOf(row),
  };
}

function toSummary(row: CaseRow): CaseSummary {
  const { data: _data, locale: _locale, ...summary } = toCase(row);
  return summary;
}

function toEvent(row: EventRow): CaseEvent {
  return { ...(JSON.parse(row.body) as object), kind: row.kind, seq: row.seq, at: row.at, by: row.by } as CaseEvent;
}

