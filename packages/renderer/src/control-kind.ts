import type { JsonSchema } from '@samform/model';

/**
 * How a field is laid out: one labelled control, a group of choices in a fieldset, a single
 * checkbox with its label beside it, a container (object or list) that lays out itself, or a
 * notice block.
 */
export type ControlKind = 'input' | 'group' | 'checkbox' | 'container' | 'notice';

/** The layout of a field from its schema and ui options. */
export function controlKind(schema: JsonSchema, uiOptions: { field?: unknown; widget?: unknown }): ControlKind {
  if (uiOptions.field === 'notice') return 'notice';
  const widget = uiOptions.widget;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object') return 'container';
  if (type === 'array') return isChoiceList(schema) ? 'group' : 'container';
  if (widget === 'radio' || widget === 'checkboxes') return 'group';
  if (type === 'boolean') return widget === 'select' ? 'input' : 'checkbox';
  return 'input';
}

/** An array whose items are picked from a fixed list (rendered as checkboxes). */
export function isChoiceList(schema: JsonSchema): boolean {
  const items = schema.items as JsonSchema | undefined;
  if (!items || typeof items !== 'object' || Array.isArray(items)) return false;
  return Array.isArray(items.enum) || Array.isArray(items.oneOf) || Array.isArray(items.anyOf);
}
