import type { AdoptionOverrides, ServiceVersion } from '@samform/model';
import type { Tenant } from '@samform/store';
import type { ServiceDeps } from './service-deps.ts';

/** Days a delivered case is kept on the platform when nothing else is decided (ADR 0013). */
export const DEFAULT_RETENTION_DAYS = 365;
/** How often the server weeds (an hour): retention is counted in days, so an hour late is nothing. */
export const RETENTION_SWEEP_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a submission received `at` may be weeded once delivered: after the retention days of the
 * adoption it was filed through (`overrides.retentionDays`), else after DEFAULT_RETENTION_DAYS.
 */
export async function retainUntil(deps: ServiceDeps, tenant: Tenant, version: ServiceVersion, at: Date): Promise<string> {
  let days = DEFAULT_RETENTION_DAYS;
  if (version.owner !== tenant.id) {
    const adoption = await deps.store.getAdoption(tenant.id, version.owner, version.serviceId);
    const own = (adoption?.overrides as AdoptionOverrides | undefined)?.retentionDays;
    if (typeof own === 'number' && Number.isSafeInteger(own) && own >= 1) days = own;
  }
  return new Date(at.getTime() + days * DAY_MS).toISOString();
}

/**
 * Weed every tenant's delivered (acked) submissions whose retention has run out, with their
 * files; cases still waiting in a queue (pending, leased, dead) are never touched. The server
 * runs it every RETENTION_SWEEP_MS; tests call it with their clock. The number weeded per tenant.
 */
// No request and no person is behind a sweep, so it needs no audit trail: it logs what it weeded.
export async function sweepExpiredSubmissions(deps: Omit<ServiceDeps, 'audit'>): Promise<Record<string, number>> {
  const now = deps.clock();
  const weeded: Record<string, number> = {};
  for (const tenant of await deps.store.listTenants()) {
    if (tenant.kind !== 'municipality') continue;
    let total = 0;
    // In batches, so one sweep never holds the write lock long.
    for (let batch = await deps.store.deleteExpiredSubmissions(tenant.id, now); batch > 0; batch = await deps.store.deleteExpiredSubmissions(tenant.id, now)) total += batch;
    if (total > 0) {
      weeded[tenant.id] = total;
      deps.log.info({ audit: 'submissions-weeded', tenant: tenant.id, count: total }, 'delivered submissions past their retention weeded');
    }
  }
  return weeded;
}
