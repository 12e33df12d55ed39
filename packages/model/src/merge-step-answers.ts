import type { JsonValue } from './definition.ts';
import { FORBIDDEN_FORM_KEYS } from './form-limits.ts';

/**
 * A draft with one step's answers put in: every property named in `fields` takes the step's
 * value, or is removed when the step has none (un-ticking a checkbox on a revisit clears it).
 * Pure: the draft is not changed.
 */
export function mergeStepAnswers(
  draft: { readonly [key: string]: JsonValue },
  fields: readonly string[],
  stepAnswers: { readonly [key: string]: JsonValue },
): { [key: string]: JsonValue } {
  const merged: { [key: string]: JsonValue } = { ...draft };
  for (const field of fields) {
    if (FORBIDDEN_FORM_KEYS.has(field)) continue;
    const value = Object.hasOwn(stepAnswers, field) ? stepAnswers[field] : undefined;
    if (value === undefined) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}
