/**
 * The MongoDB adapter, for a replica set or a cluster sharded on `tenant`. Every tenant-owned
 * collection carries `tenant` as the first field of every index, so each one can be sharded
 * with the key `{ tenant: 1 }` and every unique index stays shard-local.
 *
 * Input reaches queries only as `$eq` values, after a type check, so a request can never smuggle
 * in a query operator (`{ "$ne": null }` as a "string").
 */
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { Collection, Db, Document } from 'mongodb';
import type { JsonValue, ServiceDefinition } from '@samform/model';
import { ConflictError, NotFoundError } from '@samform/model';
import type {
  AcceptResult,
  Adoption,
  ApiKey,
  Delivery,
  IdempotencyClaim,
  Lease,
  NewSubmission,
  OutboxMessage,
  PublishedServiceVersion,
  Queue,
  QueueItem,
  QueueItemStatus,
  QueueWithCounts,
  SessionRecord,
  StaffUser,
  Store,
  Submission,
  Tenant,
} from '../port.ts';
import { QUEUE_ITEM_STATUSES } from '../port.ts';
import { checkOwner } from '../check-owner.ts';
import { queueItemService } from '../queue-item-service.ts';
import { duplicateKeyFields, translateMongoError } from './translate-mongo-error.ts';
import { mongoAttachments } from './mongodb-attachments.ts';
import type { MongoAttachments } from './mongodb-attachments.ts';
import { mongoAdoptionUpkeep } from './mongodb-adoption-upkeep.ts';
import type { MongoAdoptionUpkeep } from './mongodb-adoption-upkeep.ts';
import { mongoCases } from './mongodb-cases.ts';
import type { MongoCases } from './mongodb-cases.ts';
import { mongoDelivery } from './mongodb-delivery.ts';
import type { MongoDelivery } from './mongodb-delivery.ts';
import { mongoServiceLifecycle } from './mongodb-service-lifecycle.ts';
import type { MongoServiceLifecycle } from './mongodb-service-lifecycle.ts';
import { mongoStaffAdmin, toApiKey, toStaffUser } from './mongodb-staff-admin.ts';
import type { ApiKeyDoc, MongoStaffAdmin, StaffDoc } from './mongodb-staff-admin.ts';
import { literalString as str, literalInt as int } from './literal.ts';

type Json = { [key: string]: JsonValue };

interface TenantDoc { _id: string; name: string; kind: Tenant['kind']; memberOf: string[] }
interface VersionDoc {
  tenant: string; serviceId: string; version: number; definition: ServiceDefinition; publishedAt: string; note?: string; publishedBy?: string;
}
interface AdoptionDoc { tenant: string; owner: string; serviceId: string; track: 'latest' | number; overrides: Json; adoptedAt: string }
interface QueueDoc { tenant: string; id: string; name: Queue['name']; delivery: Delivery }
/** A submission and its delivery state in one document, so accepting it is one atomic write. */
interface SubmissionDoc {
  tenant: string; id: string; reference: string; serviceOwner: string; serviceId: string; version: number;
  receivedAt: string; queue: string; locale: string; data: Json;
  status: QueueItemStatus; attempts: number; leaseId: string | null; leaseUntil: Date | null;
  /** Present only on submissions with attachments: the files they own (see mongodb-attachments.ts). */
  attachmentIds?: string[];
  /** Present only on submissions sent with an `Idempotency-Key`. */
  idempotencyKey?: string;
  fingerprint?: string;
  /** Present only when the case may be weeded once delivered (issue 5). */
  retainUntil?: Date;
  /** Issue 7: scheduled retry, last failure, first attempt of this delivery round. */
  notBefore?: Date | null; lastError?: string; firstAttemptAt?: Date | null;
  /** Issue 7: e-mails caused by the submission, until moved to the outbox collection. */
  outbox?: OutboxMessage[];
}
interface SessionDoc { _id: string; data: Json; expiresAt: Date }

