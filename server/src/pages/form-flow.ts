import { createHash, randomBytes } from 'node:crypto';
import { answersFromForm, FORM_LIMITS, withLoginAnswers, formFieldId, hiddenFields, localizeIssues, mergeStepAnswers, UnprocessableError, withoutHiddenAnswers } from '@samform/model';
import type { EffectiveService, JsonSchema, LoginValues, JsonValue, Receipt, ServiceDefinition, ServiceVersion, Step, SubmissionError } from '@samform/model';
import type { Tenant } from '@samform/store';
import { errorsOfStep, stepsOf } from '@samform/client/ssr';
import { ANONYMOUS } from '../auth/actor.ts';
import type { CitizenLogin } from '../auth/citizen-login.ts';
import { canonicalJson } from '../services/canonical-json.ts';
import { effectiveService, resolveService, versionAsServed } from '../services/catalog-service.ts';
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
    const kept = draft.owner === version.owner && draft.serviceId === version.serviceId ? await versionAsServed(deps, tenant, draft.owner, draft.serviceId, draft.version) : null;
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
export function postStep(
  deps: ServiceDeps,
  form: OpenForm,
  input: { data: CitizenData; stepId: string | undefined; entries: PostedEntries; locale: string; check: boolean; login?: LoginValues },
): StepOutcome | undefined {
  const stepIndex = form.steps.findIndex((step) => step.id === input.stepId);
  const step = form.steps[stepIndex];
  if (step === undefined) return undefined;
  const { answers, problems } = answersFromForm(form.version.definition, step.fields, input.entries);
  const draft: Draft = form.draft ?? { owner: form.version.owner, serviceId: form.version.serviceId, version: form.version.version, id: randomBytes(16).toString('base64url'), answers: {} };
  // Answers of questions a changed answer now hides ("show when") are dropped, as the page would.
  draft.answers = withoutHiddenAnswers(form.version.definition, mergeStepAnswers(draft.answers, step.fields, answers));
  // A logged-in citizen's login fields hold the login's values, whatever the page posted.
  if (input.login !== undefined) draft.answers = withLoginAnswers(form.version.definition, draft.answers, input.login);
  input.data.drafts[draftKey(form.tenant.id, form.serviceId)] = draft;
  form.draft = draft;
  if (!input.check) return { errors: [], stepIndex };
  const issues = [...problems, ...deps.validators.get(form.version).validate(draft.answers, { now: deps.clock() })];
  return { errors: errorsOfStep(localizeIssues(issues, form.version.definition, input.locale), step), stepIndex };
}

/**
 * A repeated group's Add or Remove button pressed without JavaScript: `_action` "add:buyers"
 * (the group's form name) or "remove:buyers.0" (an item's).
 */
export type GroupAction = { kind: 'add'; group: string } | { kind: 'remove'; group: string; index: number };

// Canonical indexes only, as `answersFromForm` reads them.
const INDEX = /^(?:0|[1-9]\d{0,8})$/;

/** The group action an `_action` names, or undefined for any other action. */
export function groupActionOf(action: string | undefined): GroupAction | undefined {
  const match = action === undefined ? null : /^(add|remove):(.{1,300})$/s.exec(action);
  if (!match?.[2]) return undefined;
  const segments = match[2].split('.');
  if (match[1] === 'add') return { kind: 'add', group: match[2] };
  const index = segments.pop();
  if (index === undefined || !INDEX.test(index) || segments.length === 0) return undefined;
  return { kind: 'remove', group: segments.join('.'), index: Number(index) };
}

/** Where a group action leads: back to its step, at `anchor` (an element id). */
export interface GroupOutcome {
  stepIndex: number;
  anchor: string;
}

/**
 * A group's Add or Remove posted as a plain form: the step's answers are saved unchecked (as
 * going back does), then an empty item is added (not beyond maxItems) or the item removed (not
 * below minItems). The page comes back at the new item's first field, or at the group.
 */
export function postGroupAction(deps: ServiceDeps, form: OpenForm, input: { data: CitizenData; stepId: string | undefined; entries: PostedEntries; locale: string; action: GroupAction }): GroupOutcome | undefined {
  const saved = postStep(deps, form, { ...input, check: false });
  if (saved === undefined || form.draft === undefined) return undefined;
  const { definition } = form.version;
  const { action } = input;
  const path = action.group.split('.');
  const top = path[0] ?? '';
  const atGroup = { stepIndex: saved.stepIndex, anchor: formFieldId(action.group) };
  const group = form.steps[saved.stepIndex]?.fields.includes(top) && !hiddenFields(definition, form.draft.answers).has(top) ? repeatedGroupAt(definition, path) : undefined;
  if (group === undefined) return atGroup;
  // Items keep their places (a blank one stays, as `{}`), so "remove:buyers.1" removes what the page showed second.
  const items = postedItems(definition, action.group, top, input.entries);
  const min = typeof group.schema.minItems === 'number' ? group.schema.minItems : 0;
  const max = Math.min(typeof group.schema.maxItems === 'number' ? group.schema.maxItems : FORM_LIMITS.items, FORM_LIMITS.items);
  let anchor = atGroup.anchor;
  if (action.kind === 'add' && items.length < max) {
    items.push({});
    anchor = formFieldId([action.group, items.length - 1, ...(group.firstField === undefined ? [] : [group.firstField])].join('.'));
  }
  if (action.kind === 'remove' && action.index < items.length && items.length > min) items.splice(action.index, 1);
  form.draft.answers = withAnswerAt(form.draft.answers, path, items.length > 0 ? items : undefined);
  return { stepIndex: saved.stepIndex, anchor };
}

