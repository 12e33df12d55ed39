import { isFieldKind, type FieldKind } from './field-kinds.ts';
import { isRecord, type Node } from './nodes.ts';

const FORMAT_KINDS: Record<string, FieldKind> = {
  email: 'email',
  telefonnummer: 'phone',
  personnummer: 'personnummer',
  organisationsnummer: 'organisationsnummer',
  postnummer: 'postnummer',
  fastighetsbeteckning: 'fastighetsbeteckning',
  date: 'date',
};

const ADDRESS_KEYS = ['city', 'postcode', 'street'];
const ATTACHMENT_KEYS = ['id', 'name', 'size', 'type'];

function sameKeys(node: Node, keys: string[]): boolean {
  return isRecord(node.properties) && Object.keys(node.properties).sort().join() === keys.join();
}

/** The kind a field was made as, from its `ui:kind`, else inferred from its schema and uiSchema. */
export function fieldKindOf(schema: Node, ui: Node | undefined): FieldKind {
  const stated = ui?.['ui:kind'];
  if (isFieldKind(stated)) return stated;
  return inferFieldKind(schema, ui);
}

/** The kind of a hand-written field that carries no `ui:kind`. */
export function inferFieldKind(schema: Node, ui: Node | undefined): FieldKind {
  const options = isRecord(ui?.['ui:options']) ? ui['ui:options'] : {};
  if (schema.type === 'null' || ui?.['ui:field'] === 'notice') return options.kind === 'warning' ? 'stop-notice' : 'information';
  if (schema.type === 'boolean') return schema.const === true ? 'consent' : 'yes-no';
  if (schema.type === 'array') {
    const items = isRecord(schema.items) ? schema.items : {};
    if (sameKeys(items, ATTACHMENT_KEYS)) return 'attachment';
    if (isRecord(items.properties)) return 'repeated-group';
    return 'multiple-choice';
  }
  if (schema.type === 'object') return sameKeys(schema, ADDRESS_KEYS) ? 'address' : 'group';
  if (Array.isArray(schema.enum)) return 'single-choice';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  const format = typeof schema.format === 'string' ? FORMAT_KINDS[schema.format] : undefined;
  if (format !== undefined) return format;
  return ui?.['ui:widget'] === 'textarea' ? 'long-text' : 'short-text';
}
