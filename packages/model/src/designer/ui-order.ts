import type { ServiceDefinition } from '../definition.ts';
import { isRecord, propertiesOf } from './nodes.ts';

/**
 * Keeps an existing root `ui:order` in step order and naming exactly the schema's properties
 * (rjsf refuses an order that misses a property without "*"). Definitions without one keep none.
 */
export function syncUiOrder(definition: ServiceDefinition): void {
  const ui = definition.uiSchema;
  if (!isRecord(ui) || !Array.isArray(ui['ui:order'])) return;
  const before = ui['ui:order'].filter((k): k is string => typeof k === 'string');
  const keys = Object.keys(propertiesOf(definition.schema));
  const inSteps = (definition.steps ?? []).flatMap((s) => s.fields).filter((k) => keys.includes(k));
  const order = [...new Set([...inSteps, ...before.filter((k) => keys.includes(k)), ...keys])];
  ui['ui:order'] = before.includes('*') ? [...order, '*'] : order;
}

/** Puts the keys of a group's `ui:order` (when it has one) in the given order. */
export function setChildOrder(ui: Record<string, unknown> | undefined, keys: string[]): void {
  if (ui === undefined || !Array.isArray(ui['ui:order'])) return;
  ui['ui:order'] = ui['ui:order'].includes('*') ? [...keys, '*'] : [...keys];
}
