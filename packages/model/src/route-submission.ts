import type { Condition, JsonValue, ServiceDefinition } from './definition.ts';

function valueAt(data: unknown, fieldPath: string): unknown {
  let current = data;
  for (const segment of fieldPath.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && deepEqual(ra[k], rb[k]));
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/**
 * True when the answers meet the condition. `field` is a dotted path into nested objects;
 * `equals`/`in` compare deeply; `isSet` counts empty strings and empty arrays as not set.
 */
export function evaluateCondition(condition: Condition, data: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, data));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, data));
  const value = valueAt(data, condition.field);
  if ('equals' in condition) return deepEqual(value, condition.equals);
  if ('in' in condition) return condition.in.some((candidate: JsonValue) => deepEqual(value, candidate));
  return isSet(value) === condition.isSet;
}

/** The queue a submission goes to: the first matching rule's, else the default one. */
export function routeSubmission(definition: ServiceDefinition, data: unknown): string {
  const rule = definition.routing.rules?.find((r) => evaluateCondition(r.when, data));
  return rule?.queue ?? definition.routing.queue;
}
