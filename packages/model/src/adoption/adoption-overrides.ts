import type { FieldTexts, JsonSchema, LocalText, Routing, UiSchema } from '../definition.ts';

/** The definition-level texts an adoption may replace, addressed by these keys in `texts`. */
export const DEFINITION_TEXT_TARGETS = ['$title', '$description', '$receipt', '$privacyNotice'] as const;
/** One of the definition-level text targets. */
export type DefinitionTextTarget = (typeof DEFINITION_TEXT_TARGETS)[number];

/** The top-level property that holds an adoption's own questions, so the base answers keep their shape. */
export const LOCAL_PROPERTY = 'lokalt';

/**
 * A municipality's own questions, asked in a section of their own after the shared ones. The
 * schema is an object schema whose properties become `lokalt.*` in the answers; `uiSchema` and
 * `texts` are written relative to it (`texts["parkering"]` labels `lokalt.parkering`).
 */
export interface LocalQuestions {
  /** The section's heading (and step title when the base has steps); "Lokala frågor" when absent. */
  title?: LocalText;
  schema: JsonSchema;
  uiSchema?: UiSchema;
  texts: Record<string, FieldTexts>;
}

/** The largest logo an adoption may have, in bytes. */
export const MAX_LOGO_BYTES = 200 * 1024;

/**
 * The municipality's look on an adopted e-service. `primaryColor` (`#rrggbb`) colours links and
 * buttons, so it must reach 4.5:1 both as text on white and under white text (WCAG 1.4.3).
 * `logo` names an uploaded logo (PNG, JPEG or WebP) by its SHA-256 and gives its alt text.
 */
export interface AdoptionTheme {
  primaryColor: string;
  logo?: { sha256: string; alt: LocalText };
}

/**
 * What a municipality changes in a shared e-service it adopts; everything else is the base's.
 *
 * - `texts`: keyed by a base field path ("contact.email") with a partial `FieldTexts` merged into
 *   the base's (options and errors merged per key), or by `$title`, `$description`, `$receipt`
 *   (the receipt's "what happens next") or `$privacyNotice` with a whole `LocalText`. An override
 *   of a field or an option the base no longer has "no longer applies" and needs review.
 * - `contact`: the municipality's contact details, added to the receipt after "what happens next".
 * - `routing`: replaces the base's routing; queues are the adopting municipality's.
 * - `retentionDays`: how long the municipality keeps the cases (its gallring), a whole number of days.
 * - `localQuestions`: extra questions under the one top-level property `lokalt`.
 * - `theme`: the municipality's colour and logo on the citizen pages of this e-service.
 */
export interface AdoptionOverrides {
  texts?: { [target: string]: Partial<FieldTexts> | LocalText };
  contact?: LocalText;
  routing?: Routing;
  retentionDays?: number;
  localQuestions?: LocalQuestions;
  theme?: AdoptionTheme;
}

/** A problem with an adoption's overrides: a JSON Pointer into the overrides and what it means. */
export interface OverrideProblem {
  path: string;
  message: LocalText;
}