function isSchema(x: unknown): x is JsonSchema {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The array of objects (not a file list) at a form name of property keys, and its items' first field. */
function repeatedGroupAt(definition: ServiceDefinition, path: readonly string[]): { schema: JsonSchema; firstField: string | undefined } | undefined {
  let schema: unknown = definition.schema;
  let ui: unknown = definition.uiSchema ?? {};
  for (const key of path) {
    if (!isSchema(schema) || !isSchema(schema.properties) || !Object.hasOwn(schema.properties, key)) return undefined;
    schema = schema.properties[key];
    ui = isSchema(ui) ? ui[key] : undefined;
  }
  if (!isSchema(schema) || schema.type !== 'array' || !isSchema(schema.items) || !isSchema(schema.items.properties)) return undefined;
  if (isSchema(ui) && ui['ui:kind'] === 'attachment') return undefined;
  const itemsUi = isSchema(ui) ? ui.items : undefined;
  const order = isSchema(itemsUi) && Array.isArray(itemsUi['ui:order']) ? itemsUi['ui:order'].filter((key): key is string => typeof key === 'string' && key !== '*') : [];
  const keys = Object.keys(schema.items.properties);
  return { schema, firstField: order.find((key) => keys.includes(key)) ?? keys[0] };
}

/** The posted items of a group by their place on the page, each read by the schema alone; a blank one is `{}`. */
function postedItems(definition: ServiceDefinition, group: string, top: string, entries: PostedEntries): JsonValue[] {
  const prefix = `${group}.`;
  const places = [...new Set(entries.filter(([name]) => name.startsWith(prefix)).map(([name]) => name.slice(prefix.length).split('.')[0] ?? ''))]
    .filter((place) => INDEX.test(place))
    .sort((a, b) => Number(a) - Number(b))
    .slice(0, FORM_LIMITS.items);
  return places.map((place) => {
    const own = `${prefix}${place}`;
    const renamed = entries.filter(([name]) => name === own || name.startsWith(`${own}.`)).map(([name, value]): [string, string] => [`${prefix}0${name.slice(own.length)}`, value]);
    const item = answerAt(answersFromForm(definition, [top], renamed).answers, [...group.split('.'), '0']);
    return item ?? {};
  });
}

function answerAt(answers: JsonValue, path: readonly string[]): JsonValue | undefined {
  let at: JsonValue | undefined = answers;
  for (const key of path) {
    if (Array.isArray(at)) at = at[Number(key)];
    else if (isSchema(at) && Object.hasOwn(at, key)) at = (at as { [key: string]: JsonValue })[key];
    else return undefined;
  }
  return at;
}

/** The answers with the value at a path of property keys set (objects made on the way), or removed when undefined. */
function withAnswerAt(answers: { [key: string]: JsonValue }, path: readonly string[], value: JsonValue | undefined): { [key: string]: JsonValue } {
  const [key, ...rest] = path;
  if (key === undefined) return answers;
  const copy = { ...answers };
  const inner = rest.length === 0 ? value : withAnswerAt(isSchema(copy[key]) ? (copy[key] as { [key: string]: JsonValue }) : {}, rest, value);
  if (inner === undefined) delete copy[key];
  else copy[key] = inner;
  return copy;
}

/** What sending the draft led to: the receipt, or the errors of a refusal (a date that moved out of range). */
export type SendOutcome = { ok: true; receipt: Receipt } | { ok: false; errors: SubmissionError[] };

/**
 * Sends the draft through the same use case as the JSON API, on the draft's version. The
 * idempotency key is the draft and its answers: a double click or a resent post files one case.
 */
export async function sendDraft(deps: ServiceDeps, form: OpenForm & { draft: Draft }, locale: string, citizen: CitizenLogin | null = null): Promise<SendOutcome> {
  const answersHash = createHash('sha256').update(canonicalJson(form.draft.answers)).digest('base64url').slice(0, 32);
  try {
    const receipt = await submitAnswers(deps, ANONYMOUS, {
      tenant: form.tenant,
      serviceId: form.serviceId,
      body: { data: form.draft.answers, version: form.draft.version },
      idempotencyKey: `draft-${form.draft.id}-${answersHash}`,
      locale,
      citizen,
    });
    return { ok: true, receipt };
  } catch (error) {
    if (error instanceof UnprocessableError && error.code === 'invalid-submission') return { ok: false, errors: error.errors };
    throw error;
  }
}
