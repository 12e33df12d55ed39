import type Database from 'better-sqlite3';
import type { AdoptionUpkeepMethods, DraftCount, LogoType } from '../port.ts';

const DEFAULT_SWEEP_LIMIT = 500;

interface LogoRow { type: LogoType; sha256: string; bytes: Buffer }

/** The adoption-upkeep statements of the SQLite adapter (issue 5): leaving, logos, drafts in flight, retention. */
export function sqliteAdoptionUpkeep(
  db: Database.Database,
  run: <T>(work: () => T) => Promise<T>,
  commit: <T>(work: () => T) => Promise<T>,
): AdoptionUpkeepMethods {
  const sql = {
    deleteAdoption: db.prepare('DELETE FROM adoptions WHERE tenant = ? AND owner = ? AND service_id = ?'),
    deleteLogo: db.prepare('DELETE FROM adoption_logos WHERE tenant = ? AND owner = ? AND service_id = ?'),
    putLogo: db.prepare(
      `INSERT INTO adoption_logos (tenant, owner, service_id, type, sha256, bytes) VALUES (@tenant, @owner, @service_id, @type, @sha256, @bytes)
       ON CONFLICT (tenant, owner, service_id) DO UPDATE SET type = excluded.type, sha256 = excluded.sha256, bytes = excluded.bytes`,
    ),
    getLogo: db.prepare('SELECT type, sha256, bytes FROM adoption_logos WHERE tenant = ? AND owner = ? AND service_id = ?'),
    countWaiting: db.prepare(
      `SELECT count(*) AS n FROM submissions WHERE tenant = ? AND service_owner = ? AND service_id = ? AND status IN ('pending', 'leased', 'dead')`,
    ),
    // Drafts live inside the sessions' JSON; citizen sessions are the only ones with `drafts`.
    countDrafts: db.prepare(
      `SELECT json_extract(d.value, '$.version') AS version, count(*) AS drafts
       FROM sessions AS s, json_each(s.data, '$.drafts') AS d
       WHERE s.expires_at > @now AND json_type(s.data, '$.drafts') = 'object'
         AND json_extract(d.value, '$.owner') = @owner AND json_extract(d.value, '$.serviceId') = @service_id
       GROUP BY version ORDER BY version`,
    ),
    expired: db.prepare(
      // Delivered is not enough: a case still open in the inbox is being worked and stays (issue 7).
      `SELECT id FROM submissions s WHERE tenant = ? AND retain_until_ms IS NOT NULL AND retain_until_ms <= ? AND status = 'acked'
         AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.tenant = s.tenant AND c.submission_id = s.id AND c.closed = 0)
       ORDER BY retain_until_ms LIMIT ?`,
    ),
    deleteAttachments: db.prepare('DELETE FROM attachments WHERE tenant = ? AND submission_id = ?'),
    deleteIdempotency: db.prepare('DELETE FROM idempotency_keys WHERE tenant = ? AND submission_id = ?'),
    // The status is checked again in the same statement, so an item redriven meanwhile stays.
    deleteSubmission: db.prepare(`DELETE FROM submissions WHERE tenant = ? AND id = ? AND status = 'acked'`),
  };

  return {
    deleteAdoption: (tenant, owner, serviceId) =>
      commit(() => {
        sql.deleteLogo.run(tenant, owner, serviceId);
        return sql.deleteAdoption.run(tenant, owner, serviceId).changes > 0;
      }),
    putAdoptionLogo: (tenant, owner, serviceId, logo) =>
      run(() => {
        sql.putLogo.run({ tenant, owner, service_id: serviceId, type: logo.type, sha256: logo.sha256, bytes: Buffer.from(logo.bytes.buffer, logo.bytes.byteOffset, logo.bytes.byteLength) });
      }),
    getAdoptionLogo: (tenant, owner, serviceId) =>
      run(() => {
        const row = sql.getLogo.get(tenant, owner, serviceId) as LogoRow | undefined;
        return row === undefined ? null : { type: row.type, sha256: row.sha256, bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
      }),
    countWaitingSubmissions: (tenant, owner, serviceId) => run(() => (sql.countWaiting.get(tenant, owner, serviceId) as { n: number }).n),
    countCitizenDrafts: (owner, serviceId, now) =>
      run(() =>
        (sql.countDrafts.all({ now: now.getTime(), owner, service_id: serviceId }) as { version: unknown; drafts: number }[])
          .filter((row): row is DraftCount => typeof row.version === 'number' && Number.isSafeInteger(row.version))
          .map((row) => ({ version: row.version, drafts: row.drafts })),
      ),
    deleteExpiredSubmissions: (tenant, now, limit = DEFAULT_SWEEP_LIMIT) =>
      commit(() => {
        let deleted = 0;
        for (const { id } of sql.expired.all(tenant, now.getTime(), Math.max(0, Math.floor(limit))) as { id: string }[]) {
          sql.deleteAttachments.run(tenant, id);
          sql.deleteIdempotency.run(tenant, id);
          deleted += sql.deleteSubmission.run(tenant, id).changes;
        }
        return deleted;
      }),
  };
}
