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

/** How a staff SSO login ended, as the callback knows it. */
export type SsoOutcome =
  | { ok: true; user: { id: string; username: string } }
  | { ok: false; reason: string; username?: string };

/**
 * Record a staff SSO login (issue 6) in the log of the tenant it was for: a success as `login`,
 * a refusal or a failed exchange with the provider as `login-failed`, naming the provider's
 * username (scrubbed of any personnummer) when there was one.
 */
export async function recordSsoLogin(deps: ServiceDeps, tenant: string, outcome: SsoOutcome): Promise<void> {
  if (outcome.ok) {
    await deps.audit(tenant, { kind: 'staff', userId: outcome.user.id, username: outcome.user.username } satisfies AuditActor, { kind: 'login', detail: { method: 'sso' } });
    return;
  }
  const actor: AuditActor = outcome.username === undefined ? { kind: 'anonymous' } : { kind: 'anonymous', username: outcome.username };
  await deps.audit(tenant, actor, { kind: 'login-failed', detail: { method: 'sso', reason: outcome.reason } });
}
