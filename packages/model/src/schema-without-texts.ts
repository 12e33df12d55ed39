import type { JsonSchema } from './definition.ts';

type Node = Record<string, unknown>;

function isRecord(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// Keywords whose value is one schema, a list of schemas, or a map of name to schema. Everything
// else (enum, const, default, dateRule, …) is data and stays as it is.
const ONE_SCHEMA = new Set(['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'items', 'prefixItems']);
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies']);
// What `localizeDefinition` writes into a schema; annotations only, they never change a result.
const TEXT_KEYWORDS = new Set(['title', 'description']);

function strip(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Node = {};
  for (const [keyword, child] of Object.entries(value)) {
    if (TEXT_KEYWORDS.has(keyword)) continue;
    if (SCHEMA_LIST.has(keyword) && Array.isArray(child)) out[keyword] = child.map(strip);
    else if (ONE_SCHEMA.has(keyword)) out[keyword] = strip(child);
    else if (SCHEMA_MAP.has(keyword) && isRecord(child)) out[keyword] = Object.fromEntries(Object.entries(child).map(([name, sub]) => [name, strip(sub)]));
    else out[keyword] = child;
  }
  return out;
}

/**
 * The schema without the texts `localizeDefinition` puts in (`title`, `description`), so that a
 * localised schema and the definition's own name the same precompiled validators.
 */
export function schemaWithoutTexts(schema: JsonSchema): JsonSchema {
  return strip(schema) as JsonSchema;
}
