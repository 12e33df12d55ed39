import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { JsonValue, ServiceDefinition } from '@samform/model';
import { ConflictError, NotFoundError } from '@samform/model';
import type {
  AcceptResult,
  Adoption,
  Delivery,
  IdempotencyClaim,
  Lease,
  NewSubmission,
  PublishedServiceVersion,
  Queue,
  QueueItem,
  QueueItemStatus,
  QueueWithCounts,
  SessionRecord,
  Store,
  Submission,
  Tenant,
} from '../port.ts';
import { checkOwner } from '../check-owner.ts';
import { queueItemService } from '../queue-item-service.ts';
import { MIGRATIONS } from './migrations.ts';
import { sqliteAttachments } from './sqlite-attachments.ts';
import { sqliteAdoptionUpkeep } from './sqlite-adoption-upkeep.ts';
import { sqliteCases } from './sqlite-cases.ts';
import { sqliteDelivery } from './sqlite-delivery.ts';
import { sqliteServiceLifecycle } from './sqlite-service-lifecycle.ts';
import { sqliteStaffAdmin, toApiKey, toStaffUser } from './sqlite-staff-admin.ts';
import type { ApiKeyRow, StaffRow } from './sqlite-staff-admin.ts';
import { translateSqliteError } from './translate-sqlite-error.ts';
import { createGroupCommit } from './group-commit.ts';

type Json = { [key: string]: JsonValue };

interface TenantRow { id: string; name: string; kind: Tenant['kind']; member_of: string }
interface VersionRow {
  tenant: string; service_id: string; version: number; definition: string; published_at: string; note: string | null; published_by: string | null;
}
type VersionMeta = Omit<VersionRow, 'definition'>;
interface AdoptionRow { owner: string; service_id: string; track: string; overrides: string; adopted_at: string }
interface QueueRow { id: string; name: string; delivery: string }
interface SubmissionRow {
  tenant: string; id: string; reference: string; service_owner: string; service_id: string; version: number;
  received_at: string; queue: string; locale: string; data: string; status: QueueItemStatus; attempts: number;
  lease_id: string | null; lease_until: number | null; retain_until_ms: number | null;
  not_before: number | null; last_error: string | null; first_attempt_at: number | null;
}
interface IdempotencyRow { fingerprint: string; submission_id: string }
interface SessionRow { data: string; expires_at: number }

const DEFAULT_LIMIT = 100;
const connections = new WeakMap<Store, Database.Database>();
const BUSY_TIMEOUT_MS = 5000;

/** Open (creating and migrating if needed) the embedded SQLite store at a file path or `:memory:`. */
export async function openSqliteStore(options: { file: string }): Promise<Store> {
  const db = new Database(options.file);
  try {
    configure(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw translateSqliteError(error);
  }
  const store = createSqliteStore(db);
  connections.set(store, db);
  return store;
}

/** The durability settings of a SQLite store's own connection, read back from SQLite (for tests and diagnostics). */
export function readSqlitePragmas(store: Store): { journal_mode: string; synchronous: number; foreign_keys: number; busy_timeout: number } {
  const db = connections.get(store);
  if (!db) throw new TypeError('Not a SQLite store');
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    foreign_keys: db.pragma('foreign_keys', { simple: true }) as number,
    busy_timeout: db.pragma('busy_timeout', { simple: true }) as number,
  };
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // The server answers 201 only after acceptSubmission resolves, and the receipt time is the
  // legal time of receipt: a commit must survive power loss. In WAL mode `NORMAL` may lose the
  // last commits on power loss; `FULL` fsyncs the WAL on every commit.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Several processes (server, delivery workers, scripts) may share the file.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let i = current; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    }).immediate();
  }
}

