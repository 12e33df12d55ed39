import type Database from 'better-sqlite3';
import type { JsonValue } from '@samform/model';
import type { ApiKey, AuditEntry, AuditActor, StaffAdminMethods, StaffUser } from '../port.ts';

/** A row of `staff_users`. */
export interface StaffRow {
  id: string; username: string; display_name: string; password_hash: string; tenant_roles: string; disabled: number; demo: number;
  email: string | null; queues: string; platform_admin: number;
}
/** A row of `api_keys`. */
export interface ApiKeyRow {
  id: string; label: string; hash: string; created_at: string; demo: number; prefix: string | null; queues: string | null; last_used_at: string | null;
}
interface AuditRow { seq: number; at: string; kind: string; actor: string; target: string | null; detail: string | null; ip: string | null }

const DEFAULT_AUDIT_LIMIT = 50;
const MAX_AUDIT_LIMIT = 500;

/** The SQLite adapter's staff and key administration and audit log. */
export function sqliteStaffAdmin(db: Database.Database, run: <T>(work: () => T) => Promise<T>): StaffAdminMethods {
  const sql = {
    // A user belongs to a tenant by a role there or a queue there; json_each walks the map's keys.
    listStaff: db.prepare(
      `SELECT * FROM staff_users u
       WHERE EXISTS (SELECT 1 FROM json_each(u.tenant_roles) WHERE key = @tenant)
          OR EXISTS (SELECT 1 FROM json_each(u.queues) WHERE key = @tenant)
       ORDER BY username`,
    ),
    listPlatformAdmins: db.prepare('SELECT * FROM staff_users WHERE platform_admin = 1 ORDER BY username'),
    listKeys: db.prepare('SELECT * FROM api_keys WHERE tenant = ? ORDER BY created_at, id'),
    getKey: db.prepare('SELECT * FROM api_keys WHERE tenant = ? AND id = ?'),
    deleteKey: db.prepare('DELETE FROM api_keys WHERE tenant = ? AND id = ?'),
    touchKey: db.prepare('UPDATE api_keys SET last_used_at = ? WHERE tenant = ? AND id = ?'),
    append: db.prepare(
      `INSERT INTO audit_log (tenant, at, kind, actor, target, detail, ip)
       VALUES (@tenant, @at, @kind, @actor, @target, @detail, @ip) RETURNING seq`,
    ),
    list: db.prepare(
      `SELECT * FROM audit_log
       WHERE tenant = @tenant AND (@kind IS NULL OR kind = @kind) AND (@before IS NULL OR seq < @before)
       ORDER BY seq DESC LIMIT @limit`,
    ),
  };

  return {
    listStaffUsers: (tenant) => run(() => (sql.listStaff.all({ tenant }) as StaffRow[]).map(toStaffUser)),
    listPlatformAdmins: () => run(() => (sql.listPlatformAdmins.all() as StaffRow[]).map(toStaffUser)),
    listApiKeys: (tenant) => run(() => (sql.listKeys.all(tenant) as ApiKeyRow[]).map(toApiKey)),
    getApiKey: (tenant, id) =>
      run(() => {
        const row = sql.getKey.get(tenant, id) as ApiKeyRow | undefined;
        return row === undefined ? null : toApiKey(row);
      }),
    deleteApiKey: (tenant, id) => run(() => sql.deleteKey.run(tenant, id).changes > 0),
    touchApiKey: (tenant, id, at) =>
      run(() => {
        sql.touchKey.run(at, tenant, id);
      }),
    appendAudit: (tenant, entry) =>
      run((): AuditEntry => {
        const { seq } = sql.append.get({
          tenant,
          at: entry.at,
          kind: entry.kind,
          actor: JSON.stringify(entry.actor),
          target: entry.target ?? null,
          detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
          ip: entry.ip ?? null,
        }) as { seq: number };
        return { ...entry, id: String(seq) };
      }),
    listAudit: (tenant, query = {}) =>
      run(() => {
        // A cursor that is not one of ours finds nothing older rather than everything.
        const before = query.before === undefined ? null : /^\d{1,15}$/.test(query.before) ? Number(query.before) : 0;
        const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? DEFAULT_AUDIT_LIMIT)), MAX_AUDIT_LIMIT);
        const rows = sql.list.all({ tenant, kind: query.kind ?? null, before, limit }) as AuditRow[];
        return rows.map(toAuditEntry);
      }),
  };
}

/** A stored staff user from its row. */
export function toStaffUser(row: StaffRow): StaffUser {
  const queues = JSON.parse(row.queues) as NonNullable<StaffUser['queues']>;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    tenantRoles: JSON.parse(row.tenant_roles) as StaffUser['tenantRoles'],
    disabled: row.disabled === 1,
    demo: row.demo === 1,
    ...(row.email === null ? {} : { email: row.email }),
    ...(Object.keys(queues).length === 0 ? {} : { queues }),
    ...(row.platform_admin === 1 ? { platformAdmin: true } : {}),
  };
}

/** A stored API key from its row. */
export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    label: row.label,
    hash: row.hash,
    createdAt: row.created_at,
    demo: row.demo === 1,
    ...(row.prefix === null ? {} : { prefix: row.prefix }),
    ...(row.queues === null ? {} : { queues: JSON.parse(row.queues) as string[] }),
    ...(row.last_used_at === null ? {} : { lastUsedAt: row.last_used_at }),
  };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.seq),
    at: row.at,
    kind: row.kind,
    actor: JSON.parse(row.actor) as AuditActor,
    ...(row.target === null ? {} : { target: row.target }),
    ...(row.detail === null ? {} : { detail: JSON.parse(row.detail) as { [key: string]: JsonValue } }),
    ...(row.ip === null ? {} : { ip: row.ip }),
  };
}
