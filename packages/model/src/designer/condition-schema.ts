import type { Condition, JsonSchema } from '../definition.ts';

// evaluateCondition counts these as "not set"; the compiled schema must agree with it.
const EMPTY = ['', null, []];

function nest(segments: string[], leaf: JsonSchema | undefined): JsonSchema {
  const [head, ...rest] = segments;
  if (head === undefined) throw new Error('a condition needs a field');
  const inner = rest.length === 0 ? leaf : nest(rest, leaf);
  return inner === undefined
    ? { type: 'object', required: [head] }
    : { type: 'object', properties: { [head]: inner }, required: [head] };
}

/**
 * A condition as a JSON Schema on the root object, holding exactly when `evaluateCondition`
 * does: `equals` -> const, `in` -> enum, `isSet` -> present and not empty (or not so).
 */
export function conditionSchema(condition: Condition): JsonSchema {
  if ('all' in condition) return { allOf: condition.all.map(conditionSchema) };
  if ('any' in condition) return { anyOf: condition.any.map(conditionSchema) };
  const segments = condition.field.split('.');
  if ('equals' in condition) return nest(segments, { const: condition.equals });
  if ('in' in condition) return condition.in.length === 0 ? { not: {} } : nest(segments, { enum: condition.in });
  const set = nest(segments, { not: { enum: EMPTY } });
  return condition.isSet ? set : { not: set };
}
