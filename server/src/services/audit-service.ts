import type { JsonValue } from '@samform/model';
import { AppError } from '@samform/model';
import type { AuditActor, AuditEntry, Store, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/permissions.ts';
import { scrubDeep, scrubPersonnummer } from '../http/scrub-personnummer.ts';
import { truncateIp } from '../http/truncate-ip.ts';
import type { ServiceDeps } from './service-deps.ts';

/** What happened, as a use case reports it to the audit log. */
export interface AuditEvent {
  kind: string;
  target?: string;
  detail?: { [key: string]: JsonValue };
}

/** Appends to a tenant's audit log on behalf of one request (its address and clock). */
export type AuditTrail = (tenant: string, actor: Actor | AuditActor, event: AuditEvent) => Promise<void>;

/** The audit actor of a request's actor: ids and the username, never more. */
export function auditActorOf(actor: Actor | AuditActor): AuditActor {
  switch (actor.kind) {
    case 'staff':
      return { kind: 'staff', userId: actor.userId, username: actor.username };
    case 'api-key':
      return { kind: 'api-key', keyId: actor.keyId, tenant: actor.tenant };
    case 'anonymous':
      // A person may type their personnummer as a username; it must not land in the log.
      return 'username' in actor && actor.username !== undefined ? { kind: 'anonymous', username: scrubPersonnummer(actor.username.slice(0, 200)) } : { kind: 'anonymous' };
  }
}

/** The audit trail of one request: entries get its time and its truncated address, and are scrubbed of personnummer. */
export function createAuditTrail(store: Store, clock: () => Date, ip: string | undefined): AuditTrail {
  const address = truncateIp(ip);
  return async (tenant, actor, event) => {
    await store.appendAudit(tenant, {
      at: clock().toISOString(),
      kind: event.kind,
      actor: auditActorOf(actor),
      ...(event.target === undefined ? {} : { target: scrubPersonnummer(event.target.slice(0, 300)) }),
      ...(event.detail === undefined ? {} : { detail: scrubDeep(event.detail) as { [key: string]: JsonValue } }),
      ...(address === undefined ? {} : { ip: address }),
    });
  };
}

const KIND = /^[a-z][a-z0-9-]{0,63}$/;

/** A page of the tenant's audit log, newest first; `next` is the cursor of the following page. */
export async function listAuditLog(
  deps: ServiceDeps,
  actor: Actor,
  input: { tenant: Tenant; kind?: string; before?: string; limit?: number },
): Promise<{ entries: AuditEntry[]; next: string | null }> {
  authorize(actor, input.tenant.id, 'audit:read');
  if (input.kind !== undefined && !KIND.test(input.kind)) throw new AppError('invalid-query', 400, 'kind must be an audit kind such as "login".');
  const limit = input.limit ?? 50;
  const entries = await deps.store.listAudit(input.tenant.id, {
    limit,
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(input.before === undefined ? {} : { before: input.before }),
  });
  return { entries, next: entries.length === limit ? (entries.at(-1)?.id ?? null) : null };
}
