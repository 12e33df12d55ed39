import type { ServiceDefinition } from '../definition.ts';
import { childUiKeys } from './insert-field.ts';
import { mustPlace, setRequired, textKeysUnder, uiAt } from './nodes.ts';
import { syncShowWhen } from './set-show-when.ts';
import { syncUiOrder } from './ui-order.ts';

/** Removes a field in place: schema, required, uiSchema, texts, its step; conditions on it stay for the checks to point at. */
export function removeFieldInPlace(definition: ServiceDefinition, path: string): void {
  const place = mustPlace(definition, path);
  delete (place.holder.properties as Record<string, unknown>)[place.key];
  setRequired(place.holder, place.key, false);
  const parentPath = path.split('.').slice(0, -1).join('.');
  const parentUi = uiAt(definition, childUiKeys(definition, parentPath), false);
  if (parentUi !== undefined) {
    delete parentUi[place.key];
    const order = parentUi['ui:order'];
    if (Array.isArray(order)) parentUi['ui:order'] = order.filter((k) => k !== place.key);
  }
  for (const key of textKeysUnder(definition, path)) delete definition.texts[key];
  if (place.topLevel) {
    for (const step of definition.steps ?? []) step.fields = step.fields.filter((k) => k !== place.key);
    syncShowWhen(definition);
    syncUiOrder(definition);
  }
}

/** The definition without the field at `path` (and the fields inside it). */
export function removeField(definition: ServiceDefinition, path: string): ServiceDefinition {
  const next = structuredClone(definition);
  removeFieldInPlace(next, path);
  return next;
}
