import type { ServiceDefinition, Step } from '../definition.ts';
import { UnprocessableError } from '../errors.ts';

/** A JSON object being edited. */
export type Node = Record<string, unknown>;

export function isRecord(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A JSON Pointer segment. */
export function esc(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Property keys a designer may use: safe as form names, HTML ids and text paths. */
export const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

/** Where one field lives: the object schema holding it, its own schema and its uiSchema path. */
export interface FieldPlace {
  holder: Node;
  key: string;
  node: Node;
  /** Keys from the uiSchema root to the field's entry ("buyers", "items", "name"). */
  uiKeys: string[];
  /** True for a property of the root object (one that steps name). */
  topLevel: boolean;
}

/** The object schema whose properties hold values: the schema itself, or its array items. */
export function holderOf(schema: Node): Node {
  let current = schema;
  while (isRecord(current.items)) current = current.items;
  return current;
}

/** The place of a field path in a definition (mutable when the definition is a copy). */
export function placeOf(definition: ServiceDefinition, path: string): FieldPlace | undefined {
  let node: Node = definition.schema;
  let holder: Node = node;
  const uiKeys: string[] = [];
  const segments = path.split('.');
  for (const segment of segments) {
    while (isRecord(node.items)) {
      node = node.items;
      uiKeys.push('items');
    }
    holder = node;
    const properties = node.properties;
    if (!isRecord(properties) || !isRecord(properties[segment]) || !Object.hasOwn(properties, segment)) return undefined;
    node = properties[segment];
    uiKeys.push(segment);
  }
  return { holder, key: segments[segments.length - 1] ?? path, node, uiKeys, topLevel: segments.length === 1 };
}

/** Like `placeOf`, but a missing field is an error naming it. */
export function mustPlace(definition: ServiceDefinition, path: string): FieldPlace {
  const place = placeOf(definition, path);
  if (place === undefined) throw new UnprocessableError('field-not-found', `The e-service has no field "${path}"`);
  return place;
}

/** The uiSchema entry at `uiKeys`, created on the way when `create`. */
export function uiAt(definition: ServiceDefinition, uiKeys: string[], create: boolean): Node | undefined {
  if (definition.uiSchema === undefined) {
    if (!create) return undefined;
    definition.uiSchema = {};
  }
  let node: Node = definition.uiSchema;
  for (const key of uiKeys) {
    if (!isRecord(node[key])) {
      if (!create) return undefined;
      node[key] = {};
    }
    node = node[key] as Node;
  }
  return node;
}

/** The properties record of an object schema, created when missing. */
export function propertiesOf(holder: Node): Node {
  if (!isRecord(holder.properties)) holder.properties = {};
  return holder.properties as Node;
}

/** The `required` list of an object schema (empty when there is none). */
export function requiredOf(holder: Node): string[] {
  return Array.isArray(holder.required) ? holder.required.filter((k): k is string => typeof k === 'string') : [];
}

/** Sets or clears `key` in an object schema's `required`, dropping an emptied list. */
export function setRequired(holder: Node, key: string, required: boolean): void {
  const list = requiredOf(holder);
  const has = list.includes(key);
  if (required && !has) holder.required = [...list, key];
  if (!required && has) {
    const rest = list.filter((k) => k !== key);
    if (rest.length === 0) delete holder.required;
    else holder.required = rest;
  }
}

/** A key not yet used among `taken`: `stem`, `stem2`, `stem3`, … */
export function uniqueKey(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!used.has(`${stem}${n}`)) return `${stem}${n}`;
}

/** The step holding a top-level field. */
export function stepOf(definition: ServiceDefinition, key: string): Step | undefined {
  return definition.steps?.find((s) => s.fields.includes(key));
}

/** The step with an id, or an error naming it. */
export function mustStep(definition: ServiceDefinition, stepId: string): Step {
  const step = definition.steps?.find((s) => s.id === stepId);
  if (step === undefined) throw new UnprocessableError('step-not-found', `The e-service has no step "${stepId}"`);
  return step;
}

/**
 * A definition without steps is one page; editing its structure first makes that page a step
 * holding every top-level field in display order.
 */
export function ensureSteps(definition: ServiceDefinition): Step[] {
  if (definition.steps !== undefined) return definition.steps;
  const keys = Object.keys(propertiesOf(definition.schema));
  const order = definition.uiSchema?.['ui:order'];
  const ordered = Array.isArray(order) ? [...order.filter((k): k is string => typeof k === 'string' && keys.includes(k)), ...keys.filter((k) => !order.includes(k))] : keys;
  definition.steps = [{ id: 'steg-1', title: structuredClone(definition.title), fields: ordered }];
  return definition.steps;
}

/** Every texts key of a field and of the fields inside it. */
export function textKeysUnder(definition: ServiceDefinition, path: string): string[] {
  return Object.keys(definition.texts).filter((k) => k === path || k.startsWith(`${path}.`));
}
