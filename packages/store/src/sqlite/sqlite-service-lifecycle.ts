import type Database from 'better-sqlite3';
import type { ServiceDefinition } from '@samform/model';
import { ConflictError, NotFoundError } from '@samform/model';
import type { ServiceDraft, ServiceLifecycleMethods, ServiceStatus, ServiceVersionInfo } from '../port.ts';
import { checkDraftId } from '../check-draft-id.ts';

interface DraftRow { service_id: string; definition: string; updated_at: string; updated_by: string }
interface VersionInfoRow { version: number; published_at: string; note: string | null; published_by: string | null }
interface StatusRow { service_id: string; latest_version: number; retired_at: string | null }


/** The SQLite adapter's drafts, version list and retirement of e-services. */
export function sqliteServiceLifecycle(
  db: Database.Database,
  run: <T>(work: () => T) => Promise<T>,
  commit: <T>(work: () => T) => Promise<T>,
): ServiceLifecycleMethods {
  const sql = {
    putDraft: db.prepare(
      `INSERT INTO service_drafts (tenant, service_id, definition, updated_at, updated_by)
       VALUES (@tenant, @service_id, @definition, @updated_at, @updated_by)
       ON CONFLICT (tenant, service_id) DO UPDATE SET
         definition = excluded.definition, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
    insertDraft: db.prepare(
      `INSERT INTO service_drafts (tenant, service_id, definition, updated_at, updated_by)
       VALUES (@tenant, @service_id, @definition, @updated_at, @updated_by)
       ON CONFLICT (tenant, service_id) DO NOTHING`,
    ),
    getDraft: db.prepare('SELECT * FROM service_drafts WHERE tenant = ? AND service_id = ?'),
    listDrafts: db.prepare('SELECT * FROM service_drafts WHERE tenant = ? ORDER BY service_id'),
    deleteDraft: db.prepare('DELETE FROM service_drafts WHERE tenant = ? AND service_id = ?'),
    listVersions: db.prepare(
      'SELECT version, published_at, note, published_by FROM service_versions WHERE tenant = ? AND service_id = ? ORDER BY version',
    ),
    retire: db.prepare(
      `INSERT INTO service_retirements (tenant, service_id, retired_at) VALUES (?, ?, ?)
       ON CONFLICT (tenant, service_id) DO NOTHING`,
    ),
    offer: db.prepare('DELETE FROM service_retirements WHERE tenant = ? AND service_id = ?'),
    status: db.prepare(
      `SELECT v.service_id, max(v.version) AS latest_version, r.retired_at
       FROM service_versions v LEFT JOIN service_retirements r ON r.tenant = v.tenant AND r.service_id = v.service_id
       WHERE v.tenant = ? AND v.service_id = ? GROUP BY v.service_id`,
    ),
    statuses: db.prepare(
      `SELECT v.service_id, max(v.version) AS latest_version, r.retired_at
       FROM service_versions v LEFT JOIN service_retirements r ON r.tenant = v.tenant AND r.service_id = v.service_id
       WHERE v.tenant = ? GROUP BY v.service_id ORDER BY v.service_id`,
    ),
  };

  return {
    putServiceDraft: (tenant, serviceId, draft, options = {}) =>
      run(() => {
        checkDraftId(serviceId, draft.definition);
        const params = {
          tenant,
          service_id: serviceId,
          definition: JSON.stringify(draft.definition),
          updated_at: draft.updatedAt,
          updated_by: draft.updatedBy,
        };
        if (!options.onlyIfAbsent) {
          sql.putDraft.run(params);
          return;
        }
        if (sql.insertDraft.run(params).changes === 0) throw new ConflictError('draft-exists', `There is a draft of ${serviceId} already`);
      }),
    getServiceDraft: (tenant, serviceId) =>
      run(() => {
        const row = sql.getDraft.get(tenant, serviceId) as DraftRow | undefined;
        return row === undefined ? null : toDraft(row);
      }),
    listServiceDrafts: (tenant) => run(() => (sql.listDrafts.all(tenant) as DraftRow[]).map(toDraft)),
    deleteServiceDraft: (tenant, serviceId) => run(() => sql.deleteDraft.run(tenant, serviceId).changes > 0),

    listServiceVersions: (tenant, serviceId) => run(() => (sql.listVersions.all(tenant, serviceId) as VersionInfoRow[]).map(toVersionInfo)),

    setServiceRetired: (tenant, serviceId, retired, at) =>
      commit(() => {
        if (sql.status.get(tenant, serviceId) === undefined) {
          throw new NotFoundError('service-not-found', `${tenant} has published no e-service ${serviceId}`);
        }
        if (retired) sql.retire.run(tenant, serviceId, at);
        else sql.offer.run(tenant, serviceId);
      }),
    getServiceStatus: (tenant, serviceId) =>
      run(() => {
        const row = sql.status.get(tenant, serviceId) as StatusRow | undefined;
        return row === undefined ? null : toStatus(row);
      }),
    listServiceStatuses: (tenant) => run(() => (sql.statuses.all(tenant) as StatusRow[]).map(toStatus)),
  };
}

function toDraft(row: DraftRow): ServiceDraft {
  return {
    serviceId: row.service_id,
    definition: JSON.parse(row.definition) as ServiceDefinition,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toVersionInfo(row: VersionInfoRow): ServiceVersionInfo {
  const info: ServiceVersionInfo = { version: row.version, publishedAt: row.published_at };
  if (row.note !== null) info.note = row.note;
  if (row.published_by !== null) info.publishedBy = row.published_by;
  return info;
}

function toStatus(row: StatusRow): ServiceStatus {
  return { serviceId: row.service_id, latestVersion: row.latest_version, retired: row.retired_at !== null, retiredAt: row.retired_at };
}
