import { createHash, randomUUID } from 'node:crypto';
import { AppError, ConflictError, NotFoundError, UnprocessableError, localizeIssues, routeSubmission } from '@samform/model';
import type { JsonValue, Receipt } from '@samform/model';
import type { CitizenLogin } from '../auth/citizen-login.ts';
import { requireLoginFor } from './e-id-requirement.ts';
import type { IdempotencyClaim, Submission, Tenant } from '@samform/store';
import type { Actor } from '../auth/actor.ts';
import { checkAttachmentRefs } from './attachment-service.ts';
import { resolveService, versionAsServed } from './catalog-service.ts';
import { citizenReceipt } from '../delivery/email-messages.ts';
import { canonicalJson } from './canonical-json.ts';
import { newReference } from './new-reference.ts';
import { retainUntil } from './retention-sweep.ts';
import type { ServiceDeps } from './service-deps.ts';


/** A submit as the route parsed it. */
export interface SubmitInput {
  tenant: Tenant;
  serviceId: string;
  /** The parsed JSON body, not yet checked. */
  body: unknown;
  idempotencyKey?: string;
  locale: string;
  /** The citizen's e-ID login, if any: required by `identification: "e-id"`, and the source of login fields. */
  citizen?: CitizenLogin | null;
}

const REFERENCE_ATTEMPTS = 5;

const MALFORMED: Record<string, string> = {
  sv: 'Svaren saknas eller har fel form: skicka {"data": {…}} (och eventuellt "version": n).',
  en: 'The answers are missing or malformed: send {"data": {…}} (and optionally "version": n).',
};

function isObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Accept a citizen's answers: validate them with the compiled validator of the version served
 * (or of the published version the body names: a draft stays on its version), route them to a queue, and store submission and queue item in one durable write before the
 * receipt is answered. A repeated Idempotency-Key with the same body gets the first receipt.
 */
export async function submitAnswers(deps: ServiceDeps, _actor: Actor, input: SubmitInput): Promise<Receipt> {
  const { tenant } = input;
  // Shared e-services are filled in at a member municipality, never at the collaboration.
  if (tenant.kind !== 'municipality') throw new NotFoundError('service-not-found', `The e-service "${input.serviceId.slice(0, 64)}" does not exist here.`);
  const offered = (await resolveService(deps, tenant, input.serviceId)).version;

  const body = input.body;
  if (!isObject(body) || !isObject(body.data) || !(body.version === undefined || (Number.isSafeInteger(body.version) && (body.version as number) >= 1))) {
    throw new UnprocessableError('invalid-submission', 'The submission is not valid.', [
      { path: '/data', keyword: 'type', message: MALFORMED[input.locale] ?? MALFORMED.en! },
    ]);
  }
  // A draft stays on the version it was started on (`version`), even when a newer one is served.
  const version =
    body.version === undefined || body.version === offered.version ? offered : await versionAsServed(deps, tenant, offered.owner, offered.serviceId, body.version as number);
  if (version === null) throw new NotFoundError('version-not-found', `The e-service "${input.serviceId.slice(0, 64)}" has no version ${String(body.version)}.`);
  // e-ID (issue 6): a required login is checked, and login fields take the login's values,
  // whatever the body says, before anything is validated or stored.
  const data = requireLoginFor(version.definition, body.data as { [key: string]: JsonValue }, input.citizen ?? null, input.locale);

  const idempotency: IdempotencyClaim | undefined =
    input.idempotencyKey === undefined
      ? undefined
      : { key: input.idempotencyKey, fingerprint: createHash('sha256').update(`${input.serviceId}\n${canonicalJson(body)}`).digest('hex') };
  // A retry is answered with the first receipt before anything else: by now a date rule
  // ("six weeks ahead") or a newer version might refuse answers that were accepted then.
  if (idempotency) {
    const first = await replayOf(deps, tenant.id, idempotency);
    if (first) return receiptOf(first);
  }

  // The time of receipt is the legal one, and date rules ("six weeks ahead") count from it.
  const now = deps.clock();
  const issues = deps.validators.get(version).validate(data, { now });
  if (issues.length > 0) {
    throw new UnprocessableError('invalid-submission', 'The submission is not valid.', localizeIssues(issues, version.definition, input.locale));
  }

  const queue = routeSubmission(version.definition, data);
  if ((await deps.store.getQueue(tenant.id, queue)) === null) {
    throw new AppError('queue-not-configured', 500, `E-service ${version.owner}/${version.serviceId} v${version.version} routes to queue "${queue}", which ${tenant.id} does not have.`);
  }

  // Attachments (issue 4): the files the answers name must be this tenant's unused uploads for
  // this e-service; a twin of an idempotent send that got there first is answered as a replay.
  let attachmentIds: string[];
  try {
    attachmentIds = await checkAttachmentRefs(deps, tenant.id, version, data, input.locale);
  } catch (error) {
    const first = idempotency && error instanceof UnprocessableError ? await replayOf(deps, tenant.id, idempotency) : null;
    if (first) return receiptOf(first);
    throw error;
  }

  // Issue 5: when the delivered case may be weeded, fixed at receipt (ADR 0013).
  const keepUntil = await retainUntil(deps, tenant, version, now);
  for (let attempt = 1; ; attempt++) {
    try {
      const id = randomUUID();
      const reference = newReference();
      // The citizen's receipt e-mail (issue 7) is written with the submission: a crash after 201 cannot lose it.
      const receipt = citizenReceipt({ definition: version.definition, submissionId: id, reference, receivedAt: now.toISOString(), locale: input.locale, municipality: tenant.name, data });
      const { submission } = await deps.store.acceptSubmission(
        tenant.id,
        {
          id,
          reference,
          serviceOwner: version.owner,
          serviceId: version.serviceId,
          version: version.version,
          receivedAt: now.toISOString(),
          queue,
          locale: input.locale,
          data,
          retainUntil: keepUntil,
          ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
          ...(receipt === null ? {} : { outbox: [receipt] }),
        },
        idempotency,
      );
      return receiptOf(submission);
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'reference-taken' && attempt < REFERENCE_ATTEMPTS) continue;
      if (error instanceof ConflictError && error.code === 'idempotency-key-reused') {
        throw keyReused(error);
      }
      if (error instanceof ConflictError && error.code === 'attachment-unavailable') {
        // Another send took a file between the check and the write.
        throw new UnprocessableError('invalid-submission', 'The submission is not valid.', [], { cause: error });
      }
      throw error;
    }
  }
}

async function replayOf(deps: ServiceDeps, tenant: string, idempotency: IdempotencyClaim): Promise<Submission | null> {
  try {
    return await deps.store.findIdempotentSubmission(tenant, idempotency);
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'idempotency-key-reused') throw keyReused(error);
    throw error;
  }
}

function keyReused(cause: ConflictError): UnprocessableError {
  return new UnprocessableError('idempotency-key-reused', 'This Idempotency-Key was already used for another submission.', [], { cause });
}

function receiptOf(submission: Submission): Receipt {
  return { id: submission.id, reference: submission.reference, receivedAt: submission.receivedAt, version: submission.version, queue: submission.queue };
}
