import type { JsonSchema } from './definition.ts';

/** A field path of a JSON Pointer into answers: "/buyers/0/name" -> "buyers.name". */
export function fieldPathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .filter((segment) => !/^\d+$/.test(segment))
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function isSchema(x: unknown): x is JsonSchema {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The object schema whose properties hold values: the schema itself, or its array items. */
function holder(schema: JsonSchema): JsonSchema {
  let current = schema;
  while (isSchema(current.items)) current = current.items;
  return current;
}

/** The properties of an object schema (through array items), or an empty record. */
export function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = holder(schema).properties;
  if (!isSchema(properties)) return {};
  const result: Record<string, JsonSchema> = {};
  for (const [key, value] of Object.entries(properties)) if (isSchema(value)) result[key] = value;
  return result;
}

/** The schema of a field path ("buyers.name" passes through the items of `buyers`). */
export function schemaAt(schema: JsonSchema, fieldPath: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const segment of fieldPath.split('.')) {
    if (current === undefined) return undefined;
    current = propertiesOf(current)[segment];
  }
  return current;
}

/** One property of a schema, found by walking objects and array items. */
export interface FieldEntry {
  /** "buyers.name" */
  path: string;
  /** JSON Pointer into the schema: "/properties/buyers/items/properties/name". */
  pointer: string;
  schema: JsonSchema;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

const ATTACHMENT_REF_KEYS = ['id', 'name', 'size', 'type'].join();

/** An attachment field's answer is a list of file references; their parts are no questions. */
function isAttachmentList(node: JsonSchema): boolean {
  const items = node.items;
  return node.type === 'array' && isSchema(items) && isSchema(items.properties) && Object.keys(items.properties).sort().join() === ATTACHMENT_REF_KEYS;
}

/** Every property of a schema at every depth, parents before children; attachment lists are leaves. */
export function fieldEntries(schema: JsonSchema): FieldEntry[] {
  const entries: FieldEntry[] = [];
  const walk = (node: JsonSchema, path: string, pointer: string): void => {
    if (isAttachmentList(node)) return;
    let at = node;
    let atPointer = pointer;
    while (isSchema(at.items)) {
      at = at.items;
      atPointer += '/items';
    }
    if (!isSchema(at.properties)) return;
    for (const [key, child] of Object.entries(at.properties)) {
      if (!isSchema(child)) continue;
      const childPath = path === '' ? key : `${path}.${key}`;
      const childPointer = `${atPointer}/properties/${escapePointer(key)}`;
      entries.push({ path: childPath, pointer: childPointer, schema: child });
      walk(child, childPath, childPointer);
    }
  };
  walk(schema, '', '');
  return entries;
}
