/**
 * Cases on MongoDB. A case lives in its submission's document (`case` and `caseEvents`), so an
 * event and the state it changes are one atomic single-document write. A submission accepted
 * without a `case` field (stored before cases existed) opens its case on first use.
 */
import type { Db } from 'mongodb';
import type { JsonValue, ServiceDefinition } from '@samform/model';
import { ConflictError, DEFAULT_WORKFLOW, NotFoundError } from '@samform/model';
import type { CaseEvent, CaseMethods, OutboxMessage, CaseRecord, CaseState, CaseSummary, Submission } from '../port.ts';
import { newStatusToken } from '../new-status-token.ts';

interface CaseFields extends CaseState { lastSeq: number }
interface CaseDoc {
  tenant: string; id: string; reference: string; serviceOwner: string; serviceId: string; version: number;
  receivedAt: string; queue: string; locale: string; data: { [key: string]: JsonValue };
  case?: CaseFields;
  caseEvents?: CaseEvent[];
  outbox?: OutboxMessage[];
}
interface VersionFields { tenant: string; serviceId: string; version: number; definition: ServiceDefinition }

/** The cases part of the MongoDB adapter. */
export interface MongoCases {
  ensureIndexes(): Promise<void>;
  methods: CaseMethods;
}

const DEFAULT_LIMIT = 50;

