import { PLATFORM_LOG } from '@samform/store';
import type { AuditActor } from '@samform/store';
import type { ServiceDeps } from './service-deps.ts';

/** The audit logs an account's events belong in: each of its tenants, and the platform's for a platform admin. */
function logsOf(account: { tenantRoles: { [tenant: string]: unknown }; queues?: { [tenant: string]: unknown }; platformAdmin?: boolean }): string[] {
  const logs = new Set([...Object.keys(account.tenantRoles), ...Object.keys(account.queues ?? {})]);
  if (account.platformAdmin === true || logs.size === 0) logs.add(PLATFORM_LOG);
  return [...logs].sort();
}

/**
 * Record a sign-in attempt. A known account's attempts (right or wrong password) go to the logs
 * of its tenants; an unknown username's to the platform log, scrubbed of any personnummer
 * typed into it.
 */
export async function recordLogin(deps: ServiceDeps, username: string, signedIn: { id: string; username: string } | null): Promise<void> {
  const account = await deps.store.findStaffUserByUsername(username.slice(0, 200));
  if (account === null) {
    await deps.audit(PLATFORM_LOG, { kind: 'anonymous', username } satisfies AuditActor, { kind: 'login-failed', detail: { reason: 'unknown-username' } });
    return;
  }
  const actor: AuditActor = { kind: 'staff', userId: account.id, username: account.username };
  const event = signedIn !== null ? { kind: 'login' } : { kind: 'login-failed', detail: { reason: account.disabled ? 'disabled' : 'wrong-password' } };
  for (const log of logsOf(account)) await deps.audit(log, actor, event);
}
