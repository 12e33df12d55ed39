import type { JsonSchema, JsonValue } from './definition.ts';
import { FORBIDDEN_FORM_KEYS } from './form-limits.ts';

/** What reading a form post needs to know of a schema: its type, its choices, and its parts. */
export interface FormShape {
  /** The JSON type a posted text becomes; inferred from `properties`, `items` or `enum` when not declared. */
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';
  /** The allowed values (`enum`, or `const` as one value), matched against the posted text. */
  enum?: readonly JsonValue[];
  items?: FormShape;
  /** Every property the object may have, also those only under `then`/`else`, `allOf`, … . */
  properties?: Map<string, FormShape>;
}

const TYPES = new Set<string>(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);

function isSchema(x: unknown): x is JsonSchema {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The schema and every sub-schema whose properties apply to the same value when a condition holds. */
function branches(schema: JsonSchema): JsonSchema[] {
  const found: JsonSchema[] = [schema];
  // `if` only tests the value; `then`/`else` and the combinators say what it may hold.
  const more: unknown[] = [schema.then, schema.else];
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) more.push(...list);
  }
  for (const keyword of ['dependencies', 'dependentSchemas']) {
    const map = schema[keyword];
    if (isSchema(map)) more.push(...Object.values(map));
  }
  for (const sub of more) if (isSchema(sub)) found.push(...branches(sub));
  return found;
}

function declaredType(schema: JsonSchema): FormShape['type'] {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (t): t is NonNullable<FormShape['type']> => typeof t === 'string' && TYPES.has(t),
  );
  // ["integer", "null"]: a posted text is read as the non-null type.
  return types.find((t) => t !== 'null') ?? types[0];
}

function typeOfValues(values: readonly JsonValue[]): FormShape['type'] {
  const kinds = new Set(values.map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v)));
  if (kinds.size === 1 && kinds.has('boolean')) return 'boolean';
  if ([...kinds].every((k) => k === 'integer')) return 'integer';
  if ([...kinds].every((k) => k === 'integer' || k === 'number')) return 'number';
  return 'string';
}

function shapeOfAll(schemas: JsonSchema[]): FormShape {
  const all = schemas.flatMap(branches);
  const shape: FormShape = {};
  const itemSchemas: JsonSchema[] = [];
  const propertySchemas = new Map<string, JsonSchema[]>();
  for (const schema of all) {
    shape.type ??= declaredType(schema);
    if (shape.enum === undefined && Array.isArray(schema.enum)) shape.enum = schema.enum as JsonValue[];
    if (shape.enum === undefined && 'const' in schema) shape.enum = [schema.const as JsonValue];
    if (isSchema(schema.items)) itemSchemas.push(schema.items);
    if (!isSchema(schema.properties)) continue;
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!isSchema(sub) || FORBIDDEN_FORM_KEYS.has(key)) continue;
      const list = propertySchemas.get(key) ?? [];
      list.push(sub);
      propertySchemas.set(key, list);
    }
  }
  if (itemSchemas.length > 0) shape.items = shapeOfAll(itemSchemas);
  if (propertySchemas.size > 0) {
    shape.properties = new Map([...propertySchemas].map(([key, list]) => [key, shapeOfAll(list)]));
  }
  shape.type ??= shape.properties ? 'object' : shape.items ? 'array' : shape.enum ? typeOfValues(shape.enum) : undefined;
  return shape;
}

/**
 * A schema read for a form post: the first declared `type` and `enum`/`const` win, and the
 * `properties` and `items` of conditional sub-schemas (`then`, `else`, `allOf`, `anyOf`,
 * `oneOf`, `dependencies`) are merged in, so a field shown only under a condition is read too.
 */
export function formShapeOf(schema: JsonSchema): FormShape {
  return shapeOfAll([schema]);
}
