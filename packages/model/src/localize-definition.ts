import type { JsonSchema, ServiceDefinition, UiSchema } from './definition.ts';
import { text } from './text.ts';

type Node = Record<string, unknown>;

function isRecord(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function childOf(node: Node, key: string): Node {
  if (!isRecord(node[key])) node[key] = {};
  return node[key] as Node;
}

/**
 * The schema and uiSchema nodes of a field path. rjsf nests the uiSchema like the data, so
 * `buyers.name` is `buyers.items.name` there, as `properties.buyers.items.properties.name` in the
 * schema. Missing uiSchema objects are created; a missing schema property answers undefined.
 */
function nodesAt(schema: Node, uiSchema: Node, fieldPath: string): { schema: Node; ui: () => Node } | undefined {
  let s: Node = schema;
  const uiKeys: string[] = [];
  for (const segment of fieldPath.split('.')) {
    while (isRecord(s.items)) {
      s = s.items;
      uiKeys.push('items');
    }
    const properties = s.properties;
    if (!isRecord(properties) || !isRecord(properties[segment])) return undefined;
    s = properties[segment];
    uiKeys.push(segment);
  }
  return { schema: s, ui: () => uiKeys.reduce(childOf, uiSchema) };
}

/**
 * A deep copy of the definition's schema and uiSchema for @rjsf in `locale`: each field's label
 * and help become `title` and `description`, enum labels become `ui:enumNames` (on `items` for
 * multi-choice arrays), and the root title is the e-service title. Custom keywords stay.
 */
export function localizeDefinition(definition: ServiceDefinition, locale: string): { schema: JsonSchema; uiSchema: UiSchema } {
  const schema = structuredClone(definition.schema);
  const uiSchema: UiSchema = structuredClone(definition.uiSchema ?? {});
  schema.title = text(definition.title, locale);
  if (definition.description !== undefined) schema.description = text(definition.description, locale);
  for (const [fieldPath, texts] of Object.entries(definition.texts)) {
    const nodes = nodesAt(schema, uiSchema, fieldPath);
    if (nodes === undefined) continue;
    const node = nodes.schema;
    node.title = text(texts.label, locale);
    if (texts.help !== undefined) node.description = text(texts.help, locale);
    const options = texts.options;
    if (options === undefined) continue;
    const items = isRecord(node.items) ? node.items : undefined;
    const values = Array.isArray(node.enum) ? node.enum : Array.isArray(items?.enum) ? items.enum : undefined;
    if (values === undefined) continue;
    const names = values.map((value: unknown) => {
      const label = options[String(value)];
      return label === undefined ? String(value) : text(label, locale);
    });
    const ui = Array.isArray(node.enum) ? nodes.ui() : childOf(nodes.ui(), 'items');
    ui['ui:enumNames'] = names;
  }
  return { schema, uiSchema };
}
