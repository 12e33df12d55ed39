import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError } from '@samform/model';
import type { NewAttachment, StoredAttachment, Store } from '../port.ts';

interface AttachmentRow {
  tenant: string; id: string; service_owner: string; service_id: string; name: string; type: string; size: number;
  sha256: string; created_at: string; created_ms: number; citizen_key: string | null; submission_id: string | null; bytes: Buffer;
}

type AttachmentMethods = Pick<Store, 'putAttachment' | 'getAttachment' | 'linkAttachments' | 'deleteSubmissionWithAttachments' | 'deleteUnlinkedAttachmentsBefore'>;

/** The attachment statements of the SQLite adapter, and the link step that `acceptSubmission` runs inside its transaction. */
export function sqliteAttachments(
  db: Database.Database,
  run: <T>(work: () => T) => Promise<T>,
  commit: <T>(work: () => T) => Promise<T>,
): { methods: AttachmentMethods; link(tenant: string, submissionId: string, ids: readonly string[]): void } {
  const sql = {
    insert: db.prepare(
      `INSERT INTO attachments (tenant, id, service_owner, service_id, name, type, size, sha256, created_at, created_ms, citizen_key, submission_id, bytes)
       VALUES (@tenant, @id, @service_owner, @service_id, @name, @type, @size, @sha256, @created_at, @created_ms, @citizen_key, NULL, @bytes)`,
    ),
    get: db.prepare('SELECT * FROM attachments WHERE tenant = ? AND id = ?'),
    linkedTo: db.prepare('SELECT submission_id FROM attachments WHERE tenant = ? AND id = ?'),
    link: db.prepare('UPDATE attachments SET submission_id = @submission WHERE tenant = @tenant AND id = @id AND submission_id IS NULL'),
    submissionExists: db.prepare('SELECT 1 FROM submissions WHERE tenant = ? AND id = ?'),
    deleteOfSubmission: db.prepare('DELETE FROM attachments WHERE tenant = ? AND submission_id = ?'),
    deleteIdempotency: db.prepare('DELETE FROM idempotency_keys WHERE tenant = ? AND submission_id = ?'),
    deleteSubmission: db.prepare('DELETE FROM submissions WHERE tenant = ? AND id = ?'),
    deleteUnlinked: db.prepare('DELETE FROM attachments WHERE tenant = ? AND submission_id IS NULL AND created_ms < ?'),
  };

  // Inside the caller's transaction: a failure here rolls the whole write back.
  const link = (tenant: string, submissionId: string, ids: readonly string[]): void => {
    for (const id of new Set(ids)) {
      if (sql.link.run({ tenant, id, submission: submissionId }).changes === 1) continue;
      const row = sql.linkedTo.get(tenant, id) as { submission_id: string | null } | undefined;
      if (row === undefined) throw new ConflictError('attachment-unavailable', `No attachment ${id} to link`);
      if (row.submission_id !== submissionId) throw new ConflictError('attachment-unavailable', `Attachment ${id} belongs to another submission`);
    }
  };

  const methods: AttachmentMethods = {
    putAttachment: (tenant, attachment) =>
      run(() => {
        sql.insert.run(attachmentParams(tenant, attachment));
      }),
    getAttachment: (tenant, id) =>
      run(() => {
        const row = sql.get.get(tenant, id) as AttachmentRow | undefined;
        return row === undefined ? null : toAttachment(row);
      }),
    linkAttachments: (tenant, submissionId, ids) =>
      commit(() => {
        if (sql.submissionExists.get(tenant, submissionId) === undefined) {
          throw new NotFoundError('submission-not-found', `No submission ${submissionId}`);
        }
        for (const id of ids) {
          if (sql.linkedTo.get(tenant, id) === undefined) throw new NotFoundError('attachment-not-found', `No attachment ${id}`);
        }
        link(tenant, submissionId, ids);
      }),
    deleteSubmissionWithAttachments: (tenant, submissionId) =>
      commit(() => {
        sql.deleteOfSubmission.run(tenant, submissionId);
        sql.deleteIdempotency.run(tenant, submissionId);
        return sql.deleteSubmission.run(tenant, submissionId).changes > 0;
      }),
    deleteUnlinkedAttachmentsBefore: (tenant, time) => commit(() => sql.deleteUnlinked.run(tenant, time.getTime()).changes),
  };
  return { methods, link };
}

function attachmentParams(tenant: string, a: NewAttachment) {
  const createdMs = Date.parse(a.createdAt);
  if (Number.isNaN(createdMs)) throw new TypeError(`Attachment createdAt is not a time: ${a.createdAt}`);
  return {
    tenant,
    id: a.id,
    service_owner: a.serviceOwner,
    service_id: a.serviceId,
    name: a.name,
    type: a.type,
    size: a.size,
    sha256: a.sha256,
    created_at: a.createdAt,
    created_ms: createdMs,
    citizen_key: a.citizenKey ?? null,
    bytes: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength),
  };
}

function toAttachment(row: AttachmentRow): StoredAttachment {
  const attachment: StoredAttachment = {
    id: row.id,
    serviceOwner: row.service_owner,
    serviceId: row.service_id,
    name: row.name,
    type: row.type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
    submissionId: row.submission_id,
    bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength),
  };
  if (row.citizen_key !== null) attachment.citizenKey = row.citizen_key;
  return attachment;
}
