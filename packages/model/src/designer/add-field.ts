import type { ServiceDefinition } from '../definition.ts';
import { KEY_STEMS, fieldBlueprint } from './field-blueprint.ts';
import type { FieldKind } from './field-kinds.ts';
import { insertField } from './insert-field.ts';
import { ensureSteps, mustStep, propertiesOf, uniqueKey } from './nodes.ts';
import { assertNewKey } from './rename-field-key.ts';
import { syncShowWhen } from './set-show-when.ts';
import { syncUiOrder } from './ui-order.ts';

/**
 * Adds a field of `kind` to a step at `index` (default: last), with default texts in Swedish and
 * English and a readable unique key from the kind (`epost`, `epost2`) unless `options.key`.
 */
export function addField(
  definition: ServiceDefinition,
  stepId: string,
  kind: FieldKind,
  options: { key?: string; index?: number } = {},
): { definition: ServiceDefinition; key: string } {
  const next = structuredClone(definition);
  const steps = ensureSteps(next);
  const step = mustStep(next, stepId);
  const taken = Object.keys(propertiesOf(next.schema));
  const key = options.key ?? uniqueKey(KEY_STEMS[kind], taken);
  assertNewKey(key, taken);
  insertField(next, '', key, fieldBlueprint(kind));
  const index = Math.max(0, Math.min(options.index ?? step.fields.length, step.fields.length));
  step.fields.splice(index, 0, key);
  next.steps = steps;
  syncShowWhen(next);
  syncUiOrder(next);
  return { definition: next, key };
}