interface Collections {
  tenants: Collection<TenantDoc>;
  serviceVersions: Collection<VersionDoc>;
  adoptions: Collection<AdoptionDoc>;
  queues: Collection<QueueDoc>;
  submissions: Collection<SubmissionDoc>;
  staffUsers: Collection<StaffDoc>;
  apiKeys: Collection<ApiKeyDoc>;
  sessions: Collection<SessionDoc>;
}

const DEFAULT_LIMIT = 100;
const DEFAULT_DB_NAME = 'samform';
const NO_ID = { projection: { _id: 0 } } as const;

/** Connect to MongoDB, create the indexes, and return the store; the database defaults to the URI's, else `samform`. */
export async function openMongoStore(options: { uri: string; dbName?: string }): Promise<Store> {
  const client = new MongoClient(options.uri, {
    // Accepted means durable (ARCHITECTURE.md, decision 5): a write is acknowledged only once
    // a majority has it in its journal, so losing the primary cannot lose a 201'd submission.
    // `journal` is the driver's name for the `j` option.
    writeConcern: { w: 'majority', journal: true },
    // Reads see only majority-committed data, which no failover can roll back.
    readConcern: { level: 'majority' },
    ignoreUndefined: true,
  });
  try {
    await client.connect();
    const db = client.db(options.dbName ?? dbNameOf(options.uri) ?? DEFAULT_DB_NAME);
    const collections = collectionsOf(db);
    const attachments = mongoAttachments(db, runTranslated);
    const lifecycle = mongoServiceLifecycle(db, runTranslated);
    const upkeep = mongoAdoptionUpkeep(db, runTranslated, attachments.methods.deleteSubmissionWithAttachments);
    const delivery = mongoDelivery<SubmissionDoc, StaffDoc>(db, runTranslated, toQueueItem, toStaffUser);
    const staffAdmin = mongoStaffAdmin(db, runTranslated);
    const cases = mongoCases(db, runTranslated, delivery.moveOutbox);
    await Promise.all([
      ensureIndexes(collections), attachments.ensureIndexes(), lifecycle.ensureIndexes(), upkeep.ensureIndexes(), cases.ensureIndexes(), delivery.ensureIndexes(),
      staffAdmin.ensureIndexes(),
    ]);
    return createMongoStore(client, collections, attachments, lifecycle, upkeep, cases, delivery, staffAdmin);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw translateMongoError(error);
  }
}

function dbNameOf(uri: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}

function collectionsOf(db: Db): Collections {
  return {
    tenants: db.collection<TenantDoc>('tenants'),
    serviceVersions: db.collection<VersionDoc>('serviceVersions'),
    adoptions: db.collection<AdoptionDoc>('adoptions'),
    queues: db.collection<QueueDoc>('queues'),
    submissions: db.collection<SubmissionDoc>('submissions'),
    staffUsers: db.collection<StaffDoc>('staffUsers'),
    apiKeys: db.collection<ApiKeyDoc>('apiKeys'),
    sessions: db.collection<SessionDoc>('sessions'),
  };
}

// Index names are left to their defaults (`tenant_1_reference_1`): duplicateKeyFields reads
// them back when a server leaves `keyPattern` out of a duplicate-key error.
async function ensureIndexes(c: Collections): Promise<void> {
  await Promise.all([
    c.serviceVersions.createIndex({ tenant: 1, serviceId: 1, version: 1 }, { unique: true }),
    c.adoptions.createIndex({ tenant: 1, owner: 1, serviceId: 1 }, { unique: true }),
    c.queues.createIndex({ tenant: 1, id: 1 }, { unique: true }),
    c.submissions.createIndexes([
      { key: { tenant: 1, id: 1 }, unique: true },
      { key: { tenant: 1, reference: 1 }, unique: true },
      // Only submissions sent with a key take part, so the many without one never collide.
      { key: { tenant: 1, idempotencyKey: 1 }, unique: true, partialFilterExpression: { idempotencyKey: { $exists: true } } },
      { key: { tenant: 1, queue: 1, status: 1, receivedAt: 1 } },
      { key: { tenant: 1, queue: 1, receivedAt: 1 } },
    ]),
    c.staffUsers.createIndexes([{ key: { username: 1 }, unique: true }, { key: { demo: 1 } }]),
    // hasDemoCredentials scans apiKeys without an index: it runs once at start-up, and an index
    // not led by `tenant` would break the rule above.
    c.apiKeys.createIndexes([
      { key: { tenant: 1, id: 1 }, unique: true },
      { key: { tenant: 1, hash: 1 }, unique: true },
    ]),
    // The server removes expired sessions in the background (about once a minute).
    c.sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }),
  ]);
}

