/**
 * Adoption upkeep on MongoDB (issue 5): leaving, logos, drafts in flight, retention. Logos are
 * a collection of their own keyed `{ tenant, owner, serviceId }`, small enough (≤ 200 KB) for
 * one document each.
 */
import { Binary } from 'mongodb';
import type { Db } from 'mongodb';
import type { AdoptionUpkeepMethods, LogoType, Store } from '../port.ts';

interface LogoDoc { tenant: string; owner: string; serviceId: string; type: LogoType; sha256: string; bytes: Binary }
/** The fields of a stored submission this part reads. */
interface SubmissionFields { tenant: string; id: string; serviceOwner: string; serviceId: string; status: string; retainUntil?: Date }
interface SessionFields { _id: string; expiresAt: Date }

const DEFAULT_SWEEP_LIMIT = 500;

/** The adoption-upkeep part of the MongoDB adapter. */
export interface MongoAdoptionUpkeep {
  ensureIndexes(): Promise<void>;
  methods: AdoptionUpkeepMethods;
}

/** The adoption-upkeep part of the MongoDB adapter over `db`; weeding deletes through the attachment part. */
export function mongoAdoptionUpkeep(
  db: Db,
  run: <T>(work: () => Promise<T>) => Promise<T>,
  deleteSubmissionWithAttachments: Store['deleteSubmissionWithAttachments'],
): MongoAdoptionUpkeep {
  const logos = db.collection<LogoDoc>('adoptionLogos');
  const adoptions = db.collection<{ tenant: string; owner: string; serviceId: string }>('adoptions');
  const submissions = db.collection<SubmissionFields>('submissions');
  const sessions = db.collection<SessionFields>('sessions');
  const key = (tenant: string, owner: string, serviceId: string) => ({ tenant: { $eq: str(tenant) }, owner: { $eq: str(owner) }, serviceId: { $eq: str(serviceId) } });

  const methods: AdoptionUpkeepMethods = {
    deleteAdoption: (tenant, owner, serviceId) =>
      run(async () => {
        await logos.deleteOne(key(tenant, owner, serviceId));
        return (await adoptions.deleteOne(key(tenant, owner, serviceId))).deletedCount > 0;
      }),
    putAdoptionLogo: (tenant, owner, serviceId, logo) =>
      run(async () => {
        const doc: LogoDoc = { tenant: str(tenant), owner: str(owner), serviceId: str(serviceId), type: logo.type, sha256: str(logo.sha256), bytes: new Binary(logo.bytes) };
        await logos.replaceOne(key(tenant, owner, serviceId), doc, { upsert: true });
      }),
    getAdoptionLogo: (tenant, owner, serviceId) =>
      run(async () => {
        const doc = await logos.findOne(key(tenant, owner, serviceId));
        return doc === null ? null : { type: doc.type, sha256: doc.sha256, bytes: new Uint8Array(doc.bytes.buffer) };
      }),
    countWaitingSubmissions: (tenant, owner, serviceId) =>
      run(() =>
        submissions.countDocuments({
          tenant: { $eq: str(tenant) }, serviceOwner: { $eq: str(owner) }, serviceId: { $eq: str(serviceId) }, status: { $in: ['pending', 'leased', 'dead'] },
        }),
      ),
    countCitizenDrafts: (owner, serviceId, now) =>
      run(async () => {
        const groups = await sessions
          .aggregate<{ _id: number; drafts: number }>([
            { $match: { expiresAt: { $gt: now }, 'data.drafts': { $type: 'object' } } },
            { $project: { draft: { $objectToArray: '$data.drafts' } } },
            { $unwind: '$draft' },
            { $match: { 'draft.v.owner': { $eq: str(owner) }, 'draft.v.serviceId': { $eq: str(serviceId) }, 'draft.v.version': { $type: 'number' } } },
            { $group: { _id: '$draft.v.version', drafts: { $sum: 1 } } },
            { $sort: { _id: 1 } },
          ])
          .toArray();
        return groups.map((g) => ({ version: g._id, drafts: g.drafts }));
      }),
    deleteExpiredSubmissions: (tenant, now, limit = DEFAULT_SWEEP_LIMIT) =>
      run(async () => {
        const due = await submissions
          .find({ tenant: { $eq: str(tenant) }, status: { $eq: 'acked' }, 'case.closed': { $eq: true }, retainUntil: { $lte: now } }, { projection: { _id: 0, id: 1 } })
          .sort({ retainUntil: 1 })
          .limit(Math.max(0, Math.floor(limit)))
          .toArray();
        let deleted = 0;
        for (const { id } of due) if (await deleteSubmissionWithAttachments(tenant, id)) deleted++;
        return deleted;
      }),
  };

  return {
    ensureIndexes: async () => {
      await Promise.all([
        logos.createIndex({ tenant: 1, owner: 1, serviceId: 1 }, { unique: true }),
        submissions.createIndex({ tenant: 1, retainUntil: 1 }, { partialFilterExpression: { retainUntil: { $exists: true } } }),
        submissions.createIndex({ tenant: 1, serviceOwner: 1, serviceId: 1, status: 1 }),
      ]);
    },
    methods,
  };
}

function str(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`Expected a string, got ${typeof value}`);
  return value;
}
