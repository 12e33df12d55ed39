/**
 * Drafts, the version list and retirement of e-services on MongoDB. Drafts and retirements are
 * collections of their own, each keyed `{ tenant, serviceId }` so they shard with the rest.
 */
import type { Db } from 'mongodb';
import type { ServiceDefinition } from '@samform/model';
import { ConflictError, NotFoundError } from '@samform/model';
import type { ServiceDraft, ServiceLifecycleMethods, ServiceStatus, ServiceVersionInfo } from '../port.ts';
import { checkDraftId } from '../check-draft-id.ts';
import { duplicateKeyFields } from './translate-mongo-error.ts';
import { literalString as str } from './literal.ts';

interface DraftDoc { tenant: string; serviceId: string; definition: ServiceDefinition; updatedAt: string; updatedBy: string }
/** Present while the e-service is retired. */
interface RetirementDoc { tenant: string; serviceId: string; retiredAt: string }
/** The fields of a stored version this part reads. */
interface VersionFields { tenant: string; serviceId: string; version: number; publishedAt: string; note?: string; publishedBy?: string }


/** The lifecycle part of the MongoDB adapter. */
export interface MongoServiceLifecycle {
  ensureIndexes(): Promise<void>;
  methods: ServiceLifecycleMethods;
}

const NO_ID = { projection: { _id: 0 } } as const;

/** The lifecycle part of the MongoDB adapter over `db`. */
export function mongoServiceLifecycle(db: Db, run: <T>(work: () => Promise<T>) => Promise<T>): MongoServiceLifecycle {
  // The adapter's own collection of versions, read here only.
  const versions = db.collection<VersionFields>('serviceVersions');
  const drafts = db.collection<DraftDoc>('serviceDrafts');
  const retirements = db.collection<RetirementDoc>('serviceRetirements');
  const key = (tenant: string, serviceId: string) => ({ tenant: { $eq: str(tenant) }, serviceId: { $eq: str(serviceId) } });

  async function latestVersions(tenant: string, serviceId?: string): Promise<{ serviceId: string; latestVersion: number }[]> {
    const match = serviceId === undefined ? { tenant: { $eq: str(tenant) } } : key(tenant, serviceId);
    const groups = await versions
      .aggregate<{ _id: string; latest: number }>([
        { $match: match },
        { $group: { _id: '$serviceId', latest: { $max: '$version' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    return groups.map((g) => ({ serviceId: g._id, latestVersion: g.latest }));
  }

  async function statuses(tenant: string, serviceId?: string): Promise<ServiceStatus[]> {
    const latest = await latestVersions(tenant, serviceId);
    if (latest.length === 0) return [];
    const filter = serviceId === undefined ? { tenant: { $eq: str(tenant) } } : key(tenant, serviceId);
    const retired = new Map((await retirements.find(filter, NO_ID).toArray()).map((r) => [r.serviceId, r.retiredAt]));
    return latest.map(({ serviceId: id, latestVersion }) => {
      const retiredAt = retired.get(id) ?? null;
      return { serviceId: id, latestVersion, retired: retiredAt !== null, retiredAt };
    });
  }

  return {
    ensureIndexes: async () => {
      await Promise.all([
        drafts.createIndex({ tenant: 1, serviceId: 1 }, { unique: true }),
        retirements.createIndex({ tenant: 1, serviceId: 1 }, { unique: true }),
      ]);
    },
    methods: {
      putServiceDraft: (tenant, serviceId, draft, options = {}) =>
        run(async () => {
          checkDraftId(serviceId, draft.definition);
          const doc: DraftDoc = {
            tenant: str(tenant),
            serviceId: str(serviceId),
            definition: draft.definition,
            updatedAt: str(draft.updatedAt),
            updatedBy: str(draft.updatedBy),
          };
          if (!options.onlyIfAbsent) {
            await drafts.replaceOne(key(tenant, serviceId), doc, { upsert: true });
            return;
          }
          try {
            await drafts.insertOne(doc);
          } catch (error) {
            if (duplicateKeyFields(error)) throw new ConflictError('draft-exists', `There is a draft of ${serviceId} already`, { cause: error });
            throw error;
          }
        }),
      getServiceDraft: (tenant, serviceId) =>
        run(async () => {
          const doc = await drafts.findOne(key(tenant, serviceId), NO_ID);
          return doc === null ? null : toDraft(doc);
        }),
      listServiceDrafts: (tenant) =>
        run(async () => (await drafts.find({ tenant: { $eq: str(tenant) } }, { ...NO_ID, sort: { serviceId: 1 } }).toArray()).map(toDraft)),
      deleteServiceDraft: (tenant, serviceId) => run(async () => (await drafts.deleteOne(key(tenant, serviceId))).deletedCount > 0),

      listServiceVersions: (tenant, serviceId) =>
        run(async () => {
          const docs = await versions
            .find(key(tenant, serviceId), { projection: { _id: 0, version: 1, publishedAt: 1, note: 1, publishedBy: 1 }, sort: { version: 1 } })
            .toArray();
          return docs.map(toVersionInfo);
        }),

      setServiceRetired: (tenant, serviceId, retired, at) =>
        run(async () => {
          if ((await versions.findOne(key(tenant, serviceId), { projection: { _id: 1 } })) === null) {
            throw new NotFoundError('service-not-found', `${tenant} has published no e-service ${serviceId}`);
          }
          if (!retired) {
            await retirements.deleteOne(key(tenant, serviceId));
            return;
          }
          // $setOnInsert keeps the first retirement time when it is retired again.
          await retirements.updateOne(
            key(tenant, serviceId),
            { $setOnInsert: { tenant: str(tenant), serviceId: str(serviceId), retiredAt: str(at) } },
            { upsert: true },
          );
        }),
      getServiceStatus: (tenant, serviceId) => run(async () => (await statuses(tenant, serviceId))[0] ?? null),
      listServiceStatuses: (tenant) => run(() => statuses(tenant)),
    },
  };
}

/** A value bound for a query must be a string, never an object that could carry an operator. */
function toDraft(doc: DraftDoc): ServiceDraft {
  return { serviceId: doc.serviceId, definition: doc.definition, updatedAt: doc.updatedAt, updatedBy: doc.updatedBy };
}

function toVersionInfo(doc: VersionFields): ServiceVersionInfo {
  const info: ServiceVersionInfo = { version: doc.version, publishedAt: doc.publishedAt };
  if (doc.note !== undefined) info.note = doc.note;
  if (doc.publishedBy !== undefined) info.publishedBy = doc.publishedBy;
  return info;
}