// Every method runs inside `run` so driver errors become rejections of the port's types.
async function runTranslated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateMongoError(error);
  }
}

function createMongoStore(
  client: MongoClient,
  c: Collections,
  attachments: MongoAttachments,
  lifecycle: MongoServiceLifecycle,
  upkeep: MongoAdoptionUpkeep,
  cases: MongoCases,
  delivery: MongoDelivery,
  staffAdmin: MongoStaffAdmin,
): Store {
  let closed = false;
  const run = runTranslated;

  const store: Store = {
    kind: 'mongodb',

    close: () =>
      run(async () => {
        if (closed) return;
        closed = true;
        await client.close();
      }),

    listTenants: () => run(async () => (await c.tenants.find({}, { sort: { _id: 1 } }).toArray()).map(toTenant)),
    getTenant: (id) => run(async () => optional(await c.tenants.findOne({ _id: { $eq: str(id) } }), toTenant)),
    putTenant: (tenant) =>
      run(async () => {
        const doc: TenantDoc = { _id: str(tenant.id), name: tenant.name, kind: tenant.kind, memberOf: tenant.memberOf };
        await c.tenants.replaceOne({ _id: { $eq: doc._id } }, doc, { upsert: true });
      }),

    publishServiceVersion: (tenant, version) =>
      run(async () => {
        checkOwner(tenant, version);
        const doc: VersionDoc = {
          tenant: str(tenant),
          serviceId: str(version.serviceId),
          version: int(version.version),
          definition: version.definition,
          publishedAt: version.publishedAt,
        };
        if (version.note !== undefined) doc.note = version.note;
        if (version.publishedBy !== undefined) doc.publishedBy = str(version.publishedBy);
        try {
          await c.serviceVersions.insertOne(doc);
        } catch (error) {
          if (duplicateKeyFields(error)) throw new ConflictError('version-exists', 'That version is published already', { cause: error });
          throw error;
        }
      }),
    getServiceVersion: (tenant, serviceId, version) =>
      run(async () => {
        const filter = { tenant: { $eq: str(tenant) }, serviceId: { $eq: str(serviceId) } };
        const doc =
          version === undefined
            ? await c.serviceVersions.findOne(filter, { ...NO_ID, sort: { version: -1 } })
            : await c.serviceVersions.findOne({ ...filter, version: { $eq: int(version) } }, NO_ID);
        return optional(doc, toServiceVersion);
      }),
    listLatestServiceVersions: (tenant) =>
      run(async () => {
        const latest = await c.serviceVersions
          .aggregate<{ doc: VersionDoc }>([
            { $match: { tenant: { $eq: str(tenant) } } },
            { $sort: { serviceId: 1, version: -1 } },
            { $group: { _id: '$serviceId', doc: { $first: '$$ROOT' } } },
            { $sort: { _id: 1 } },
          ])
          .toArray();
        return latest.map((row) => toServiceVersion(row.doc));
      }),
    listServiceVersionNumbers: (tenant, serviceId) =>
      run(async () => {
        const docs = await c.serviceVersions
          .find({ tenant: { $eq: str(tenant) }, serviceId: { $eq: str(serviceId) } }, { projection: { _id: 0, version: 1 }, sort: { version: 1 } })
          .toArray();
        return docs.map((d) => d.version);
      }),

    putAdoption: (tenant, adoption) =>
      run(async () => {
        const doc: AdoptionDoc = {
          tenant: str(tenant),
          owner: str(adoption.owner),
          serviceId: str(adoption.serviceId),
          track: adoption.track,
          overrides: adoption.overrides,
          adoptedAt: adoption.adoptedAt,
        };
        await c.adoptions.replaceOne(
          { tenant: { $eq: doc.tenant }, owner: { $eq: doc.owner }, serviceId: { $eq: doc.serviceId } },
          doc,
          { upsert: true },
        );
      }),
    listAdoptions: (tenant) =>
      run(async () =>
        (await c.adoptions.find({ tenant: { $eq: str(tenant) } }, { ...NO_ID, sort: { owner: 1, serviceId: 1 } }).toArray()).map(toAdoption),
      ),
    getAdoption: (tenant, owner, serviceId) =>
      run(async () =>
        optional(
          await c.adoptions.findOne({ tenant: { $eq: str(tenant) }, owner: { $eq: str(owner) }, serviceId: { $eq: str(serviceId) } }, NO_ID),
          toAdoption,
        ),
      ),

    putQueue: (tenant, queue) =>
      run(async () => {
        const doc: QueueDoc = { tenant: str(tenant), id: str(queue.id), name: queue.name, delivery: queue.delivery };
        await c.queues.replaceOne({ tenant: { $eq: doc.tenant }, id: { $eq: doc.id } }, doc, { upsert: true });
      }),
    getQueue: (tenant, queueId) =>
      run(async () => optional(await c.queues.findOne({ tenant: { $eq: str(tenant) }, id: { $eq: str(queueId) } }, NO_ID), toQueue)),
    listQueues: (tenant) =>
      run(async () => {
        const t = str(tenant);
        const [queues, groups] = await Promise.all([
          c.queues.find({ tenant: { $eq: t } }, { ...NO_ID, sort: { id: 1 } }).toArray(),
          c.submissions
            .aggregate<{ _id: { queue: string; status: QueueItemStatus }; n: number }>([
              { $match: { tenant: { $eq: t } } },
              { $group: { _id: { queue: '$queue', status: '$status' }, n: { $sum: 1 } } },
            ])
            .toArray(),
        ]);
        const counts = new Map<string, Record<QueueItemStatus, number>>();
        for (const group of groups) {
          const entry = counts.get(group._id.queue) ?? emptyCounts();
          if (QUEUE_ITEM_STATUSES.includes(group._id.status)) entry[group._id.status] = group.n;
          counts.set(group._id.queue, entry);
        }
        return queues.map((q): QueueWithCounts => ({ ...toQueue(q), counts: counts.get(q.id) ?? emptyCounts() }));
      }),

    acceptSubmission: (tenant, submission, idempotency) =>
      run(async (): Promise<AcceptResult> => {
        const t = str(tenant);
        if (idempotency) {
          const first = await findByIdempotencyKey(t, idempotency);
          if (first) return replay(first, idempotency);
        }
        const { attachmentIds = [], outbox = [], ...stored } = submission;
        await attachments.checkLinkable(t, stored.id, attachmentIds);
        const doc = toSubmissionDoc(t, stored, idempotency);
        if (attachmentIds.length > 0) doc.attachmentIds = [...new Set(attachmentIds.map(str))];
        if (outbox.length > 0) doc.outbox = outbox;
        try {
          await c.submissions.insertOne(doc);
        } catch (error) {
          const fields = duplicateKeyFields(error);
          if (!fields) throw error;
          // Which unique index a racing twin hits first is the server's choice: a replay wins.
          if ((fields.includes('idempotencyKey') || fields.includes('attachmentIds')) && idempotency) {
            // Another request with the same key won the race between our read and our insert.
            const first = await findByIdempotencyKey(t, idempotency);
            if (first) return replay(first, idempotency);
          }
          if (fields.includes('reference')) {
            throw new ConflictError('reference-taken', 'The reference is taken in this tenant', { cause: error });
          }
          if (fields.includes('attachmentIds')) {
            throw new ConflictError('attachment-unavailable', 'An attachment belongs to another submission', { cause: error });
          }
          throw new ConflictError('submission-exists', 'A submission with that id exists', { cause: error });
        }
        await attachments.copyLinks(t, stored.id, doc.attachmentIds ?? []);
        if (outbox.length > 0) await delivery.moveOutbox(t, stored.id);
        return { submission: { ...stored, tenant: t }, replayed: false };
      }),
    findIdempotentSubmission: (tenant, idempotency) =>
      run(async () => {
        const first = await findByIdempotencyKey(str(tenant), idempotency);
        return first ? replay(first, idempotency).submission : null;
      }),
    getSubmission: (tenant, id) =>
      run(async () => optional(await c.submissions.findOne({ tenant: { $eq: str(tenant) }, id: { $eq: str(id) } }, NO_ID), toSubmission)),

    listQueueItems: (tenant, queueId, options = {}) =>
      run(async () => {
        const filter: Document = { tenant: { $eq: str(tenant) }, queue: { $eq: str(queueId) } };
        if (options.status !== undefined) filter['status'] = { $eq: status(options.status) };
        const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
        // A limit of 0 means "no limit" to MongoDB.
        if (limit === 0) return [];
        const docs = await c.submissions.find(filter, { ...NO_ID, sort: { receivedAt: 1, _id: 1 }, limit }).toArray();
        return docs.map(toQueueItem);
      }),
    leaseQueueItem: (tenant, queueId, { now, leaseMs }) =>
      run(async (): Promise<Lease | null> => {
        const at = date(now);
        const leaseId = randomUUID();
        const leaseUntil = new Date(at.getTime() + leaseMs);
        // One findOneAndUpdate picks and takes the item atomically: two callers never get the same one.
        const doc = await c.submissions.findOneAndUpdate(
          {
            tenant: { $eq: str(tenant) },
            queue: { $eq: str(queueId) },
            $or: [
              { status: { $eq: 'pending' }, $or: [{ notBefore: null }, { notBefore: { $lte: at } }] },
              { status: { $eq: 'leased' }, leaseUntil: { $lte: at } },
            ],
          },
          [
            {
              $set: {
                status: 'leased', leaseId, leaseUntil, notBefore: null, attempts: { $add: ['$attempts', 1] },
                firstAttemptAt: { $ifNull: ['$firstAttemptAt', at] },
              },
            },
          ],
          { ...NO_ID, sort: { receivedAt: 1, _id: 1 }, returnDocument: 'after' },
        );
        return doc ? { item: toQueueItem(doc), leaseId, leaseUntil: leaseUntil.toISOString() } : null;
      }),
    ackQueueItem: (tenant, queueId, itemId, leaseId, now) =>
      run(async (): Promise<QueueItem> => {
        const filter = { tenant: { $eq: str(tenant) }, queue: { $eq: str(queueId) }, id: { $eq: str(itemId) } };
        const acked = await c.submissions.findOneAndUpdate(
          { ...filter, status: { $eq: 'leased' }, leaseId: { $eq: str(leaseId) }, leaseUntil: { $gt: date(now) } },
          { $set: { status: 'acked' } },
          { ...NO_ID, returnDocument: 'after' },
        );
        if (acked) return toQueueItem(acked);
        const doc = await c.submissions.findOne(filter, NO_ID);
        if (!doc) throw new NotFoundError('queue-item-not-found', `No item ${itemId} in queue ${queueId}`);
        // A retried ack of the same lease (the first answer was lost) gets the same answer.
        if (doc.status === 'acked' && doc.leaseId === leaseId) return toQueueItem(doc);
        throw new ConflictError('lease-mismatch', 'The lease is not the current one or has expired');
      }),

    putStaffUser: (user) =>
      run(async () => {
        const doc: StaffDoc = {
          _id: str(user.id),
          username: str(user.username),
          displayName: user.displayName,
          passwordHash: user.passwordHash,
          tenantRoles: user.tenantRoles,
          disabled: user.disabled,
          demo: user.demo,
          ...(user.queues === undefined ? {} : { queues: user.queues }),
          ...(user.platformAdmin === true ? { platformAdmin: true } : {}),
          ...(user.email === undefined ? {} : { email: user.email }),
        };
        try {
          await c.staffUsers.replaceOne({ _id: { $eq: doc._id } }, doc, { upsert: true });
        } catch (error) {
          if (duplicateKeyFields(error)?.includes('username')) {
            throw new ConflictError('username-taken', 'Another user has that username', { cause: error });
          }
          throw error;
        }
      }),
    getStaffUser: (id) => run(async () => optional(await c.staffUsers.findOne({ _id: { $eq: str(id) } }), toStaffUser)),
    findStaffUserByUsername: (username) =>
      run(async () => optional(await c.staffUsers.findOne({ username: { $eq: str(username) } }), toStaffUser)),
    hasDemoCredentials: () =>
      run(async () => {
        const [user, key] = await Promise.all([
          c.staffUsers.findOne({ demo: { $eq: true } }, { projection: { _id: 1 } }),
          c.apiKeys.findOne({ demo: { $eq: true } }, { projection: { _id: 1 } }),
        ]);
        return user !== null || key !== null;
      }),
    putApiKey: (tenant, key) =>
      run(async () => {
        const doc: ApiKeyDoc = {
          tenant: str(tenant),
          id: str(key.id),
          label: key.label,
          hash: str(key.hash),
          createdAt: key.createdAt,
          demo: key.demo,
          ...(key.prefix === undefined ? {} : { prefix: key.prefix }),
          ...(key.queues === undefined ? {} : { queues: key.queues }),
          ...(key.lastUsedAt == null ? {} : { lastUsedAt: key.lastUsedAt }),
        };
        try {
          await c.apiKeys.replaceOne({ tenant: { $eq: doc.tenant }, id: { $eq: doc.id } }, doc, { upsert: true });
        } catch (error) {
          if (duplicateKeyFields(error)?.includes('hash')) {
            throw new ConflictError('api-key-exists', 'The tenant has an API key with that hash', { cause: error });
          }
          throw error;
        }
      }),
    findApiKeyByHash: (tenant, hash) =>
      run(async () => optional(await c.apiKeys.findOne({ tenant: { $eq: str(tenant) }, hash: { $eq: str(hash) } }, NO_ID), toApiKey)),

    getSession: (sid, now) =>
      run(async (): Promise<SessionRecord | null> => {
        const doc = await c.sessions.findOne({ _id: { $eq: str(sid) } });
        // The TTL monitor deletes late, so expiry is checked here too.
        if (!doc || doc.expiresAt.getTime() <= date(now).getTime()) return null;
        return { data: doc.data, expiresAt: doc.expiresAt.toISOString() };
      }),
    setSession: (sid, session) =>
      run(async () => {
        const expiresAt = new Date(session.expiresAt);
        if (Number.isNaN(expiresAt.getTime())) throw new TypeError(`Session expiresAt is not a time: ${session.expiresAt}`);
        const doc: SessionDoc = { _id: str(sid), data: session.data, expiresAt };
        await c.sessions.replaceOne({ _id: { $eq: doc._id } }, doc, { upsert: true });
      }),
    destroySession: (sid) =>
      run(async () => {
        await c.sessions.deleteOne({ _id: { $eq: str(sid) } });
      }),

    ...attachments.methods,
    ...lifecycle.methods,
    ...upkeep.methods,
    ...cases.methods,
    ...delivery.methods,
    ...staffAdmin.methods,
    getQueueItem: (tenant, queueId, itemId) =>
      run(async () =>
        optional(await c.submissions.findOne({ tenant: { $eq: str(tenant) }, queue: { $eq: str(queueId) }, id: { $eq: str(itemId) } }, NO_ID), toQueueItem),
      ),
  };

  function findByIdempotencyKey(tenant: string, idempotency: IdempotencyClaim) {
    return c.submissions.findOne({ tenant: { $eq: tenant }, idempotencyKey: { $eq: str(idempotency.key) } }, NO_ID);
  }

  function replay(first: SubmissionDoc, idempotency: IdempotencyClaim): AcceptResult {
    if (first.fingerprint !== idempotency.fingerprint) {
      throw new ConflictError('idempotency-key-reused', 'The idempotency key was used with another request');
    }
    return { submission: toSubmission(first), replayed: true };
  }

  return store;
}

