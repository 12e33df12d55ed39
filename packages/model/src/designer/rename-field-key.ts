import type { Condition, ServiceDefinition } from '../definition.ts';
import { UnprocessableError } from '../errors.ts';
import { FORBIDDEN_FORM_KEYS } from '../form-limits.ts';
import { childUiKeys } from './insert-field.ts';
import { FIELD_KEY, isRecord, mustPlace, textKeysUnder, uiAt, type Node } from './nodes.ts';
import { SHOW_WHEN_TAG, syncShowWhen } from './set-show-when.ts';
import { syncUiOrder } from './ui-order.ts';

function renamed(path: string, from: string, to: string): string {
  if (path === from) return to;
  return path.startsWith(`${from}.`) ? `${to}${path.slice(from.length)}` : path;
}

function renameInCondition(condition: Condition, from: string, to: string): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => renameInCondition(c, from, to)) };
  if ('any' in condition) return { any: condition.any.map((c) => renameInCondition(c, from, to)) };
  return { ...condition, field: renamed(condition.field, from, to) };
}

function renameKeyOf(record: Node, from: string, to: string): Node {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/** Throws unless `key` is a usable, unused property key among `siblings`. */
export function assertNewKey(key: string, siblings: string[]): void {
  if (!FIELD_KEY.test(key) || FORBIDDEN_FORM_KEYS.has(key)) {
    throw new UnprocessableError('invalid-field-key', `A field key starts with a letter and holds only letters a–z, digits, "-" and "_": "${key}"`);
  }
  if (siblings.includes(key)) throw new UnprocessableError('field-key-taken', `Another field already has the key "${key}"`);
}

/** Renames a field's key in place everywhere it is named; answers the new path. */
export function renameFieldKeyInPlace(definition: ServiceDefinition, path: string, key: string): string {
  const place = mustPlace(definition, path);
  const parentPath = path.split('.').slice(0, -1).join('.');
  const to = parentPath === '' ? key : `${parentPath}.${key}`;
  if (key === place.key) return path;
  const properties = place.holder.properties as Node;
  assertNewKey(key, Object.keys(properties));
  place.holder.properties = renameKeyOf(properties, place.key, key);
  if (Array.isArray(place.holder.required)) place.holder.required = place.holder.required.map((k) => (k === place.key ? key : k));
  const range = place.holder.dateRange;
  if (isRecord(range)) for (const end of ['from', 'to']) if (range[end] === place.key) range[end] = key;
  const parentUiKeys = childUiKeys(definition, parentPath);
  const parentUi = uiAt(definition, parentUiKeys, false);
  if (parentUi !== undefined) {
    const order = parentUi['ui:order'];
    const renamedUi = renameKeyOf(parentUi, place.key, key);
    if (Array.isArray(order)) renamedUi['ui:order'] = order.map((k) => (k === place.key ? key : k));
    if (parentUiKeys.length === 0) definition.uiSchema = renamedUi;
    else (uiAt(definition, parentUiKeys.slice(0, -1), false) as Node)[parentUiKeys[parentUiKeys.length - 1] as string] = renamedUi;
  }
  const moved = new Set(textKeysUnder(definition, path));
  definition.texts = Object.fromEntries(Object.entries(definition.texts).map(([k, v]) => [moved.has(k) ? renamed(k, path, to) : k, v]));
  for (const step of definition.steps ?? []) {
    if (place.topLevel) step.fields = step.fields.map((k) => (k === place.key ? key : k));
    if (step.showWhen !== undefined) step.showWhen = renameInCondition(step.showWhen, path, to);
  }
  for (const rule of definition.routing.rules ?? []) rule.when = renameInCondition(rule.when, path, to);
  for (const entry of Object.values(definition.uiSchema ?? {})) {
    if (isRecord(entry) && isRecord(entry['ui:showWhen'])) entry['ui:showWhen'] = renameInCondition(entry['ui:showWhen'] as Condition, path, to);
  }
  if (place.topLevel && Array.isArray(definition.schema.allOf)) {
    for (const entry of definition.schema.allOf) {
      if (isRecord(entry) && entry.$comment === `${SHOW_WHEN_TAG}${place.key}`) {
        entry.$comment = `${SHOW_WHEN_TAG}${key}`;
        if (isRecord(entry.then) && Array.isArray(entry.then.required)) entry.then.required = entry.then.required.map((k) => (k === place.key ? key : k));
      }
    }
  }
  syncShowWhen(definition);
  syncUiOrder(definition);
  return to;
}

/**
 * The definition with a field's key renamed (`to` is the new last segment of the path): in the
 * schema, required lists, uiSchema, texts, steps, conditions and routing rules.
 */
export function renameFieldKey(definition: ServiceDefinition, from: string, to: string): ServiceDefinition {
  const next = structuredClone(definition);
  renameFieldKeyInPlace(next, from, to.includes('.') ? to.slice(to.lastIndexOf('.') + 1) : to);
  return next;
}
