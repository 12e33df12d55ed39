/**
 * Staff and key administration and the audit log on MongoDB. Audit entries are a collection of
 * their own, indexed `{ tenant, id }` so they shard with the rest; an id starts with the ISO
 * time, so ordering by id is ordering by time.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { JsonValue } from '@samform/model';
import type { ApiKey, AuditActor, AuditEntry, StaffAdminMethods, StaffRole, StaffUser } from '../port.ts';
import { literalString as str } from './literal.ts';

/** A document of `staffUsers`. */
export interface StaffDoc {
  _id: string; username: string; displayName: string; passwordHash: string;
  tenantRoles: { [tenant: string]: StaffRole[] }; disabled: boolean; demo: boolean; email?: string;
  queues?: { [tenant: string]: string[] }; platformAdmin?: boolean;
}
/** A document of `apiKeys`. */
export interface ApiKeyDoc {
  tenant: string; id: string; label: string; hash: string; createdAt: string; demo: boolean;
  prefix?: string; queues?: string[]; lastUsedAt?: string;
}
interface AuditDoc {
  tenant: string; id: string; at: string; kind: string; actor: AuditActor; target?: string; detail?: { [key: string]: JsonValue }; ip?: string;
}

/** The staff-administration part of the MongoDB adapter. */
export interface MongoStaffAdmin {
  ensureIndexes(): Promise<void>;
  methods: StaffAdminMethods;
}

const NO_ID = { projection: { _id: 0 } } as const;
const DEFAULT_AUDIT_LIMIT = 50;
const MAX_AUDIT_LIMIT = 500;
// Tenant ids are slugs; only a slug may become part of a field path.
const TENANT = /^[a-z0-9_][a-z0-9-]{0,62}$/;

/** The staff-administration part of the MongoDB adapter over `db`. */
export function mongoStaffAdmin(db: Db, run: <T>(work: () => Promise<T>) => Promise<T>): MongoStaffAdmin {
  const staffUsers = db.collection<StaffDoc>('staffUsers');
  const apiKeys = db.collection<ApiKeyDoc>('apiKeys');
  const audit = db.collection<AuditDoc>('auditLog');
  const keyOf = (tenant: string, id: string) => ({ tenant: { $eq: str(tenant) }, id: { $eq: str(id) } });

  return {
    ensureIndexes: async () => {
      await Promise.all([
        audit.createIndexes([{ key: { tenant: 1, id: 1 }, unique: true }, { key: { tenant: 1, kind: 1, id: 1 } }]),
        staffUsers.createIndex({ platformAdmin: 1 }, { sparse: true }),
      ]);
    },
    methods: {
      listStaffUsers: (tenant) =>
        run(async () => {
          const t = slug(tenant);
          const docs = await staffUsers.find({ $or: [{ [`tenantRoles.${t}`]: { $exists: true } }, { [`queues.${t}`]: { $exists: true } }] }).sort({ username: 1 }).toArray();
          return docs.map(toStaffUser);
        }),
      listPlatformAdmins: () => run(async () => (await staffUsers.find({ platformAdmin: { $eq: true } }).sort({ username: 1 }).toArray()).map(toStaffUser)),
      listApiKeys: (tenant) => run(async () => (await apiKeys.find({ tenant: { $eq: str(tenant) } }, NO_ID).sort({ createdAt: 1, id: 1 }).toArray()).map(toApiKey)),
      getApiKey: (tenant, id) =>
        run(async () => {
          const doc = await apiKeys.findOne(keyOf(tenant, id), NO_ID);
          return doc === null ? null : toApiKey(doc);
        }),
      deleteApiKey: (tenant, id) => run(async () => (await apiKeys.deleteOne(keyOf(tenant, id))).deletedCount > 0),
      touchApiKey: (tenant, id, at) =>
        run(async () => {
          await apiKeys.updateOne(keyOf(tenant, id), { $set: { lastUsedAt: str(at) } });
        }),
      appendAudit: (tenant, entry) =>
        run(async () => {
          const id = `${str(entry.at)}~${randomUUID()}`;
          const doc: AuditDoc = { tenant: str(tenant), id, ...entry };
          await audit.insertOne(doc);
          return { ...entry, id };
        }),
      listAudit: (tenant, query = {}) =>
        run(async () => {
          const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? DEFAULT_AUDIT_LIMIT)), MAX_AUDIT_LIMIT);
          const filter = {
            tenant: { $eq: str(tenant) },
            ...(query.kind === undefined ? {} : { kind: { $eq: str(query.kind) } }),
            ...(query.before === undefined ? {} : { id: { $lt: str(query.before) } }),
          };
          const docs = await audit.find(filter, NO_ID).sort({ id: -1 }).limit(limit).toArray();
          return docs.map(toAuditEntry);
        }),
    },
  };
}

/** A stored staff user from its document. */
export function toStaffUser(doc: StaffDoc): StaffUser {
  return {
    id: doc._id,
    username: doc.username,
    displayName: doc.displayName,
    passwordHash: doc.passwordHash,
    tenantRoles: doc.tenantRoles,
    disabled: doc.disabled,
    demo: doc.demo,
    ...(doc.email === undefined ? {} : { email: doc.email }),
    ...(doc.queues === undefined || Object.keys(doc.queues).length === 0 ? {} : { queues: doc.queues }),
    ...(doc.platformAdmin === true ? { platformAdmin: true } : {}),
  };
}

/** A stored API key from its document. */
export function toApiKey(doc: ApiKeyDoc): ApiKey {
  return {
    id: doc.id,
    label: doc.label,
    hash: doc.hash,
    createdAt: doc.createdAt,
    demo: doc.demo,
    ...(doc.prefix === undefined ? {} : { prefix: doc.prefix }),
    ...(doc.queues === undefined ? {} : { queues: doc.queues }),
    ...(doc.lastUsedAt === undefined ? {} : { lastUsedAt: doc.lastUsedAt }),
  };
}

function toAuditEntry(doc: AuditDoc): AuditEntry {
  const { tenant: _tenant, ...entry } = doc;
  return entry;
}

function slug(value: unknown): string {
  const text = str(value);
  if (!TENANT.test(text)) throw new TypeError('Expected a tenant id');
  return text;
}