/** A value bound for a query must be a string, never an object that could carry an operator. */
function date(value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError('Expected a valid Date');
  return new Date(value.getTime());
}

function status(value: unknown): QueueItemStatus {
  const found = QUEUE_ITEM_STATUSES.find((s) => s === value);
  if (!found) throw new TypeError('Expected a queue item status');
  return found;
}

function optional<D, T>(doc: D | null, map: (doc: D) => T): T | null {
  return doc === null ? null : map(doc);
}

function emptyCounts(): Record<QueueItemStatus, number> {
  return { pending: 0, leased: 0, acked: 0, dead: 0 };
}

function toSubmissionDoc(tenant: string, s: NewSubmission, idempotency?: IdempotencyClaim): SubmissionDoc {
  const doc: SubmissionDoc = {
    tenant,
    id: str(s.id),
    reference: str(s.reference),
    serviceOwner: str(s.serviceOwner),
    serviceId: str(s.serviceId),
    version: int(s.version),
    receivedAt: str(s.receivedAt),
    queue: str(s.queue),
    locale: s.locale,
    data: s.data,
    status: 'pending',
    attempts: 0,
    leaseId: null,
    leaseUntil: null,
  };
  if (s.retainUntil !== undefined) {
    doc.retainUntil = new Date(s.retainUntil);
    if (Number.isNaN(doc.retainUntil.getTime())) throw new TypeError(`Submission retainUntil is not a time: ${s.retainUntil}`);
  }
  if (idempotency) {
    doc.idempotencyKey = str(idempotency.key);
    doc.fingerprint = str(idempotency.fingerprint);
  }
  return doc;
}

