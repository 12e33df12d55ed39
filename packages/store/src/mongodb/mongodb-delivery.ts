/**
 * Delivery on MongoDB (issue 7): nack, dead letters and redrive on the submission documents,
 * admins by role, and the e-mail outbox in the `outbox` collection. E-mails caused by a
 * submission ride in its document (`outbox`, same single-document insert, so a crash after 201
 * cannot lose them) and are moved to the collection afterwards, or by the next outbox lease.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Document } from 'mongodb';
import { ConflictError, NotFoundError } from '@samform/model';
import type { DeliveryMethods, OutboxMessage, QueueItem, StaffUser, StoredOutboxMessage } from '../port.ts';

interface OutboxDoc {
  tenant: string; id: string; kind: string; to: string[]; subject: string; text: string; createdAt: string;
  status: StoredOutboxMessage['status']; attempts: number; notBefore: Date | null; leaseId: string | null;
  leaseUntil: Date | null; lastError?: string; seq: number;
}
interface CarryingSubmission { tenant: string; id: string; outbox?: OutboxMessage[] }

const NO_ID = { projection: { _id: 0 } } as const;
const DEFAULT_LIMIT = 100;

/** The delivery part of the MongoDB adapter; `moveOutbox` runs after `acceptSubmission`'s insert. */
export interface MongoDelivery {
  ensureIndexes(): Promise<void>;
  methods: DeliveryMethods;
  moveOutbox(tenant: string, submissionId: string): Promise<void>;
}

