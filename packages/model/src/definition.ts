/**
 * The e-service definition format: the one shape used by `forms/` files, import/export,
 * the staff API and the citizen pages. Everything a citizen reads is a per-locale text,
 * so the JSON Schema itself carries no human text; `localizeDefinition` puts the texts in.
 */

/** Locales with full UI texts; definitions may add more (sma, fi, fit) as extra keys. */
export const LOCALES = ['sv', 'en'] as const;
/** A locale the UI is translated to. */
export type Locale = (typeof LOCALES)[number];
/** The locale used when a text is missing in the one asked for. */
export const DEFAULT_LOCALE: Locale = 'sv';

/** A text per locale; `sv` is always present, other locales fall back to it. */
export type LocalText = { sv: string; en?: string } & { [locale: string]: string | undefined };

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema (draft 2020-12 subset accepted by the meta-schema), kept loose on purpose. */
export type JsonSchema = { [keyword: string]: unknown };

/** An @rjsf uiSchema. */
export type UiSchema = { [key: string]: unknown };

/** The citizen-facing texts of one field, keyed in `ServiceDefinition.texts` by field path. */
export interface FieldTexts {
  /** The label (or legend for a group, heading for a notice block). */
  label: LocalText;
  /** Hint shown under the label and linked with aria-describedby. */
  help?: LocalText;
  /** Labels of an enum's stable values: `{ "140": { sv: "140 liter", en: "140 litres" } }`. */
  options?: Record<string, LocalText>;
  /** Friendly error messages per ajv keyword, overriding the built-in ones for this field. */
  errors?: Record<string, LocalText>;
}

/**
 * A condition on the answers, used by routing rules (and by the designer's "show when").
 * `field` is a field path as in `texts` ("contact.email").
 */
export type Condition =
  | { field: string; equals: JsonValue }
  | { field: string; in: JsonValue[] }
  | { field: string; isSet: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

/** Send submissions matching `when` to `queue` (first matching rule wins). */
export interface RoutingRule {
  when: Condition;
  queue: string;
}

/** Which of the receiving municipality's queues a submission goes to. */
export interface Routing {
  /** The queue when no rule matches. */
  queue: string;
  rules?: RoutingRule[];
}

/** One page of a multi-step form: a title and the top-level properties it asks for. */
export interface Step {
  id: string;
  title: LocalText;
  fields: string[];
  /** Ask this step's fields only when the condition holds (compiled like a field's `ui:showWhen`). */
  showWhen?: Condition;
}

/** One stop of a case's workflow (the idea journey's stops, or received -> closed). */
export interface WorkflowStatus {
  id: string;
  title: LocalText;
  /** A case in a final status is done. */
  final?: boolean;
}

/** How a citizen identifies: anonymous allowed, e-ID optional, or e-ID required. */
export type Identification = 'anonymous' | 'optional' | 'e-id';

/**
 * An e-service as authored. Field paths (keys of `texts`, `steps[].fields`, conditions) name
 * properties through objects and array items with dots: "buyers.name" is the `name` of every
 * item of the `buyers` array.
 *
 * Non-input blocks (headings, information, stop notices such as "urgent leaks: call 063-…")
 * are properties of `"type": "null"` with uiSchema `"ui:field": "notice"` (and optionally
 * `"ui:options": { "kind": "info" | "warning" }`); their `texts` label is the heading and their
 * help the body. They never appear in the answers.
 *
 * Custom keywords beyond JSON Schema (all enforced by the same compiled validator on both sides):
 * - `"format"`: `personnummer` (also samordningsnummer), `organisationsnummer`, `postnummer`,
 *   `telefonnummer`, `fastighetsbeteckning`, plus `email` and `date`.
 * - `"dateRule": { "minDaysAhead"?: n, "maxDaysAhead"?: n, "minWorkdaysAhead"?: n }` on a
 *   date string, measured from the day of receipt in Europe/Stockholm; `minDaysAhead: 0` is
 *   "not in the past".
 * - `"dateRange": { "from": "prop", "to": "prop", "minDays"?: n, "maxDays"?: n }` on an object:
 *   `to` must not be before `from`, and the period length is bounded.
 *
 * Identification: with `identification: "e-id"` the citizen must log in with e-ID before filling
 * in (the JSON API answers 401 without a login); `"optional"` offers the login. A string field
 * (through objects, not inside a repeated group) with uiSchema
 * `"ui:options": { "fromLogin": "personnummer" }` takes the logged-in citizen's personnummer (or
 * samordningsnummer): it is prefilled and shown locked, and the server replaces whatever the
 * browser sends for it with the login's. An e-service with such a field refuses an e-ID without
 * a personnummer (a foreign e-ID) with a clear message. See `loginFields`.
 */
export interface ServiceDefinition {
  /** Stable slug, unique within the owning tenant: /^[a-z0-9][a-z0-9-]{1,62}$/. */
  id: string;
  title: LocalText;
  /** One or two sentences for the e-service list and the start of the form. */
  description?: LocalText;
  /** A grouping for the e-service list: "va", "avfall", "ideer", "gata", … */
  category?: string;
  identification?: Identification;
  /** An object schema; its property keys are the stable keys of the answers. */
  schema: JsonSchema;
  uiSchema?: UiSchema;
  texts: Record<string, FieldTexts>;
  steps?: Step[];
  routing: Routing;
  workflow?: WorkflowStatus[];
  /** What happens after sending, shown on the receipt. */
  receipt?: { nextSteps: LocalText };
  /** A note shown before sending, e.g. that an idea becomes a public record. */
  privacyNotice?: LocalText;
}

/** A published, immutable version of an e-service. */
export interface ServiceVersion {
  /** The tenant that owns the e-service (a municipality, or a collaboration for shared ones). */
  owner: string;
  serviceId: string;
  /** 1, 2, 3, … per owner and service. */
  version: number;
  definition: ServiceDefinition;
  publishedAt: string;
  note?: string;
}

/** What the citizen API serves for one e-service in one municipality. */
export type EffectiveService = ServiceDefinition & {
  version: number;
  owner: string;
  shared: boolean;
};

/** The default workflow when a definition names none. */
export const DEFAULT_WORKFLOW: WorkflowStatus[] = [
  { id: 'received', title: { sv: 'Mottaget', en: 'Received' } },
  { id: 'in-progress', title: { sv: 'Under handläggning', en: 'In progress' } },
  { id: 'decided', title: { sv: 'Beslut fattat', en: 'Decided' } },
  { id: 'closed', title: { sv: 'Avslutat', en: 'Closed' }, final: true },
];
