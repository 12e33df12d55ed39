import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError } from '@samform/model';
import type { DeliveryMethods, OutboxLease, OutboxMessage, QueueItem, StaffUser, StoredOutboxMessage } from '../port.ts';

interface OutboxRow {
  tenant: string; id: string; kind: string; recipients: string; subject: string; text: string; created_at: string;
  status: StoredOutboxMessage['status']; attempts: number; not_before: number | null; lease_id: string | null;
  lease_until: number | null; last_error: string | null;
}

const DEFAULT_LIMIT = 100;

/**
 * The delivery statements of the SQLite adapter (issue 7): nack, dead letters and redrive of
 * queue items, admins by role, and the e-mail outbox; plus the enqueue step that
 * `acceptSubmission` runs inside its transaction.
 */
export function sqliteDelivery<SubmissionRow, StaffRow>(
  db: Database.Database,
  run: <T>(work: () => T) => Promise<T>,
  commit: <T>(work: () => T) => Promise<T>,
  toQueueItem: (row: SubmissionRow) => QueueItem,
  toStaffUser: (row: StaffRow) => StaffUser,
): { methods: DeliveryMethods; enqueue(tenant: string, messages: readonly OutboxMessage[]): void } {
  const sql = {
    getItem: db.prepare('SELECT * FROM submissions WHERE tenant = ? AND queue = ? AND id = ?'),
    nack: db.prepare(
      `UPDATE submissions SET status = 'pending', lease_id = NULL, lease_until = NULL, not_before = @not_before,
         last_error = coalesce(@error, last_error)
       WHERE tenant = @tenant AND queue = @queue AND id = @id AND status = 'leased' AND lease_id = @lease_id AND lease_until > @now
       RETURNING *`,
    ),
    dead: db.prepare(
      `UPDATE submissions SET status = 'dead', lease_until = NULL, not_before = NULL, last_error = @error
       WHERE tenant = @tenant AND queue = @queue AND id = @id AND status = 'leased' AND lease_id = @lease_id AND lease_until > @now
       RETURNING *`,
    ),
    redrive: db.prepare(
      `UPDATE submissions SET status = 'pending', attempts = 0, lease_id = NULL, lease_until = NULL, not_before = NULL, first_attempt_at = NULL
       WHERE tenant = ? AND queue = ? AND id = ? AND status = 'dead'
       RETURNING *`,
    ),
    redriveAll: db.prepare(
      `UPDATE submissions SET status = 'pending', attempts = 0, lease_id = NULL, lease_until = NULL, not_before = NULL, first_attempt_at = NULL
       WHERE tenant = ? AND queue = ? AND status = 'dead'`,
    ),
    // Roles live in a JSON column; the tenant key is matched through json_each.
    staffWithRole: db.prepare(
      `SELECT u.* FROM staff_users u
       WHERE EXISTS (SELECT 1 FROM json_each(u.tenant_roles, '$."' || replace(@tenant, '"', '') || '"') r WHERE r.value = @role)
       ORDER BY u.username`,
    ),
    insertOutbox: db.prepare(
      `INSERT INTO outbox (tenant, id, kind, recipients, subject, text, created_at, status, attempts)
       VALUES (@tenant, @id, @kind, @recipients, @subject, @text, @created_at, 'pending', 0)
       ON CONFLICT (tenant, id) DO NOTHING`,
    ),
    leaseOutbox: db.prepare(
      `UPDATE outbox SET status = 'leased', attempts = attempts + 1, lease_id = @lease_id, lease_until = @lease_until, not_before = NULL
       WHERE tenant = @tenant AND id = (
         SELECT id FROM outbox WHERE tenant = @tenant AND (
           (status = 'pending' AND (not_before IS NULL OR not_before <= @now)) OR (status = 'leased' AND lease_until <= @now))
         ORDER BY rowid LIMIT 1)
       RETURNING *`,
    ),
    getOutbox: db.prepare('SELECT * FROM outbox WHERE tenant = ? AND id = ?'),
    settleOutbox: db.prepare(
      `UPDATE outbox SET status = @status, lease_until = CASE WHEN @status = 'sent' THEN lease_until ELSE NULL END,
         not_before = @not_before, last_error = coalesce(@error, last_error)
       WHERE tenant = @tenant AND id = @id AND status = 'leased' AND lease_id = @lease_id AND lease_until > @now
       RETURNING *`,
    ),
    listOutbox: db.prepare('SELECT * FROM outbox WHERE tenant = ? ORDER BY rowid LIMIT ?'),
    listOutboxOfKind: db.prepare('SELECT * FROM outbox WHERE tenant = ? AND kind = ? ORDER BY rowid LIMIT ?'),
  };

  const enqueue = (tenant: string, messages: readonly OutboxMessage[]): boolean[] =>
    messages.map(
      (m) =>
        sql.insertOutbox.run({
          tenant,
          id: m.id,
          kind: m.kind,
          recipients: JSON.stringify(m.to),
          subject: m.subject,
          text: m.text,
          created_at: m.createdAt,
        }).changes === 1,
    );

  // Why a lease-bound change found no row: unknown item, or not (any more) this lease.
  const leaseProblem = (row: unknown, what: string, code: string): Error =>
    row === undefined ? new NotFoundError(code, `No ${what}`) : new ConflictError('lease-mismatch', 'The lease is not the current one or has expired');

  const methods: DeliveryMethods = {
    nackQueueItem: (tenant, queueId, itemId, leaseId, { now, delayMs = 0, error }) =>
      commit(() => {
        const row = sql.nack.get({
          tenant,
          queue: queueId,
          id: itemId,
          lease_id: leaseId,
          now: now.getTime(),
          not_before: delayMs > 0 ? Math.round(now.getTime() + delayMs) : null,
          error: error ?? null,
        }) as SubmissionRow | undefined;
        if (row) return toQueueItem(row);
        throw leaseProblem(sql.getItem.get(tenant, queueId, itemId), `item ${itemId} in queue ${queueId}`, 'queue-item-not-found');
      }),
    deadLetterQueueItem: (tenant, queueId, itemId, leaseId, { now, error }) =>
      commit(() => {
        const row = sql.dead.get({ tenant, queue: queueId, id: itemId, lease_id: leaseId, now: now.getTime(), error }) as SubmissionRow | undefined;
        if (row) return toQueueItem(row);
        throw leaseProblem(sql.getItem.get(tenant, queueId, itemId), `item ${itemId} in queue ${queueId}`, 'queue-item-not-found');
      }),
    redriveQueueItem: (tenant, queueId, itemId) =>
      commit(() => {
        const row = sql.redrive.get(tenant, queueId, itemId) as SubmissionRow | undefined;
        if (row) return toQueueItem(row);
        if (sql.getItem.get(tenant, queueId, itemId) === undefined) throw new NotFoundError('queue-item-not-found', `No item ${itemId} in queue ${queueId}`);
        throw new ConflictError('not-dead', 'Only a dead-lettered item can be redriven');
      }),
    redriveDeadQueueItems: (tenant, queueId) => commit(() => sql.redriveAll.run(tenant, queueId).changes),
    listStaffUsersWithRole: (tenant, role) => run(() => (sql.staffWithRole.all({ tenant, role }) as StaffRow[]).map(toStaffUser)),

    enqueueOutboxMessage: (tenant, message) => commit(() => enqueue(tenant, [message])[0] === true),
    leaseOutboxMessage: (tenant, { now, leaseMs }) =>
      commit((): OutboxLease | null => {
        const leaseId = randomUUID();
        const leaseUntil = Math.round(now.getTime() + leaseMs);
        const row = sql.leaseOutbox.get({ tenant, now: now.getTime(), lease_id: leaseId, lease_until: leaseUntil }) as OutboxRow | undefined;
        return row ? { message: toMessage(row), leaseId, leaseUntil: new Date(leaseUntil).toISOString() } : null;
      }),
    settleOutboxMessage: (tenant, id, leaseId, outcome) =>
      commit(() => {
        const row = sql.settleOutbox.get({
          tenant,
          id,
          lease_id: leaseId,
          now: outcome.now.getTime(),
          status: outcome.status === 'retry' ? 'pending' : outcome.status,
          not_before: outcome.status === 'retry' ? Math.round(outcome.now.getTime() + outcome.delayMs) : null,
          error: outcome.status === 'sent' ? null : outcome.error,
        }) as OutboxRow | undefined;
        if (row) return toMessage(row);
        throw leaseProblem(sql.getOutbox.get(tenant, id), `outbox message ${id}`, 'outbox-message-not-found');
      }),
    listOutboxMessages: (tenant, options = {}) =>
      run(() => {
        const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
        const rows = (options.kind === undefined ? sql.listOutbox.all(tenant, limit) : sql.listOutboxOfKind.all(tenant, options.kind, limit)) as OutboxRow[];
        return rows.map(toMessage);
      }),
  };

  return {
    methods,
    enqueue: (tenant, messages) => {
      enqueue(tenant, messages);
    },
  };
}

function toMessage(row: OutboxRow): StoredOutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    to: JSON.parse(row.recipients) as string[],
    subject: row.subject,
    text: row.text,
    createdAt: row.created_at,
    status: row.status,
    attempts: row.attempts,
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
  };
}
