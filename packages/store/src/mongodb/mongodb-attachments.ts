/**
 * Attachments on MongoDB: the bytes in the GridFS bucket `attachments`, the metadata (tenant
 * first) on its files. Which submission owns a file is decided by the submission document's
 * `attachmentIds` (a unique multikey index, so no two submissions can claim one file, written in
 * the same single-document insert as the submission); the file's `metadata.submissionId` copies
 * it afterwards and is repaired from the submissions whenever it is found missing.
 */
import { GridFSBucket } from 'mongodb';
import type { Db, ObjectId } from 'mongodb';
import { ConflictError, NotFoundError } from '@samform/model';
import type { AttachmentInfo, NewAttachment, StoredAttachment, Store } from '../port.ts';
import { duplicateKeyFields } from './translate-mongo-error.ts';
import { literalString as str } from './literal.ts';

interface AttachmentMetadata {
  tenant: string; id: string; serviceOwner: string; serviceId: string; name: string; type: string; size: number;
  sha256: string; createdAt: string; created: Date; citizenKey?: string; submissionId: string | null;
}
interface FileDoc { _id: ObjectId; length: number; metadata: AttachmentMetadata }
interface ClaimingSubmission { tenant: string; id: string; attachmentIds?: string[] }

type AttachmentMethods = Pick<Store, 'putAttachment' | 'getAttachment' | 'linkAttachments' | 'deleteSubmissionWithAttachments' | 'deleteUnlinkedAttachmentsBefore'>;

/** The GridFS side of the MongoDB adapter; `checkLinkable` and `copyLinks` wrap `acceptSubmission`'s insert. */
export interface MongoAttachments {
  ensureIndexes(): Promise<void>;
  methods: AttachmentMethods;
  /** ConflictError `attachment-unavailable` unless every id is a file of the tenant not owned by another submission. */
  checkLinkable(tenant: string, submissionId: string, ids: readonly string[]): Promise<void>;
  /** Copy the ownership a submission document holds onto its files. */
  copyLinks(tenant: string, submissionId: string, ids: readonly string[]): Promise<void>;
}

