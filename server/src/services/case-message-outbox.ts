import { workflowOf } from '@samform/model';
import type { CaseEventInput, CaseRecord, OutboxMessage, Tenant } from '@samform/store';
import { citizenMessageEmail } from '../delivery/citizen-message-email.ts';
import { versionAsServed } from './catalog-service.ts';
import { statusPath } from './case-status-service.ts';
import type { ServiceDeps } from './service-deps.ts';

/**
 * The e-mail a case event sends the citizen: a message, or a move that carries one, when the
 * answers hold an e-mail address. Empty otherwise (notes, claims, a move without a message).
 * `origin` is where the citizen reaches Samform (`https://e.kommun.se`), for the status link.
 */
export async function caseMessageOutbox(
  deps: ServiceDeps,
  tenant: Tenant,
  found: CaseRecord,
  event: CaseEventInput,
  at: string,
  origin: string,
): Promise<OutboxMessage[]> {
  const message = event.kind === 'message' ? event.text : event.kind === 'status' ? event.message : undefined;
  if (message === undefined) return [];
  const version = await versionAsServed(deps, tenant, found.serviceOwner, found.serviceId, found.version);
  if (version === null) return [];
  const movedTo = event.kind === 'status' ? workflowOf(version.definition).find((stop) => stop.id === event.to)?.title ?? { sv: event.to } : undefined;
  const mail = citizenMessageEmail({
    definition: version.definition,
    caseId: found.id,
    reference: found.reference,
    locale: found.locale,
    municipality: tenant.name,
    data: found.data,
    message,
    ...(movedTo === undefined ? {} : { movedTo }),
    statusUrl: `${origin}${statusPath(tenant.id, found.case.statusToken)}`,
    at,
  });
  return mail === null ? [] : [mail];
}
