import { isObject } from './is-object.ts';

/** A node of a uiSchema: `ui:*` keys for the field itself, property names for its parts. */
export type UiNode = { [key: string]: unknown };

/** A field's display options: `ui:options` merged with the other `ui:*` keys ("ui:widget" -> widget). */
export type UiOptions = { [key: string]: unknown };


/** The uiSchema node of a part of a field (a property, or `items` of a list). */
export function uiChild(ui: UiNode | undefined, key: string): UiNode | undefined {
  const child = ui?.[key];
  return isObject(child) ? child : undefined;
}

/**
 * The options of a field the way rjsf reads them: every `ui:x` key as `x`, with `ui:options`
 * spread over them, so `"ui:autocomplete": "email"` and `"ui:options": { "autocomplete": "email" }` agree.
 */
export function uiOptionsOf(ui: UiNode | undefined): UiOptions {
  const options: UiOptions = {};
  if (!ui) return options;
  for (const [key, value] of Object.entries(ui)) {
    if (!key.startsWith('ui:') || key === 'ui:options') continue;
    options[key.slice(3)] = value;
  }
  if (isObject(ui['ui:options'])) Object.assign(options, ui['ui:options']);
  return options;
}