/** The attachment part of the MongoDB adapter over `db` (whose `submissions` collection it links to). */
export function mongoAttachments(db: Db, run: <T>(work: () => Promise<T>) => Promise<T>): MongoAttachments {
  const submissions = db.collection<ClaimingSubmission>('submissions');
  const bucket = new GridFSBucket(db, { bucketName: 'attachments' });
  const files = db.collection<FileDoc>('attachments.files');
  const chunks = db.collection<{ files_id: ObjectId }>('attachments.chunks');
  const byId = (tenant: string, id: string) => ({ 'metadata.tenant': { $eq: str(tenant) }, 'metadata.id': { $eq: str(id) } });

  async function ownerOf(tenant: string, file: FileDoc): Promise<string | null> {
    if (file.metadata.submissionId !== null) return file.metadata.submissionId;
    const claimed = await submissions.findOne({ tenant: { $eq: tenant }, attachmentIds: { $eq: file.metadata.id } }, { projection: { _id: 0, id: 1 } });
    if (claimed === null) return null;
    await copyLinks(tenant, claimed.id, [file.metadata.id]);
    return claimed.id;
  }

  async function checkLinkable(tenant: string, submissionId: string, ids: readonly string[]): Promise<void> {
    for (const id of new Set(ids)) {
      const file = await files.findOne(byId(tenant, id));
      if (file === null) throw new ConflictError('attachment-unavailable', `No attachment ${id} to link`);
      const owner = await ownerOf(tenant, file);
      if (owner !== null && owner !== submissionId) throw new ConflictError('attachment-unavailable', `Attachment ${id} belongs to another submission`);
    }
  }

  async function copyLinks(tenant: string, submissionId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await files.updateMany(
      { 'metadata.tenant': { $eq: tenant }, 'metadata.id': { $in: ids.map(str) }, 'metadata.submissionId': { $eq: null } },
      { $set: { 'metadata.submissionId': submissionId } },
    );
  }

  async function deleteFiles(found: FileDoc[]): Promise<void> {
    for (const file of found) await bucket.delete(file._id);
  }

  const methods: AttachmentMethods = {
    putAttachment: (tenant, attachment) =>
      run(async () => {
        const metadata = toMetadata(str(tenant), attachment);
        if ((await files.findOne(byId(metadata.tenant, metadata.id), { projection: { _id: 1 } })) !== null) {
          throw new ConflictError('attachment-exists', 'An attachment with that id exists');
        }
        const upload = bucket.openUploadStream(metadata.name, { metadata });
        try {
          await new Promise<void>((resolve, reject) => {
            upload.once('finish', () => resolve());
            upload.once('error', reject);
            upload.end(Buffer.from(attachment.bytes.buffer, attachment.bytes.byteOffset, attachment.bytes.byteLength));
          });
        } catch (error) {
          // The files document is written last: on its duplicate key the chunks are left over.
          await chunks.deleteMany({ files_id: { $eq: upload.id } });
          if (duplicateKeyFields(error)) throw new ConflictError('attachment-exists', 'An attachment with that id exists', { cause: error });
          throw error;
        }
      }),
    getAttachment: (tenant, id) =>
      run(async (): Promise<StoredAttachment | null> => {
        const t = str(tenant);
        const file = await files.findOne(byId(t, id));
        if (file === null) return null;
        const submissionId = await ownerOf(t, file);
        const parts: Buffer[] = [];
        for await (const chunk of bucket.openDownloadStream(file._id)) parts.push(chunk as Buffer);
        const bytes = Buffer.concat(parts);
        return { ...toInfo(file.metadata), submissionId, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
      }),
    linkAttachments: (tenant, submissionId, ids) =>
      run(async () => {
        const t = str(tenant);
        if ((await submissions.findOne({ tenant: { $eq: t }, id: { $eq: str(submissionId) } })) === null) {
          throw new NotFoundError('submission-not-found', `No submission ${submissionId}`);
        }
        for (const id of ids) {
          if ((await files.findOne(byId(t, id), { projection: { _id: 1 } })) === null) throw new NotFoundError('attachment-not-found', `No attachment ${id}`);
        }
        await checkLinkable(t, submissionId, ids);
        try {
          await submissions.updateOne({ tenant: { $eq: t }, id: { $eq: submissionId } }, { $addToSet: { attachmentIds: { $each: ids.map(str) } } });
        } catch (error) {
          if (duplicateKeyFields(error)) throw new ConflictError('attachment-unavailable', 'An attachment belongs to another submission', { cause: error });
          throw error;
        }
        await copyLinks(t, submissionId, ids);
      }),
    deleteSubmissionWithAttachments: (tenant, submissionId) =>
      run(async () => {
        const t = str(tenant);
        const submission = await submissions.findOne({ tenant: { $eq: t }, id: { $eq: str(submissionId) } });
        if (submission === null) return false;
        // Files first: if this stops half-way, the submission is still there to find them by again.
        const owned = await files
          .find({ 'metadata.tenant': { $eq: t }, $or: [{ 'metadata.submissionId': { $eq: submissionId } }, { 'metadata.id': { $in: submission.attachmentIds ?? [] } }] })
          .toArray();
        await deleteFiles(owned);
        await submissions.deleteOne({ tenant: { $eq: t }, id: { $eq: submissionId } });
        return true;
      }),
    deleteUnlinkedAttachmentsBefore: (tenant, time) =>
      run(async () => {
        const t = str(tenant);
        const candidates = await files
          .find({ 'metadata.tenant': { $eq: t }, 'metadata.submissionId': { $eq: null }, 'metadata.created': { $lt: date(time) } })
          .toArray();
        const orphans: FileDoc[] = [];
        for (const file of candidates) if ((await ownerOf(t, file)) === null) orphans.push(file);
        await deleteFiles(orphans);
        return orphans.length;
      }),
  };

  return {
    ensureIndexes: async () => {
      await Promise.all([
        files.createIndexes([
          { key: { 'metadata.tenant': 1, 'metadata.id': 1 }, unique: true },
          { key: { 'metadata.tenant': 1, 'metadata.submissionId': 1, 'metadata.created': 1 } },
        ]),
        // GridFS's own index; chunks are reached only through a file found by its tenant.
        chunks.createIndex({ files_id: 1, n: 1 }, { unique: true }),
        // One file, one submission. Only submissions with attachments take part.
        submissions.createIndex({ tenant: 1, attachmentIds: 1 }, { unique: true, partialFilterExpression: { attachmentIds: { $exists: true } } }),
      ]);
    },
    methods,
    checkLinkable,
    copyLinks,
  };
}

function toMetadata(tenant: string, a: NewAttachment): AttachmentMetadata {
  const created = new Date(a.createdAt);
  if (Number.isNaN(created.getTime())) throw new TypeError(`Attachment createdAt is not a time: ${a.createdAt}`);
  const metadata: AttachmentMetadata = {
    tenant,
    id: str(a.id),
    serviceOwner: str(a.serviceOwner),
    serviceId: str(a.serviceId),
    name: str(a.name),
    type: str(a.type),
    size: a.size,
    sha256: str(a.sha256),
    createdAt: a.createdAt,
    created,
    submissionId: null,
  };
  if (a.citizenKey !== undefined) metadata.citizenKey = str(a.citizenKey);
  return metadata;
}

function toInfo(m: AttachmentMetadata): Omit<AttachmentInfo, 'submissionId'> {
  const info: Omit<AttachmentInfo, 'submissionId'> = {
    id: m.id, serviceOwner: m.serviceOwner, serviceId: m.serviceId, name: m.name, type: m.type, size: m.size, sha256: m.sha256, createdAt: m.createdAt,
  };
  if (m.citizenKey !== undefined) info.citizenKey = m.citizenKey;
  return info;
}

function date(value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError('Expected a valid Date');
  return value;
}