function createSqliteStore(db: Database.Database): Store {
  const sql = prepareStatements(db);
  // A published version never changes, so its parsed definition is kept and shared by every
  // reader (the validator cache, each submission) instead of parsed per request (issue 8). Readers
  // treat it as read-only: nothing changes a stored definition in place (with it deep-frozen, the
  // whole server suite passed; freezing is left out only because it slowed huge definitions).
  const definitions = new Map<string, ServiceDefinition>();
  const toServiceVersion = (meta: VersionMeta, definitionText: () => string): PublishedServiceVersion => {
    const key = `${meta.tenant}\u0000${meta.service_id}\u0000${meta.version}`;
    let definition = definitions.get(key);
    if (definition === undefined) {
      definition = JSON.parse(definitionText()) as ServiceDefinition;
      definitions.set(key, definition);
    }
    const version: PublishedServiceVersion = { owner: meta.tenant, serviceId: meta.service_id, version: meta.version, definition, publishedAt: meta.published_at };
    if (meta.note !== null) version.note = meta.note;
    if (meta.published_by !== null) version.publishedBy = meta.published_by;
    return version;
  };
  let closed = false;

  // Every method runs synchronously inside `run` so driver errors become rejections of the
  // port's types, never better-sqlite3 errors.
  const run = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(translateSqliteError(error));
    }
  };
  // The one way writes that must be atomic are committed. Group commit (issue 8) can replace
  // it with a queue that runs several works in one transaction, each nested as a SAVEPOINT
  // (better-sqlite3 nests `db.transaction` that way) so a failing one rolls back alone, and
  // resolves every promise after the shared COMMIT. IMMEDIATE takes the write lock up front so a
  // read-then-write (the idempotency check) cannot race another process.
  const commit = <T>(work: () => T): Promise<T> => run(() => db.transaction(work).immediate());
  const attachments = sqliteAttachments(db, run, commit);
  const lifecycle = sqliteServiceLifecycle(db, run, commit);
  const staffAdmin = sqliteStaffAdmin(db, run);
  // A case event's e-mails go into the outbox inside the event's transaction (`delivery` is set below, before any call).
  const cases = sqliteCases(db, run, commit, (tenant, messages) => delivery.enqueue(tenant, messages));
  // Submissions arriving together share one transaction and one fsync (issue 8).
  const grouped = createGroupCommit(db);

  const toSubmission = (row: SubmissionRow): Submission => ({
    id: row.id,
    reference: row.reference,
    serviceOwner: row.service_owner,
    serviceId: row.service_id,
    version: row.version,
    receivedAt: row.received_at,
    queue: row.queue,
    locale: row.locale,
    data: JSON.parse(row.data) as Json,
    tenant: row.tenant,
    ...(row.retain_until_ms === null ? {} : { retainUntil: new Date(row.retain_until_ms).toISOString() }),
  });
  const toQueueItem = (row: SubmissionRow): QueueItem => ({
    id: row.id,
    reference: row.reference,
    service: queueItemService(row.tenant, row.service_owner, row.service_id),
    version: row.version,
    receivedAt: row.received_at,
    status: row.status,
    attempts: row.attempts,
    data: JSON.parse(row.data) as Json,
    ...deliveryFields(row),
  });
  const delivery = sqliteDelivery(db, run, commit, toQueueItem, toStaffUser);

  const store: Store = {
    kind: 'sqlite',

    close: () =>
      run(() => {
        if (closed) return;
        closed = true;
        grouped.flush();
        db.close();
      }),

    listTenants: () => run(() => (sql.listTenants.all() as TenantRow[]).map(toTenant)),
    getTenant: (id) => run(() => optional(sql.getTenant.get(id) as TenantRow | undefined, toTenant)),
    putTenant: (tenant) =>
      run(() => {
        sql.putTenant.run({ id: tenant.id, name: tenant.name, kind: tenant.kind, member_of: JSON.stringify(tenant.memberOf) });
      }),

    publishServiceVersion: (tenant, version) =>
      run(() => {
        checkOwner(tenant, version);
        sql.insertVersion.run({
          tenant,
          service_id: version.serviceId,
          version: version.version,
          definition: JSON.stringify(version.definition),
          published_at: version.publishedAt,
          note: version.note ?? null,
          published_by: version.publishedBy ?? null,
        });
      }),
    getServiceVersion: (tenant, serviceId, version) =>
      run(() => {
        // The definition (kilobytes of JSON) is read and parsed only on a version's first use (issue 8).
        const meta = (version === undefined ? sql.getLatestVersionMeta.get(tenant, serviceId) : sql.getVersionMeta.get(tenant, serviceId, version)) as
          | VersionMeta
          | undefined;
        if (meta === undefined) return null;
        return toServiceVersion(meta, () => (sql.getVersion.get(tenant, serviceId, meta.version) as VersionRow).definition);
      }),
    listLatestServiceVersions: (tenant) => run(() => (sql.listLatestVersions.all(tenant) as VersionRow[]).map((row) => toServiceVersion(row, () => row.definition))),
    listServiceVersionNumbers: (tenant, serviceId) =>
      run(() => (sql.listVersionNumbers.all(tenant, serviceId) as { version: number }[]).map((r) => r.version)),

    putAdoption: (tenant, adoption) =>
      run(() => {
        sql.putAdoption.run({
          tenant,
          owner: adoption.owner,
          service_id: adoption.serviceId,
          track: JSON.stringify(adoption.track),
          overrides: JSON.stringify(adoption.overrides),
          adopted_at: adoption.adoptedAt,
        });
      }),
    listAdoptions: (tenant) => run(() => (sql.listAdoptions.all(tenant) as AdoptionRow[]).map(toAdoption)),
    getAdoption: (tenant, owner, serviceId) =>
      run(() => optional(sql.getAdoption.get(tenant, owner, serviceId) as AdoptionRow | undefined, toAdoption)),

    putQueue: (tenant, queue) =>
      run(() => {
        sql.putQueue.run({ tenant, id: queue.id, name: JSON.stringify(queue.name), delivery: JSON.stringify(queue.delivery) });
      }),
    getQueue: (tenant, queueId) => run(() => optional(sql.getQueue.get(tenant, queueId) as QueueRow | undefined, toQueue)),
    listQueues: (tenant) =>
      run(() => {
        const counts = new Map<string, Record<QueueItemStatus, number>>();
        for (const row of sql.countQueueItems.all(tenant) as { queue: string; status: QueueItemStatus; n: number }[]) {
          const entry = counts.get(row.queue) ?? emptyCounts();
          entry[row.status] = row.n;
          counts.set(row.queue, entry);
        }
        return (sql.listQueues.all(tenant) as QueueRow[]).map(
          (row): QueueWithCounts => ({ ...toQueue(row), counts: counts.get(row.id) ?? emptyCounts() }),
        );
      }),

    acceptSubmission: (tenant, submission, idempotency) =>
      grouped.commit((): AcceptResult => {
        if (idempotency) {
          const claimed = sql.getIdempotency.get(tenant, idempotency.key) as IdempotencyRow | undefined;
          if (claimed) return replay(tenant, claimed, idempotency);
        }
        const { attachmentIds = [], outbox = [], ...stored } = submission;
        sql.insertSubmission.run(submissionParams(tenant, stored));
        attachments.link(tenant, stored.id, attachmentIds);
        cases.open(tenant, stored);
        delivery.enqueue(tenant, outbox);
        if (idempotency) {
          sql.insertIdempotency.run({ tenant, key: idempotency.key, fingerprint: idempotency.fingerprint, submission_id: submission.id });
        }
        return { submission: { ...stored, tenant }, replayed: false };
      }),
    findIdempotentSubmission: (tenant, idempotency) =>
      run(() => {
        const claimed = sql.getIdempotency.get(tenant, idempotency.key) as IdempotencyRow | undefined;
        return claimed ? replay(tenant, claimed, idempotency).submission : null;
      }),
    getSubmission: (tenant, id) =>
      run(() => optional(sql.getSubmission.get(tenant, id) as SubmissionRow | undefined, toSubmission)),

    listQueueItems: (tenant, queueId, options = {}) =>
      run(() => {
        const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
        const rows = (
          options.status === undefined
            ? sql.listQueueItems.all(tenant, queueId, limit)
            : sql.listQueueItemsByStatus.all(tenant, queueId, options.status, limit)
        ) as SubmissionRow[];
        return rows.map(toQueueItem);
      }),
    leaseQueueItem: (tenant, queueId, { now, leaseMs }) =>
      commit((): Lease | null => {
        const leaseId = randomUUID();
        const leaseUntil = Math.round(now.getTime() + leaseMs);
        const row = sql.lease.get({ tenant, queue: queueId, now: now.getTime(), lease_id: leaseId, lease_until: leaseUntil }) as
          | SubmissionRow
          | undefined;
        return row ? { item: toQueueItem(row), leaseId, leaseUntil: new Date(leaseUntil).toISOString() } : null;
      }),
    ackQueueItem: (tenant, queueId, itemId, leaseId, now) =>
      commit((): QueueItem => {
        const acked = sql.ack.get({ tenant, queue: queueId, id: itemId, lease_id: leaseId, now: now.getTime() }) as
          | SubmissionRow
          | undefined;
        if (acked) return toQueueItem(acked);
        const row = sql.getQueueItem.get(tenant, queueId, itemId) as SubmissionRow | undefined;
        if (!row) throw new NotFoundError('queue-item-not-found', `No item ${itemId} in queue ${queueId}`);
        // A retried ack of the same lease (the first answer was lost) gets the same answer.
        if (row.status === 'acked' && row.lease_id === leaseId) return toQueueItem(row);
        throw new ConflictError('lease-mismatch', 'The lease is not the current one or has expired');
      }),

    putStaffUser: (user) =>
      run(() => {
        sql.putStaffUser.run({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          tenant_roles: JSON.stringify(user.tenantRoles),
          disabled: user.disabled ? 1 : 0,
          demo: user.demo ? 1 : 0,
          queues: JSON.stringify(user.queues ?? {}),
          platform_admin: user.platformAdmin === true ? 1 : 0,
          email: user.email ?? null,
        });
      }),
    getStaffUser: (id) => run(() => optional(sql.getStaffUser.get(id) as StaffRow | undefined, toStaffUser)),
    findStaffUserByUsername: (username) =>
      run(() => optional(sql.findStaffUserByUsername.get(username) as StaffRow | undefined, toStaffUser)),
    hasDemoCredentials: () => run(() => sql.hasDemoCredentials.get() !== undefined),
    putApiKey: (tenant, key) =>
      run(() => {
        sql.putApiKey.run({
          tenant,
          id: key.id,
          label: key.label,
          hash: key.hash,
          created_at: key.createdAt,
          demo: key.demo ? 1 : 0,
          prefix: key.prefix ?? null,
          queues: key.queues === undefined ? null : JSON.stringify(key.queues),
          last_used_at: key.lastUsedAt ?? null,
        });
      }),
    findApiKeyByHash: (tenant, hash) =>
      run(() => optional(sql.findApiKeyByHash.get(tenant, hash) as ApiKeyRow | undefined, toApiKey)),

    getSession: (sid, now) =>
      run((): SessionRecord | null => {
        const row = sql.getSession.get(sid) as SessionRow | undefined;
        if (!row || row.expires_at <= now.getTime()) return null;
        return { data: JSON.parse(row.data) as Json, expiresAt: new Date(row.expires_at).toISOString() };
      }),
    // A citizen's kept receipt is saved right after each submission: grouped too, so a submit costs no fsync of its own.
    setSession: (sid, session) =>
      grouped.commit(() => {
        // Expired sessions are dropped by wall-clock time, as MongoDB's TTL index does.
        sql.purgeSessions.run(Date.now());
        const expiresAt = Date.parse(session.expiresAt);
        if (Number.isNaN(expiresAt)) throw new TypeError(`Session expiresAt is not a time: ${session.expiresAt}`);
        sql.putSession.run({ sid, data: JSON.stringify(session.data), expires_at: expiresAt });
      }),
    destroySession: (sid) =>
      run(() => {
        sql.destroySession.run(sid);
      }),

    ...attachments.methods,
    ...lifecycle,
    ...staffAdmin,
    getQueueItem: (tenant, queueId, itemId) =>
      run(() => optional(sql.getQueueItem.get(tenant, queueId, itemId) as SubmissionRow | undefined, toQueueItem)),
    ...sqliteAdoptionUpkeep(db, run, commit),
    ...cases.methods,
    ...delivery.methods,
  };

  function replay(tenant: string, claimed: IdempotencyRow, idempotency: IdempotencyClaim): AcceptResult {
    if (claimed.fingerprint !== idempotency.fingerprint) {
      throw new ConflictError('idempotency-key-reused', 'The idempotency key was used with another request');
    }
    const first = sql.getSubmission.get(tenant, claimed.submission_id) as SubmissionRow;
    return { submission: toSubmission(first), replayed: true };
  }

  return store;
}

