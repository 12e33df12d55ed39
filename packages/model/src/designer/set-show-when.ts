import type { Condition, ServiceDefinition } from '../definition.ts';
import { UnprocessableError } from '../errors.ts';
import { conditionSchema } from './condition-schema.ts';
import { isRecord, mustPlace, mustStep, propertiesOf, requiredOf, setRequired, stepOf, type Node } from './nodes.ts';

/** The `$comment` tagging the root `allOf` entry that enforces a field's "show when". */
export const SHOW_WHEN_TAG = 'samform:show-when:';

function taggedField(entry: unknown): string | undefined {
  if (!isRecord(entry) || typeof entry.$comment !== 'string' || !entry.$comment.startsWith(SHOW_WHEN_TAG)) return undefined;
  return entry.$comment.slice(SHOW_WHEN_TAG.length);
}

/** The root `allOf` entry compiled from a field's "show when", if any. */
export function showWhenEntry(definition: ServiceDefinition, key: string): Node | undefined {
  const allOf = definition.schema.allOf;
  if (!Array.isArray(allOf)) return undefined;
  return allOf.find((e): e is Node => taggedField(e) === key);
}

/** True when a field must be answered (when shown, for a field with a condition). */
export function isFieldRequired(definition: ServiceDefinition, holder: Node, key: string, topLevel: boolean): boolean {
  if (requiredOf(holder).includes(key)) return true;
  if (!topLevel) return false;
  const then = showWhenEntry(definition, key)?.then;
  return isRecord(then) && requiredOf(then).includes(key);
}

/** Sets whether a field must be answered, in the root `required` or in its show-when entry. */
export function setFieldRequired(definition: ServiceDefinition, holder: Node, key: string, topLevel: boolean, required: boolean): void {
  const entry = topLevel ? showWhenEntry(definition, key) : undefined;
  if (entry === undefined) {
    setRequired(holder, key, required);
    return;
  }
  entry.then = thenOf(key, required);
}

// ajv's strictRequired wants a required property declared next to `required`.
function thenOf(key: string, required: boolean): Node {
  return required ? { properties: { [key]: true }, required: [key] } : { required: [] };
}

function fieldCondition(definition: ServiceDefinition, key: string): Condition | undefined {
  const ui = definition.uiSchema?.[key];
  const own = isRecord(ui) ? (ui['ui:showWhen'] as Condition | undefined) : undefined;
  const step = stepOf(definition, key)?.showWhen;
  if (own !== undefined && step !== undefined) return { all: [step, own] };
  return own ?? step;
}

/**
 * Recompiles every field's "show when" (its own and its step's) into tagged root `allOf`
 * entries, so the server requires a conditional field only when it is shown: the field leaves
 * the root `required` and its entry's `then` requires it instead. Other `allOf` entries stay.
 */
export function syncShowWhen(definition: ServiceDefinition): void {
  const schema = definition.schema;
  const keys = Object.keys(propertiesOf(schema));
  const before = Array.isArray(schema.allOf) ? schema.allOf : [];
  const required = new Map(keys.map((k) => [k, isFieldRequired(definition, schema, k, true)]));
  const entries: unknown[] = [];
  const done = new Set<string>();
  const compile = (key: string): Node | undefined => {
    const condition = fieldCondition(definition, key);
    if (condition === undefined) return undefined;
    return { $comment: `${SHOW_WHEN_TAG}${key}`, if: conditionSchema(condition), then: thenOf(key, required.get(key) === true) };
  };
  for (const entry of before) {
    const key = taggedField(entry);
    if (key === undefined) {
      entries.push(entry);
      continue;
    }
    if (done.has(key) || !keys.includes(key)) continue;
    done.add(key);
    const compiled = compile(key);
    if (compiled !== undefined) entries.push(compiled);
  }
  for (const key of keys) {
    if (done.has(key)) continue;
    const compiled = compile(key);
    if (compiled !== undefined) entries.push(compiled);
  }
  for (const key of keys) {
    setRequired(schema, key, required.get(key) === true && fieldCondition(definition, key) === undefined);
  }
  if (entries.length > 0) schema.allOf = entries;
  else delete schema.allOf;
}

function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  return [condition.field];
}

function assertCompilable(definition: ServiceDefinition, condition: Condition): void {
  for (const field of conditionFields(condition)) {
    let node: unknown = definition.schema;
    for (const segment of field.split('.').slice(0, -1)) {
      const properties: unknown = isRecord(node) ? node.properties : undefined;
      node = isRecord(properties) ? properties[segment] : undefined;
      if (isRecord(node) && node.type === 'array') {
        throw new UnprocessableError('condition-in-repeated-group', `A condition cannot name a field inside a repeated group: "${field}"`);
      }
    }
  }
}

/**
 * Shows a top-level field, or every field of a step, only when `condition` holds (null: always),
 * and compiles it into the schema so the server enforces it too.
 */
export function setShowWhen(
  definition: ServiceDefinition,
  target: { field: string } | { step: string },
  condition: Condition | null,
): ServiceDefinition {
  const next = structuredClone(definition);
  if (condition !== null) assertCompilable(next, condition);
  if ('step' in target) {
    const step = mustStep(next, target.step);
    if (condition === null) delete step.showWhen;
    else step.showWhen = structuredClone(condition);
  } else {
    const place = mustPlace(next, target.field);
    if (!place.topLevel) throw new UnprocessableError('condition-on-nested-field', `Only a top-level field can have a condition: "${target.field}"`);
    next.uiSchema ??= {};
    const ui = isRecord(next.uiSchema[place.key]) ? (next.uiSchema[place.key] as Node) : (next.uiSchema[place.key] = {});
    if (condition === null) {
      delete (ui as Node)['ui:showWhen'];
      if (Object.keys(ui as Node).length === 0) delete next.uiSchema[place.key];
    } else {
      (ui as Node)['ui:showWhen'] = structuredClone(condition);
    }
  }
  syncShowWhen(next);
  return next;
}