function toTenant(doc: TenantDoc): Tenant {
  return { id: doc._id, name: doc.name, kind: doc.kind, memberOf: doc.memberOf };
}

function toServiceVersion(doc: VersionDoc): PublishedServiceVersion {
  const version: PublishedServiceVersion = {
    owner: doc.tenant,
    serviceId: doc.serviceId,
    version: doc.version,
    definition: doc.definition,
    publishedAt: doc.publishedAt,
  };
  if (doc.note !== undefined) version.note = doc.note;
  if (doc.publishedBy !== undefined) version.publishedBy = doc.publishedBy;
  return version;
}

function toAdoption(doc: AdoptionDoc): Adoption {
  return { owner: doc.owner, serviceId: doc.serviceId, track: doc.track, overrides: doc.overrides, adoptedAt: doc.adoptedAt };
}

function toQueue(doc: QueueDoc): Queue {
  return { id: doc.id, name: doc.name, delivery: doc.delivery };
}

function toSubmission(doc: SubmissionDoc): Submission {
  return {
    id: doc.id,
    reference: doc.reference,
    serviceOwner: doc.serviceOwner,
    serviceId: doc.serviceId,
    version: doc.version,
    receivedAt: doc.receivedAt,
    queue: doc.queue,
    locale: doc.locale,
    data: doc.data,
    tenant: doc.tenant,
    ...(doc.retainUntil === undefined ? {} : { retainUntil: doc.retainUntil.toISOString() }),
  };
}

function toQueueItem(doc: SubmissionDoc): QueueItem {
  return {
    id: doc.id,
    reference: doc.reference,
    service: queueItemService(doc.tenant, doc.serviceOwner, doc.serviceId),
    version: doc.version,
    receivedAt: doc.receivedAt,
    status: doc.status,
    attempts: doc.attempts,
    data: doc.data,
    ...(doc.notBefore ? { notBefore: doc.notBefore.toISOString() } : {}),
    ...(doc.lastError === undefined ? {} : { lastError: doc.lastError }),
    ...(doc.firstAttemptAt ? { firstAttemptAt: doc.firstAttemptAt.toISOString() } : {}),
  };
}