/** Build the delivery methods over `db`; `toQueueItem` and `toStaffUser` are the adapter's own mappers. */
export function mongoDelivery<SubmissionDoc extends Document, StaffDoc extends Document>(
  db: Db,
  run: <T>(work: () => Promise<T>) => Promise<T>,
  toQueueItem: (doc: SubmissionDoc) => QueueItem,
  toStaffUser: (doc: StaffDoc) => StaffUser,
): MongoDelivery {
  // Filters here name fields the adapter's own document type declares; kept loose so this file
  // does not import that type.
  const submissions = db.collection<Document>('submissions');
  const carrying = db.collection<CarryingSubmission>('submissions');
  const staff = db.collection<Document>('staffUsers');
  const outbox = db.collection<OutboxDoc>('outbox');

  const insert = async (tenant: string, m: OutboxMessage): Promise<boolean> => {
    const doc: OutboxDoc = {
      tenant, id: m.id, kind: m.kind, to: m.to, subject: m.subject, text: m.text, createdAt: m.createdAt,
      status: 'pending', attempts: 0, notBefore: null, leaseId: null, leaseUntil: null, seq: Date.now(),
    };
    const result = await outbox.updateOne({ tenant: { $eq: tenant }, id: { $eq: m.id } }, { $setOnInsert: doc }, { upsert: true });
    return result.upsertedCount === 1;
  };
  const moveOutbox = async (tenant: string, submissionId: string): Promise<void> => {
    const doc = await carrying.findOne({ tenant: { $eq: tenant }, id: { $eq: submissionId } }, { projection: { outbox: 1 } });
    for (const message of doc?.outbox ?? []) await insert(tenant, message);
    await carrying.updateOne({ tenant: { $eq: tenant }, id: { $eq: submissionId } }, { $unset: { outbox: '' } });
  };

  const itemFilter = (tenant: string, queueId: string, itemId: string): Document => ({ tenant: { $eq: tenant }, queue: { $eq: queueId }, id: { $eq: itemId } });
  const leased = (leaseId: string, now: Date): Document => ({ status: { $eq: 'leased' }, leaseId: { $eq: leaseId }, leaseUntil: { $gt: now } });
  const changeLeased = async (tenant: string, queueId: string, itemId: string, leaseId: string, now: Date, update: Document): Promise<QueueItem> => {
    const filter = itemFilter(tenant, queueId, itemId);
    const doc = await submissions.findOneAndUpdate({ ...filter, ...leased(leaseId, now) }, update, { ...NO_ID, returnDocument: 'after' });
    if (doc) return toQueueItem(doc as unknown as SubmissionDoc);
    if ((await submissions.findOne(filter, NO_ID)) === null) throw new NotFoundError('queue-item-not-found', `No item ${itemId} in queue ${queueId}`);
    throw new ConflictError('lease-mismatch', 'The lease is not the current one or has expired');
  };
  const redriveUpdate = { $set: { status: 'pending', attempts: 0, leaseId: null, leaseUntil: null, notBefore: null, firstAttemptAt: null } };

  const methods: DeliveryMethods = {
    nackQueueItem: (tenant, queueId, itemId, leaseId, { now, delayMs = 0, error }) =>
      run(() =>
        changeLeased(tenant, queueId, itemId, leaseId, now, {
          $set: {
            status: 'pending', leaseId: null, leaseUntil: null,
            notBefore: delayMs > 0 ? new Date(now.getTime() + delayMs) : null,
            ...(error === undefined ? {} : { lastError: error }),
          },
        }),
      ),
    deadLetterQueueItem: (tenant, queueId, itemId, leaseId, { now, error }) =>
      run(() => changeLeased(tenant, queueId, itemId, leaseId, now, { $set: { status: 'dead', leaseUntil: null, notBefore: null, lastError: error } })),
    redriveQueueItem: (tenant, queueId, itemId) =>
      run(async () => {
        const filter = itemFilter(tenant, queueId, itemId);
        const doc = await submissions.findOneAndUpdate({ ...filter, status: { $eq: 'dead' } }, redriveUpdate, { ...NO_ID, returnDocument: 'after' });
        if (doc) return toQueueItem(doc as unknown as SubmissionDoc);
        if ((await submissions.findOne(filter, NO_ID)) === null) throw new NotFoundError('queue-item-not-found', `No item ${itemId} in queue ${queueId}`);
        throw new ConflictError('not-dead', 'Only a dead-lettered item can be redriven');
      }),
    redriveDeadQueueItems: (tenant, queueId) =>
      run(async () => (await submissions.updateMany({ tenant: { $eq: tenant }, queue: { $eq: queueId }, status: { $eq: 'dead' } }, redriveUpdate)).modifiedCount),
    listStaffUsersWithRole: (tenant, role) =>
      run(async () => (await staff.find({ [`tenantRoles.${tenant}`]: { $eq: role } }, { sort: { username: 1 } }).toArray()).map((d) => toStaffUser(d as unknown as StaffDoc))),

    enqueueOutboxMessage: (tenant, message) => run(() => insert(tenant, message)),
    leaseOutboxMessage: (tenant, { now, leaseMs }) =>
      run(async () => {
        for (const doc of await carrying.find({ tenant: { $eq: tenant }, outbox: { $exists: true } }, { projection: { id: 1 }, limit: 100 }).toArray()) {
          await moveOutbox(tenant, doc.id);
        }
        const leaseId = randomUUID();
        const leaseUntil = new Date(now.getTime() + leaseMs);
        const doc = await outbox.findOneAndUpdate(
          {
            tenant: { $eq: tenant },
            $or: [
              { status: { $eq: 'pending' }, $or: [{ notBefore: null }, { notBefore: { $lte: now } }] },
              { status: { $eq: 'leased' }, leaseUntil: { $lte: now } },
            ],
          },
          { $set: { status: 'leased', leaseId, leaseUntil, notBefore: null }, $inc: { attempts: 1 } },
          { ...NO_ID, sort: { seq: 1 }, returnDocument: 'after' },
        );
        return doc ? { message: toMessage(doc), leaseId, leaseUntil: leaseUntil.toISOString() } : null;
      }),
    settleOutboxMessage: (tenant, id, leaseId, outcome) =>
      run(async () => {
        const filter = { tenant: { $eq: tenant }, id: { $eq: id } };
        const set: Document =
          outcome.status === 'sent'
            ? { status: 'sent' }
            : outcome.status === 'retry'
              ? { status: 'pending', leaseUntil: null, notBefore: new Date(outcome.now.getTime() + outcome.delayMs), lastError: outcome.error }
              : { status: 'dead', leaseUntil: null, lastError: outcome.error };
        const doc = await outbox.findOneAndUpdate({ ...filter, ...leased(leaseId, outcome.now) }, { $set: set }, { ...NO_ID, returnDocument: 'after' });
        if (doc) return toMessage(doc);
        if ((await outbox.findOne(filter)) === null) throw new NotFoundError('outbox-message-not-found', `No outbox message ${id}`);
        throw new ConflictError('lease-mismatch', 'The lease is not the current one or has expired');
      }),
    listOutboxMessages: (tenant, options = {}) =>
      run(async () => {
        const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
        if (limit === 0) return [];
        const filter: Document = { tenant: { $eq: tenant } };
        if (options.kind !== undefined) filter['kind'] = { $eq: options.kind };
        return (await outbox.find(filter, { ...NO_ID, sort: { seq: 1 }, limit }).toArray()).map(toMessage);
      }),
  };

  return {
    ensureIndexes: async () => {
      await outbox.createIndex({ tenant: 1, id: 1 }, { unique: true });
      await outbox.createIndex({ tenant: 1, status: 1, seq: 1 });
    },
    methods,
    moveOutbox,
  };
}

function toMessage(doc: OutboxDoc): StoredOutboxMessage {
  return {
    id: doc.id, kind: doc.kind, to: doc.to, subject: doc.subject, text: doc.text, createdAt: doc.createdAt,
    status: doc.status, attempts: doc.attempts,
    ...(doc.lastError === undefined ? {} : { lastError: doc.lastError }),
  };
}
