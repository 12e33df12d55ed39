import type { JsonSchema } from '@samform/model';

import { isObject } from './is-object.ts';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether a value matches the condition part of a schema (`if`), as far as the page needs it to
 * mark a field "required" while its rule holds: type, const, enum, required, properties, items,
 * lengths, not, allOf/anyOf/oneOf. Anything else counts as not matching (the server decides).
 */
export function schemaMatches(schema: unknown, value: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false || !isObject(schema)) return false;
  for (const [keyword, arg] of Object.entries(schema)) {
    if (!keywordHolds(keyword, arg, value)) return false;
  }
  return true;
}

const IGNORED = new Set(['$comment', 'title', 'description', 'additionalProperties', 'format', 'then', 'else', 'if', 'default', 'examples', 'pattern']);

function keywordHolds(keyword: string, arg: unknown, value: unknown): boolean {
  const type = typeOf(value);
  switch (keyword) {
    case 'type': {
      const types = Array.isArray(arg) ? arg : [arg];
      return types.some((t) => t === type || (t === 'number' && type === 'integer'));
    }
    case 'const':
      return sameJson(arg, value);
    case 'enum':
      return Array.isArray(arg) && arg.some((option) => sameJson(option, value));
    case 'required':
      return type !== 'object' || (Array.isArray(arg) && arg.every((key) => (value as Record<string, unknown>)[String(key)] !== undefined));
    case 'properties':
      if (type !== 'object' || !isObject(arg)) return true;
      return Object.entries(arg).every(([key, sub]) => {
        const part = (value as Record<string, unknown>)[key];
        return part === undefined || schemaMatches(sub, part);
      });
    case 'items':
      return type !== 'array' || (value as unknown[]).every((item) => schemaMatches(arg, item));
    case 'contains':
      return type !== 'array' || (value as unknown[]).some((item) => schemaMatches(arg, item));
    case 'minLength':
      return type !== 'string' || (value as string).length >= Number(arg);
    case 'maxLength':
      return type !== 'string' || (value as string).length <= Number(arg);
    case 'minItems':
      return type !== 'array' || (value as unknown[]).length >= Number(arg);
    case 'maxItems':
      return type !== 'array' || (value as unknown[]).length <= Number(arg);
    case 'minimum':
      return typeof value !== 'number' || value >= Number(arg);
    case 'maximum':
      return typeof value !== 'number' || value <= Number(arg);
    case 'not':
      return !schemaMatches(arg, value);
    case 'allOf':
      return Array.isArray(arg) && arg.every((sub) => schemaMatches(sub, value));
    case 'anyOf':
      return Array.isArray(arg) && arg.some((sub) => schemaMatches(sub, value));
    case 'oneOf':
      return Array.isArray(arg) && arg.filter((sub) => schemaMatches(sub, value)).length === 1;
    default:
      return IGNORED.has(keyword);
  }
}

/**
 * The names a schema requires of a value: its own `required`, and those of the `then`/`else`
 * branches and `allOf` entries whose conditions the value meets, as rjsf resolved them.
 */
export function requiredNames(schema: JsonSchema, value: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!isObject(node)) return;
    if (Array.isArray(node.required)) for (const key of node.required) names.add(String(key));
    if ('if' in node) visit(schemaMatches(node.if, value ?? {}) ? node.then : node.else);
    if (Array.isArray(node.allOf)) for (const sub of node.allOf) visit(sub);
  };
  visit(schema);
  return names;
}
