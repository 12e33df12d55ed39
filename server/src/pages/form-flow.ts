import { createHash, randomBytes } from 'node:crypto';
import { answersFromForm, localizeIssues, mergeStepAnswers, UnprocessableError, withoutHiddenAnswers } from '@samform/model';
import type { EffectiveService, Receipt, ServiceVersion, Step, SubmissionError } from '@samform/model';
import type { Tenant } from '@samform/store';
import { errorsOfStep, stepsOf } from '@samform/client/ssr';
import { ANONYMOUS } from '../auth/actor.ts';
import { canonicalJson } from '../services/canonical-json.ts';
import { effectiveService, resolveService } from '../services/catalog-service.ts';
import type { ServiceDeps } from '../services/service-deps.ts';
import { submitAnswers } from '../services/submission-service.ts';
import { draftKey } from './citizen-record.ts';
import type { CitizenData, Draft } from './citizen-record.ts';
import type { PostedEntries } from './form-body.ts';

/** An e-service as one citizen fills it in: the draft's version (or the one served now) and the draft. */
export interface OpenForm {
  tenant: Tenant;
  /** The id the tenant serves it under. */
  serviceId: string;
  version: ServiceVersion;
  service: EffectiveService;
  steps: Step[];
  draft: Draft | undefined;
}

/**
 * The form as this browser fills it in. A draft stays on the version it started on (ARCHITECTURE
 * decision 2), unless that version is gone or the tenant now serves another e-service by the id.
 */
export async function openForm(deps: ServiceDeps, tenant: Tenant, serviceId: string, data: CitizenData): Promise<OpenForm> {
  const offered = await resolveService(deps, tenant, serviceId);
  let draft = data.drafts[draftKey(tenant.id, serviceId)];
  let version = offered.version;
  if (draft !== undefined && draft.version !== version.version) {
    const kept = draft.owner === version.owner && draft.serviceId === version.serviceId ? await deps.store.getServiceVersion(draft.owner, draft.serviceId, draft.version) : null;
    if (kept === null) draft = undefined;
    else version = kept;
  }
  const service = effectiveService({ version, shared: offered.shared });
  return { tenant, serviceId, version, service, steps: stepsOf(service), draft };
}

/** What posting a step led to: the errors to show on it, or none (go on). */
export interface StepOutcome {
  errors: SubmissionError[];
  stepIndex: number;
}

/**
 * One step posted as a plain form: its fields typed by the schema and put into the draft (saved
 * even when wrong, so nothing typed is lost), then the whole answers checked with the compiled
 * validator of the draft's version, keeping the errors of this step's fields. `check: false`
 * (going back) saves without checking.
 */
export function postStep(deps: ServiceDeps, form: OpenForm, input: { data: CitizenData; stepId: string | undefined; entries: PostedEntries; locale: string; check: boolean }): StepOutcome | undefined {
  const stepIndex = form.steps.findIndex((step) => step.id === input.stepId);
  const step = form.steps[stepIndex];
  if (step === undefined) return undefined;
  const { answers, problems } = answersFromForm(form.version.definition, step.fields, input.entries);
  const draft: Draft = form.draft ?? { owner: form.version.owner, serviceId: form.version.serviceId, version: form.version.version, id: randomBytes(16).toString('base64url'), answers: {} };
  // Answers of questions a changed answer now hides ("show when") are dropped, as the page would.
  draft.answers = withoutHiddenAnswers(form.version.definition, mergeStepAnswers(draft.answers, step.fields, answers));
  input.data.drafts[draftKey(form.tenant.id, form.serviceId)] = draft;
  form.draft = draft;
  if (!input.check) return { errors: [], stepIndex };
  const issues = [...problems, ...deps.validators.get(form.version).validate(draft.answers, { now: deps.clock() })];
  return { errors: errorsOfStep(localizeIssues(issues, form.version.definition, input.locale), step), stepIndex };
}

/** What sending the draft led to: the receipt, or the errors of a refusal (a date that moved out of range). */
export type SendOutcome = { ok: true; receipt: Receipt } | { ok: false; errors: SubmissionError[] };

/**
 * Sends the draft through the same use case as the JSON API, on the draft's version. The
 * idempotency key is the draft and its answers: a double click or a resent post files one case.
 */
export async function sendDraft(deps: ServiceDeps, form: OpenForm & { draft: Draft }, locale: string): Promise<SendOutcome> {
  const answersHash = createHash('sha256').update(canonicalJson(form.draft.answers)).digest('base64url').slice(0, 32);
  try {
    const receipt = await submitAnswers(deps, ANONYMOUS, {
      tenant: form.tenant,
      serviceId: form.serviceId,
      body: { data: form.draft.answers, version: form.draft.version },
      idempotencyKey: `draft-${form.draft.id}-${answersHash}`,
      locale,
    });
    return { ok: true, receipt };
  } catch (error) {
    if (error instanceof UnprocessableError && error.code === 'invalid-submission') return { ok: false, errors: error.errors };
    throw error;
  }
}