function prepareStatements(db: Database.Database) {
  return {
    listTenants: db.prepare('SELECT * FROM tenants ORDER BY id'),
    getTenant: db.prepare('SELECT * FROM tenants WHERE id = ?'),
    putTenant: db.prepare(
      `INSERT INTO tenants (id, name, kind, member_of) VALUES (@id, @name, @kind, @member_of)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, member_of = excluded.member_of`,
    ),

    insertVersion: db.prepare(
      `INSERT INTO service_versions (tenant, service_id, version, definition, published_at, note, published_by)
       VALUES (@tenant, @service_id, @version, @definition, @published_at, @note, @published_by)`,
    ),
    getVersion: db.prepare('SELECT * FROM service_versions WHERE tenant = ? AND service_id = ? AND version = ?'),
    getVersionMeta: db.prepare(
      'SELECT tenant, service_id, version, published_at, note, published_by FROM service_versions WHERE tenant = ? AND service_id = ? AND version = ?',
    ),
    getLatestVersionMeta: db.prepare(
      'SELECT tenant, service_id, version, published_at, note, published_by FROM service_versions WHERE tenant = ? AND service_id = ? ORDER BY version DESC LIMIT 1',
    ),
    getLatestVersion: db.prepare(
      'SELECT * FROM service_versions WHERE tenant = ? AND service_id = ? ORDER BY version DESC LIMIT 1',
    ),
    // SQLite returns the row holding the max() for bare columns of an aggregate query.
    listLatestVersions: db.prepare(
      `SELECT tenant, service_id, max(version) AS version, definition, published_at, note, published_by
       FROM service_versions WHERE tenant = ? GROUP BY service_id ORDER BY service_id`,
    ),
    listVersionNumbers: db.prepare(
      'SELECT version FROM service_versions WHERE tenant = ? AND service_id = ? ORDER BY version',
    ),

    putAdoption: db.prepare(
      `INSERT INTO adoptions (tenant, owner, service_id, track, overrides, adopted_at)
       VALUES (@tenant, @owner, @service_id, @track, @overrides, @adopted_at)
       ON CONFLICT (tenant, owner, service_id) DO UPDATE SET
         track = excluded.track, overrides = excluded.overrides, adopted_at = excluded.adopted_at`,
    ),
    listAdoptions: db.prepare('SELECT * FROM adoptions WHERE tenant = ? ORDER BY owner, service_id'),
    getAdoption: db.prepare('SELECT * FROM adoptions WHERE tenant = ? AND owner = ? AND service_id = ?'),

    putQueue: db.prepare(
      `INSERT INTO queues (tenant, id, name, delivery) VALUES (@tenant, @id, @name, @delivery)
       ON CONFLICT (tenant, id) DO UPDATE SET name = excluded.name, delivery = excluded.delivery`,
    ),
    getQueue: db.prepare('SELECT * FROM queues WHERE tenant = ? AND id = ?'),
    listQueues: db.prepare('SELECT * FROM queues WHERE tenant = ? ORDER BY id'),
    countQueueItems: db.prepare(
      'SELECT queue, status, count(*) AS n FROM submissions WHERE tenant = ? GROUP BY queue, status',
    ),

    insertSubmission: db.prepare(
      `INSERT INTO submissions (tenant, id, reference, service_owner, service_id, version, received_at, queue, locale, data, status, attempts, retain_until_ms)
       VALUES (@tenant, @id, @reference, @service_owner, @service_id, @version, @received_at, @queue, @locale, @data, 'pending', 0, @retain_until_ms)`,
    ),
    getSubmission: db.prepare('SELECT * FROM submissions WHERE tenant = ? AND id = ?'),
    getIdempotency: db.prepare('SELECT fingerprint, submission_id FROM idempotency_keys WHERE tenant = ? AND key = ?'),
    insertIdempotency: db.prepare(
      `INSERT INTO idempotency_keys (tenant, key, fingerprint, submission_id)
       VALUES (@tenant, @key, @fingerprint, @submission_id)`,
    ),

    listQueueItems: db.prepare(
      'SELECT * FROM submissions WHERE tenant = ? AND queue = ? ORDER BY received_at, rowid LIMIT ?',
    ),
    listQueueItemsByStatus: db.prepare(
      'SELECT * FROM submissions WHERE tenant = ? AND queue = ? AND status = ? ORDER BY received_at, rowid LIMIT ?',
    ),
    getQueueItem: db.prepare('SELECT * FROM submissions WHERE tenant = ? AND queue = ? AND id = ?'),
    // One statement picks and takes the item, so two leases can never hand out the same one.
    // The oldest pending and the oldest expired lease are each found by their own index range
    // (acked items pile up at the old end of a queue and must not be walked).
    lease: db.prepare(
      `UPDATE submissions
       SET status = 'leased', attempts = attempts + 1, lease_id = @lease_id, lease_until = @lease_until,
         not_before = NULL, first_attempt_at = coalesce(first_attempt_at, @now)
       WHERE tenant = @tenant AND id = (
         SELECT id FROM (
           SELECT * FROM (
             SELECT id, received_at, rowid AS seq FROM submissions
             WHERE tenant = @tenant AND queue = @queue AND status = 'pending' AND (not_before IS NULL OR not_before <= @now)
             ORDER BY received_at, rowid LIMIT 1)
           UNION ALL
           SELECT * FROM (
             SELECT id, received_at, rowid AS seq FROM submissions
             WHERE tenant = @tenant AND queue = @queue AND status = 'leased' AND lease_until <= @now
             ORDER BY received_at, rowid LIMIT 1)
         ) ORDER BY received_at, seq LIMIT 1)
       RETURNING *`,
    ),
    ack: db.prepare(
      `UPDATE submissions SET status = 'acked'
       WHERE tenant = @tenant AND queue = @queue AND id = @id
         AND status = 'leased' AND lease_id = @lease_id AND lease_until > @now
       RETURNING *`,
    ),

    putStaffUser: db.prepare(
      // Not INSERT OR REPLACE: that would silently delete another user holding the username.
      `INSERT INTO staff_users (id, username, display_name, password_hash, tenant_roles, disabled, demo, email, queues, platform_admin)
       VALUES (@id, @username, @display_name, @password_hash, @tenant_roles, @disabled, @demo, @email, @queues, @platform_admin)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
         password_hash = excluded.password_hash, tenant_roles = excluded.tenant_roles,
         disabled = excluded.disabled, demo = excluded.demo, email = excluded.email, queues = excluded.queues,
         platform_admin = excluded.platform_admin`,
    ),
    getStaffUser: db.prepare('SELECT * FROM staff_users WHERE id = ?'),
    findStaffUserByUsername: db.prepare('SELECT * FROM staff_users WHERE username = ?'),
    hasDemoCredentials: db.prepare(
      'SELECT 1 FROM staff_users WHERE demo = 1 UNION ALL SELECT 1 FROM api_keys WHERE demo = 1 LIMIT 1',
    ),
    putApiKey: db.prepare(
      `INSERT INTO api_keys (tenant, id, label, hash, created_at, demo, prefix, queues, last_used_at)
       VALUES (@tenant, @id, @label, @hash, @created_at, @demo, @prefix, @queues, @last_used_at)
       ON CONFLICT (tenant, id) DO UPDATE SET label = excluded.label, hash = excluded.hash,
         created_at = excluded.created_at, demo = excluded.demo, prefix = excluded.prefix,
         queues = excluded.queues, last_used_at = excluded.last_used_at`,
    ),
    findApiKeyByHash: db.prepare('SELECT * FROM api_keys WHERE tenant = ? AND hash = ?'),

    getSession: db.prepare('SELECT data, expires_at FROM sessions WHERE sid = ?'),
    putSession: db.prepare(
      `INSERT INTO sessions (sid, data, expires_at) VALUES (@sid, @data, @expires_at)
       ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
    ),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    destroySession: db.prepare('DELETE FROM sessions WHERE sid = ?'),
  };
}

function submissionParams(tenant: string, s: NewSubmission) {
  return {
    tenant,
    id: s.id,
    reference: s.reference,
    service_owner: s.serviceOwner,
    service_id: s.serviceId,
    version: s.version,
    received_at: s.receivedAt,
    queue: s.queue,
    locale: s.locale,
    data: JSON.stringify(s.data),
    retain_until_ms: retainUntilMs(s.retainUntil),
  };
}

function retainUntilMs(retainUntil: string | undefined): number | null {
  if (retainUntil === undefined) return null;
  const ms = Date.parse(retainUntil);
  if (Number.isNaN(ms)) throw new TypeError(`Submission retainUntil is not a time: ${retainUntil}`);
  return ms;
}

function optional<R, T>(row: R | undefined, map: (row: R) => T): T | null {
  return row === undefined ? null : map(row);
}

function emptyCounts(): Record<QueueItemStatus, number> {
  return { pending: 0, leased: 0, acked: 0, dead: 0 };
}

function toTenant(row: TenantRow): Tenant {
  return { id: row.id, name: row.name, kind: row.kind, memberOf: JSON.parse(row.member_of) as string[] };
}


function toAdoption(row: AdoptionRow): Adoption {
  return {
    owner: row.owner,
    serviceId: row.service_id,
    track: JSON.parse(row.track) as Adoption['track'],
    overrides: JSON.parse(row.overrides) as Json,
    adoptedAt: row.adopted_at,
  };
}

function toQueue(row: QueueRow): Queue {
  return { id: row.id, name: JSON.parse(row.name) as Queue['name'], delivery: JSON.parse(row.delivery) as Delivery };
}

// Issue 7: the optional delivery state of an item, present only when set.
function deliveryFields(row: SubmissionRow): Pick<QueueItem, 'notBefore' | 'lastError' | 'firstAttemptAt'> {
  return {
    ...(row.not_before === null ? {} : { notBefore: new Date(row.not_before).toISOString() }),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(row.first_attempt_at === null ? {} : { firstAttemptAt: new Date(row.first_attempt_at).toISOString() }),
  };
}