/** The cases part of the MongoDB adapter over `db`. */
export function mongoCases(
  db: Db,
  run: <T>(work: () => Promise<T>) => Promise<T>,
  moveOutbox: (tenant: string, submissionId: string) => Promise<void>,
): MongoCases {
  const submissions = db.collection<CaseDoc>('submissions');
  const versions = db.collection<VersionFields>('serviceVersions');
  const byId = (tenant: string, id: string) => ({ tenant: { $eq: str(tenant) }, id: { $eq: str(id) } });

  async function opened(doc: CaseDoc): Promise<CaseDoc & { case: CaseFields }> {
    if (doc.case) return doc as CaseDoc & { case: CaseFields };
    const version = await versions.findOne({ tenant: { $eq: doc.serviceOwner }, serviceId: { $eq: doc.serviceId }, version: { $eq: doc.version } });
    const first = version?.definition.workflow?.[0]?.id ?? DEFAULT_WORKFLOW[0]!.id;
    const fields: CaseFields = { status: first, closed: false, assignee: null, statusToken: newStatusToken(), updatedAt: doc.receivedAt, lastSeq: 0 };
    await submissions.updateOne({ ...byId(doc.tenant, doc.id), case: { $exists: false } }, { $set: { case: fields } });
    const again = await submissions.findOne(byId(doc.tenant, doc.id));
    return again?.case ? (again as CaseDoc & { case: CaseFields }) : { ...doc, case: fields };
  }

  async function openQueue(tenant: string, queue?: string): Promise<void> {
    const filter = { tenant: { $eq: str(tenant) }, case: { $exists: false }, ...(queue === undefined ? {} : { queue: { $eq: str(queue) } }) };
    for await (const doc of submissions.find(filter)) await opened(doc);
  }

  async function find(tenant: string, id: string) {
    const doc = await submissions.findOne(byId(tenant, id));
    return doc === null ? null : opened(doc);
  }

  const methods: CaseMethods = {
    getCase: (tenant, id) => run(async () => optional(await find(tenant, id), toCase)),
    findCaseByStatusToken: (tenant, token) =>
      run(async () => optional(await submissions.findOne({ tenant: { $eq: str(tenant) }, 'case.statusToken': { $eq: str(token) } }), toCase)),
    listCases: (tenant, queueId, options = {}) =>
      run(async () => {
        await openQueue(tenant, queueId);
        const filter: Record<string, unknown> = { tenant: { $eq: str(tenant) }, queue: { $eq: str(queueId) } };
        if (options.status !== undefined) filter['case.status'] = { $eq: str(options.status) };
        if (options.assignee !== undefined) filter['case.assignee'] = { $eq: options.assignee === null ? null : str(options.assignee) };
        if (options.open !== undefined) filter['case.closed'] = { $eq: !options.open };
        const total = await submissions.countDocuments(filter);
        const docs = await submissions
          .find(filter, { projection: { _id: 0, data: 0, caseEvents: 0 } })
          .sort({ receivedAt: 1, _id: 1 })
          .skip(options.offset ?? 0)
          .limit(options.limit ?? DEFAULT_LIMIT)
          .toArray();
        return { total, cases: docs.map(toSummary) };
      }),
    countOpenCases: (tenant, userId) =>
      run(async () => {
        await openQueue(tenant);
        return submissions
          .aggregate<{ _id: string; open: number; unassigned: number; mine: number }>([
            { $match: { tenant: { $eq: str(tenant) }, 'case.closed': false } },
            {
              $group: {
                _id: '$queue',
                open: { $sum: 1 },
                unassigned: { $sum: { $cond: [{ $eq: ['$case.assignee', null] }, 1, 0] } },
                mine: { $sum: { $cond: [{ $eq: ['$case.assignee', str(userId)] }, 1, 0] } },
              },
            },
            { $sort: { _id: 1 } },
          ])
          .toArray()
          .then((rows) => rows.map((r) => ({ queue: r._id, open: r.open, unassigned: r.unassigned, mine: r.mine })));
      }),
    recordCaseEvent: (tenant, id, event, options = {}) =>
      run(async () => {
        const doc = await find(tenant, id);
        if (doc === null) throw new NotFoundError('case-not-found', 'There is no such case.');
        const current = doc.case;
        const next: CaseFields = { ...current };
        switch (event.kind) {
          case 'status':
            if (event.from !== current.status) throw new ConflictError('case-status-changed', `The case is at "${current.status}" now, not "${event.from}".`);
            next.status = event.to;
            next.closed = event.final;
            break;
          case 'claim':
            if (current.assignee === event.by) return { case: toCase(doc), event: null };
            if (current.assignee !== null) throw new ConflictError('case-claimed', 'Another case worker has claimed the case.');
            next.assignee = event.by;
            break;
          case 'unclaim':
            if (current.assignee === null) return { case: toCase(doc), event: null };
            next.assignee = null;
            break;
          case 'note':
          case 'message':
            break;
        }
        const recorded = { ...event, seq: current.lastSeq + 1 } as CaseEvent;
        const outbox = options.outbox ?? [];
        next.lastSeq = recorded.seq;
        next.updatedAt = event.at;
        // The sequence number is the optimistic lock: a racing writer's update matches nothing.
        const result = await submissions.updateOne(
          { ...byId(tenant, id), 'case.lastSeq': { $eq: current.lastSeq } },
          // E-mails the event causes ride in the same document write, like a submission's receipt,
          // until moved to the outbox collection (here, or by the next outbox lease).
          { $set: { case: next }, $push: { caseEvents: recorded, ...(outbox.length > 0 ? { outbox: { $each: outbox } } : {}) } },
        );
        if (result.matchedCount === 0) throw new ConflictError('case-status-changed', 'The case changed meanwhile; read it again.');
        if (outbox.length > 0) await moveOutbox(tenant, id);
        return { case: toCase({ ...doc, case: next }), event: recorded };
      }),
    listCaseEvents: (tenant, id) =>
      run(async () => (await submissions.findOne(byId(tenant, id), { projection: { _id: 0, caseEvents: 1 } }))?.caseEvents ?? []),
  };

  return {
    ensureIndexes: async () => {
      await submissions.createIndexes([
        { key: { tenant: 1, 'case.statusToken': 1 }, unique: true, partialFilterExpression: { 'case.statusToken': { $exists: true } } },
        { key: { tenant: 1, queue: 1, 'case.closed': 1, receivedAt: 1 } },
      ]);
    },
    methods,
  };
}

function optional<R, T>(value: R | null, map: (value: R) => T): T | null {
  return value === null ? null : map(value);
}

function stateOf(fields: CaseFields): CaseState {
  return { status: fields.status, closed: fields.closed, assignee: fields.assignee, statusToken: fields.statusToken, updatedAt: fields.updatedAt };
}

function submissionOf(doc: CaseDoc): Submission {
  const { tenant, id, reference, serviceOwner, serviceId, version, receivedAt, queue, locale, data } = doc;
  return { tenant, id, reference, serviceOwner, serviceId, version, receivedAt, queue, locale, data };
}

function toCase(doc: CaseDoc): CaseRecord {
  if (!doc.case) throw new NotFoundError('case-not-found', 'There is no such case.');
  return { ...submissionOf(doc), case: stateOf(doc.case) };
}

function toSummary(doc: CaseDoc): CaseSummary {
  const { data: _data, locale: _locale, ...summary } = toCase({ ...doc, data: doc.data ?? {}, locale: doc.locale ?? '' });
  return summary;
}

function str(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('Expected a string');
  return value;
}
